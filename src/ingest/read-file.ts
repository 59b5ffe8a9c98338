import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
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

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`

/**
 * The file's bytes, read in chunks and never more than maxBytes + 1 of them: a 200 MB dump, or a
 * device or pipe that never ends, is refused after the limit rather than read into memory.
 */
export function readCapped(file: string, maxBytes: number): Buffer {
  let fd: number
  try { fd = openSync(file, 'r') } catch (err) { throw new InputError(file, `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`) }
  try {
    const chunks: Buffer[] = []
    let total = 0
    // A regular file is read in one piece of its size (and one byte more, to see it end); a pipe or
    // a device a megabyte at a time. (Two megabyte buffers for each article of 1 KB cost a twentieth
    // of ingestion.)
    const st = fstatSync(fd)
    const regular = st.isFile()
    for (;;) {
      const want = regular && total === 0 ? Math.min(st.size + 1, maxBytes + 1) : Math.min(1 << 20, maxBytes + 1 - total)
      const chunk = Buffer.allocUnsafe(want)
      let n: number
      try { n = readSync(fd, chunk, 0, chunk.length, null) } catch (err) { throw new InputError(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`) }
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      if (total > maxBytes) throw new InputError(file, `file is over the ${mb(maxBytes)} limit (set a higher one with --max-size)`)
      // A regular file that gave less than was asked for has ended.
      if (regular && n < want) break
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  } finally {
    closeSync(fd)
  }
}

/** Reads one file into articles by its extension (and, for XML, its root element). */
export function readArticles(file: string, maxBytes = DEFAULT_MAX_BYTES): FileRead {
  const ext = extname(file).toLowerCase()
  if (!SUPPORTED.includes(ext)) throw new InputError(file, `unsupported file type "${ext || '(none)'}"; expected one of ${SUPPORTED.join(' ')}`)
  const { text, encoding } = decode(readCapped(file, maxBytes), file)
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
