import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { Doc, DocDate } from '../pipeline/document.ts'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { RawArticle } from './article.ts'
import { cleanText } from './clean.ts'
import { detectLanguage } from './language.ts'
import { estimatedDate, normaliseMetadataDate, statedDate } from './pubdate.ts'
import { guessTitle, publisherFromUrl } from './title.ts'
import { analyse } from '../pipeline/pipeline.ts'
import { InputError } from './decode.ts'

export interface BuildOptions {
  /** YYYY-MM-DD: overrides whatever date the article states. */
  date?: string
  /** Overrides language detection. */
  lang?: string
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** Cleans one article, finds its metadata and runs the understanding stages over it. */
export function buildDoc(article: RawArticle, path: string, kb: KnowledgeBase, options: BuildOptions = {}): Doc {
  const file = basename(path)
  const fallbackLang = kb.packs.keys().next().value as string
  const metaLang = article.lang && kb.packs.has(article.lang) ? article.lang : undefined
  const lang = options.lang ?? metaLang ?? detectLanguage(article.text, kb.packs) ?? fallbackLang
  const pack = kb.packs.get(lang)
  if (!pack) throw new InputError(path, `no language pack for "${lang}" (installed: ${[...kb.packs.keys()].join(', ')})`)
  const text = cleanText(article.text, pack)
  if (!text) throw new InputError(path, 'no article text left after removing site chrome')

  let date: DocDate | null = null
  if (options.date) date = { value: options.date, source: 'override', rule: 'cli.date' }
  const metaDate = article.date ? normaliseMetadataDate(article.date) : null
  if (!date && metaDate) date = { value: metaDate, source: 'metadata', rule: `${article.format}.metadata` }
  date ??= statedDate(text, pack) ?? estimatedDate(text, pack)

  const doc: Doc = {
    id: contentHash(`${lang}\n${date?.value ?? ''}\n${text}`),
    file,
    sourceKey: article.index ? `${path}#${article.index}` : path,
    format: article.format,
    title: article.title ?? guessTitle(text),
    publisher: article.publisher ?? publisherFromUrl(article.url),
    url: article.url ?? null,
    lang,
    langSource: options.lang ? 'override' : metaLang ? 'metadata' : 'detected',
    date,
    text,
    sentences: [], tokens: [], mentions: [], times: [], events: [],
  }
  return analyse(doc, { kb, pack })
}
