import { readdirSync, statSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store } from '../store/store.ts'
import { readArticles, SUPPORTED } from '../ingest/read-file.ts'
import { buildDocs, type BuildOptions } from '../ingest/build-doc.ts'

export interface IngestSummary {
  files: number
  documents: { new: number; unchanged: number; replaced: number; failed: number }
  sentences: number
  events: number
  seconds: number
  errors: { file: string; reason: string }[]
}

export class PathError extends Error {}

/** Files under the given paths that the ingester reads, in a stable order. */
export function listInputFiles(paths: string[]): string[] {
  const out: string[] = []
  const walk = (p: string, explicit: boolean) => {
    let st
    try { st = statSync(p) } catch { throw new PathError(`${p}: no such file or folder`) }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name), false)
    } else if (explicit || SUPPORTED.includes(extname(p).toLowerCase())) {
      out.push(resolve(p))
    }
  }
  for (const p of paths) walk(p, true)
  return out
}

export interface IngestOptions extends BuildOptions {
  onFile?: (file: string, done: number, total: number) => void
}

/** Reads, analyses and stores every article under the paths; a bad file is reported and skipped. */
export async function ingestPaths(paths: string[], kb: KnowledgeBase, store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const files = listInputFiles(paths)
  const summary: IngestSummary = { files: files.length, documents: { new: 0, unchanged: 0, replaced: 0, failed: 0 }, sentences: 0, events: 0, seconds: 0, errors: [] }
  for (const [n, file] of files.entries()) {
    try {
      const read = readArticles(file)
      for (const w of read.warnings) summary.errors.push({ file, reason: w })
      summary.documents.failed += read.warnings.length
      for (const article of read.articles) {
        try {
          for (const doc of buildDocs(article, file, kb, options)) {
            const outcome = await store.saveDocument(doc, file)
            summary.documents[outcome]++
            if (outcome !== 'unchanged') {
              summary.sentences += doc.sentences.length
              summary.events += doc.events.length
            }
          }
        } catch (err) {
          summary.documents.failed++
          summary.errors.push({ file: article.index ? `${file}#${article.index}` : file, reason: (err as Error).message.replace(`${file}: `, '') })
        }
      }
    } catch (err) {
      summary.documents.failed++
      summary.errors.push({ file, reason: (err as Error).message.replace(`${file}: `, '') })
    }
    options.onFile?.(file, n + 1, files.length)
  }
  summary.seconds = (performance.now() - started) / 1000
  return summary
}
