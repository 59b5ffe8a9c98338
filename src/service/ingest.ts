import { readdirSync, statSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import { refreshPairStates } from './pair-states.ts'
import type { SaveOutcome, Store } from '../store/store.ts'
import type { StorableDoc } from '../pipeline/document.ts'
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { SUPPORTED } from '../ingest/read-file.ts'
import type { BuildOptions } from '../ingest/build-doc.ts'
import { analyseFile, type FileResult } from '../ingest/analyse-file.ts'
import { DATA_DIR, ROOT } from './context.ts'
import { analysisVersion } from '../kb/analysis-version.ts'

const WORKER = join(ROOT, 'bin', 'ingest-worker.js')

export interface IngestSummary {
  files: number
  documents: { new: number; unchanged: number; replaced: number; reanalysed: number; failed: number }
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
  /** Store documents in batches of SAVE_BATCH, one transaction each (default: one transaction a document). */
  batch?: boolean
  /** Threads, this one included: a number, or "auto" (default 1: this thread alone). With more than one, this one stores and the others read and understand files. */
  workers?: number | 'auto'
}

/**
 * Below this many files a pool costs more than it gives: each thread spends about 3 s loading the
 * code and the knowledge base, and holds its own copy of it (about 150 MB).
 */
const POOL_MIN_FILES = 5000
/**
 * Documents stored by one transaction. Each commit writes every page its batch touched (16 KB each,
 * spread over the indexes of events, mentions and the series): on 20,000 articles with one thread,
 * 64 a batch spent a fifth of the time committing and took 102–108 s; 256 took 75–85 s (runs in
 * turn), at the same peak memory.
 */
export const SAVE_BATCH = 256

/**
 * Files handed to each pool thread at once. The pool hands a thread its next file only when this
 * thread's event loop turns, which it does not while it stores a batch (0.3–0.5 s for SAVE_BATCH
 * articles): a thread given one file at a time waited for it. On 20,000 articles with two threads,
 * 32 in flight took 77–87 s and 128 took 63–64 s (runs in turn), at about the same peak memory.
 */
const IN_FLIGHT = 128

/** "auto": one thread per core for a corpus big enough to pay for the pool, else this thread alone. */
export function workerCount(requested: number | 'auto' | undefined, files: number): number {
  if (requested === 'auto') return files >= POOL_MIN_FILES ? Math.max(1, availableParallelism()) : 1
  return Math.max(1, Math.min(requested ?? 1, files))
}

/**
 * The files' results, in any order: from this thread, or, with n threads, from a pool of n - 1
 * while this one stores what they give. Storing is about a third of the work, so on two cores one
 * thread reads while the other stores. (A pool of n beside this thread ran three threads on two
 * cores; this thread reading files as well held a copy of the knowledge base of its own. Each gave
 * about the same speed, at peaks of 741 MB and 493–543 MB against about 410 MB now.)
 */
async function* analysed(files: string[], kb: KnowledgeBase | (() => KnowledgeBase), store: Store, options: IngestOptions): AsyncGenerator<FileResult> {
  const build: BuildOptions = { ...(options.date ? { date: options.date } : {}), ...(options.lang ? { lang: options.lang } : {}), ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }
  const workers = workerCount(options.workers, files.length)
  let here: KnowledgeBase | undefined
  // What the store holds of each file already, made by this analysis: its unchanged articles are not analysed again.
  const analysis = analysisVersion(typeof kb === 'function' ? DATA_DIR : kb.dataDir)
  const withStored = async (file: string): Promise<BuildOptions> => ({ ...build, stored: await store.storedSources(file, analysis) })
  const inThisThread = (file: string, o: BuildOptions) => analyseFile(file, (here ??= typeof kb === 'function' ? kb() : kb), o)
  if (workers <= 1) {
    for (const file of files) yield inThisThread(file, await withStored(file))
    return
  }
  // Bounded heaps make the threads collect garbage sooner: on 2,000 articles the peak RSS fell from
  // 801 to 600 MB at the same speed.
  const threads = workers - 1
  const pool = new Piscina<{ file: string; options: BuildOptions }, FileResult>({
    filename: WORKER, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: IN_FLIGHT, resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 },
  })
  try {
    // A bounded number of files in flight keeps memory flat whatever the corpus size.
    const inFlight = new Map<number, Promise<{ n: number; result: FileResult }>>()
    let next = 0
    // A thread that dies on a file (out of its bounded heap on a very large one) costs only the
    // thread: the file is read again in this one.
    const submit = () => {
      const n = next++
      const file = files[n]!
      inFlight.set(n, withStored(file).then((o) => pool.run({ file, options: o }).then((result) => ({ n, result }), () => ({ n, result: inThisThread(file, o) }))))
    }
    while (next < files.length && inFlight.size < threads * IN_FLIGHT) submit()
    while (inFlight.size) {
      const { n, result } = await Promise.race(inFlight.values())
      inFlight.delete(n)
      if (next < files.length) submit()
      yield result
    }
  } finally {
    await pool.destroy()
  }
}

/**
 * Reads, analyses and stores every article under the paths; a bad file is reported and skipped.
 * `kb` may be a loader (of the knowledge base of DATA_DIR): with a pool of worker threads, each loads
 * its own and this thread needs none.
 */
export async function ingestPaths(paths: string[], kb: KnowledgeBase | (() => KnowledgeBase), store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const files = listInputFiles(paths)
  const summary: IngestSummary = { files: files.length, documents: { new: 0, unchanged: 0, replaced: 0, reanalysed: 0, failed: 0 }, sentences: 0, events: 0, seconds: 0, errors: [] }
  let done = 0
  // Documents are stored in batches, one transaction each: fewer commits, the same all-or-nothing
  // per batch. A batch that fails is stored again document by document, so one bad document
  // costs only itself.
  let batch: { doc: StorableDoc; path: string }[] = []
  let finished: string[] = []
  const count = (doc: StorableDoc, outcome: SaveOutcome) => {
    summary.documents[outcome]++
    if (outcome !== 'unchanged') {
      summary.sentences += doc.sentences.length
      summary.events += doc.events.length
    }
  }
  const flush = async () => {
    if (batch.length) {
      try {
        const outcomes = await store.saveDocuments(batch)
        batch.forEach((b, i) => count(b.doc, outcomes[i]!))
      } catch {
        for (const b of batch) {
          try { count(b.doc, await store.saveDocument(b.doc, b.path)) } catch (err) {
            summary.documents.failed++
            summary.errors.push({ file: b.path, reason: (err as Error).message })
          }
        }
      }
      batch = []
    }
    for (const file of finished) options.onFile?.(file, ++done, files.length)
    finished = []
  }
  for await (const result of analysed(files, kb, store, options)) {
    summary.errors.push(...result.errors)
    summary.documents.failed += result.errors.length
    summary.documents.unchanged += result.unchanged
    for (const doc of result.docs) batch.push({ doc, path: result.file })
    finished.push(result.file)
    if (batch.length >= SAVE_BATCH || !options.batch) await flush()
  }
  await flush()
  // The relation model follows what was stored (src/service/pair-states.ts).
  if (summary.documents.new + summary.documents.replaced + summary.documents.reanalysed > 0) await refreshPairStates(store, typeof kb === 'function' ? kb() : kb)
  summary.seconds = (performance.now() - started) / 1000
  return summary
}
