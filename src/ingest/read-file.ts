import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import type { RawArticle } from './article.ts'
import { decode, InputError } from './decode.ts'
import { readHtml } from './formats/html.ts'
import { readMarkdown } from './formats/markdown.ts'
import { readJson, readJsonLines } from './formats/jsonl.ts'
import { readFeed } from './formats/feed.ts'

export const SUPPORTED = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl', '.ndjson', '.xml', '.rss', '.atom']
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

export interface FileRead {
  articles: RawArticle[]
  /** Problems with parts of the file (a broken JSON line); the rest was read. */
  warnings: string[]
  encoding: string
}

function looksLikeFeed(text: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(text.slice(0, 2000))
}

/** Reads one file into articles by its extension (and, for XML, its root element). */
export function readArticles(file: string, maxBytes = DEFAULT_MAX_BYTES): FileRead {
  const ext = extname(file).toLowerCase()
  if (!SUPPORTED.includes(ext)) throw new InputError(file, `unsupported file type "${ext || '(none)'}"; expected one of ${SUPPORTED.join(' ')}`)
  const size = statSync(file).size
  if (size > maxBytes) throw new InputError(file, `file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`)
  const { text, encoding } = decode(readFileSync(file), file)
  if (!text.trim()) throw new InputError(file, 'the file holds no text')
  const one = (articles: RawArticle[]): FileRead => ({ articles, warnings: [], encoding })
  switch (ext) {
    case '.md': case '.markdown': return one(readMarkdown(text))
    case '.html': case '.htm': return one(readHtml(text))
    case '.jsonl': case '.ndjson': { const r = readJsonLines(text); return { articles: r.articles, warnings: r.errors, encoding } }
    case '.json': { const r = readJson(text, file); return { articles: r.articles, warnings: r.errors, encoding } }
    case '.xml': case '.rss': case '.atom':
      if (!looksLikeFeed(text)) throw new InputError(file, 'XML file is not an RSS or Atom feed')
      return one(readFeed(text, file))
    default: return one([{ index: 0, text, format: 'txt' }])
  }
}
