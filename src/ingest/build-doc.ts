import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { Doc, DocDate } from '../pipeline/document.ts'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { RawArticle } from './article.ts'
import { cleanText } from './clean.ts'
import { detectLanguage, languageSections } from './language.ts'
import { estimatedDate, normaliseMetadataDate, statedDate } from './pubdate.ts'
import { guessTitle, publisherFromUrl } from './title.ts'
import { analyse } from '../pipeline/pipeline.ts'
import { InputError } from './decode.ts'
import { analysisVersion } from '../kb/analysis-version.ts'

export interface BuildOptions {
  /** YYYY-MM-DD: overrides whatever date the article states. */
  date?: string
  /** Overrides language detection. */
  lang?: string
  /** Largest file read, in bytes (default 20 MB). */
  maxBytes?: number
  /**
   * The documents the store holds for this file's sources (Store.storedSources): an article whose
   * source already holds the very document it makes is not analysed again (it is `stored`).
   */
  stored?: ReadonlyMap<string, string>
}

/**
 * The documents of one article: one, or one per language when the page mixes languages
 * paragraph by paragraph (each part in its own language's pack, all with the article's date).
 */
export function buildDocs(article: RawArticle, path: string, kb: KnowledgeBase, options: BuildOptions = {}): Doc[] {
  if (options.lang || article.lang) return [buildDoc(article, path, kb, options)]
  const sections = languageSections(article.text, kb.packs)
  // One language throughout: its paragraphs have told it already.
  if (sections.length < 2) return [buildDoc(article, path, kb, options, 0, null, sections[0]?.lang || undefined)]
  const first = buildDoc({ ...article, text: sections[0]!.text }, path, kb, { ...options, lang: sections[0]!.lang }, 1)
  const rest = sections.slice(1).map((s, n) => buildDoc({ ...article, text: s.text, title: undefined }, path, kb, { ...options, lang: s.lang }, n + 2, first.date))
  return [first, ...rest]
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** Cleans one article, finds its metadata and runs the understanding stages over it. */
export function buildDoc(article: RawArticle, path: string, kb: KnowledgeBase, options: BuildOptions = {}, part = 0, inheritedDate: DocDate | null = null, detected?: string): Doc {
  const file = basename(path)
  const fallbackLang = kb.packs.keys().next().value as string
  const metaLang = article.lang && kb.packs.has(article.lang) ? article.lang : undefined
  const lang = options.lang ?? metaLang ?? detected ?? detectLanguage(article.text, kb.packs) ?? fallbackLang
  const pack = kb.packs.get(lang)
  if (!pack) throw new InputError(path, `no language pack for "${lang}" (installed: ${[...kb.packs.keys()].join(', ')})`)
  const text = cleanText(article.text, pack)
  if (!text) throw new InputError(path, 'no article text left after removing site chrome')

  let date: DocDate | null = inheritedDate
  if (options.date) date = { value: options.date, source: 'override', rule: 'cli.date' }
  const metaDate = article.date ? normaliseMetadataDate(article.date) : null
  if (!date && metaDate) date = { value: metaDate, source: 'metadata', rule: `${article.format}.metadata` }
  date ??= statedDate(text, pack) ?? estimatedDate(text, pack)

  const doc: Doc = {
    id: contentHash(`${lang}\n${date?.value ?? ''}\n${text}`),
    file,
    sourceKey: `${path}${article.index ? `#${article.index}` : ''}${part ? `@${part}` : ''}`,
    format: article.format,
    title: article.title ?? guessTitle(text),
    publisher: article.publisher ?? publisherFromUrl(article.url),
    url: article.url ?? null,
    lang,
    langSource: part ? 'detected-section' : options.lang ? 'override' : metaLang ? 'metadata' : 'detected',
    date,
    text,
    sentences: [], tokens: [], mentions: [], times: [], events: [],
    analysis: analysisVersion(kb.dataDir),
  }
  if (options.stored?.get(doc.sourceKey) === doc.id) return { ...doc, stored: true }
  return analyse(doc, { kb, pack })
}
