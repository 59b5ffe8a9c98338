import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, resolve } from 'node:path'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import { refreshPairStates } from './pair-states.ts'
import type { ImportDocument, Store } from '../store/store.ts'
import { importChunks, type ImportChunk } from '../import/chunks.ts'
import { emptyTally, mappedBatches, MAX_MALFORMED_LISTED } from '../import/file-events.ts'
import type { Dataset } from '../import/mappings.ts'
import type { ImportReport, Skip } from '../import/record.ts'
import { DEFAULT_CAMEO_TABLE, mapContext } from './import-context.ts'
import { ImportThread, type ThreadFile } from './import-thread.ts'

/** Files from this size on are read by a thread of their own where the machine has a second core. */
const THREAD_MIN_BYTES = 4 << 20

export { DEFAULT_CAMEO_TABLE, mapContext }

export interface ImportOptions {
  cameoTable?: string
  /** Called as the files are read: bytes read so far, of all files. */
  onProgress?: (bytes: number, total: number) => void
  /** Bring the pair states up to date after each file (default true; questions do it otherwise). */
  analyse?: boolean
  /**
   * Read files on a thread of their own while this one writes (default 'auto': files of 4 MB or
   * more, on a machine with two cores or more).
   */
  thread?: boolean | 'auto'
}

async function fileHash(dataset: string, file: string): Promise<string> {
  const hash = createHash('sha256').update(`${dataset}\n`)
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex').slice(0, 24)
}

/**
 * Imports files of an event dataset: each file is streamed, mapped record by record and stored in
 * one transaction. Records that cannot be mapped are counted by reason and value, never dropped
 * silently; a file that cannot be read is reported and the others go on. Large files are read and
 * mapped on a worker thread (src/service/import-thread.ts) while this thread writes.
 */
export async function importFiles(dataset: Dataset, files: string[], kb: KnowledgeBase, store: Store, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now()
  const ctx = mapContext(dataset, kb, options.cameoTable)
  const report: ImportReport = {
    dataset, files: [], rows: 0, imported: 0, oneSided: 0, malformed: [], seconds: 0,
    skipped: { 'event code': {}, 'source actor': {}, 'target actor': {}, date: {}, malformed: {} },
  }
  const sizes = files.map((f) => { try { return statSync(f).size } catch { return 0 } })
  const total = sizes.reduce((a, b) => a + b, 0)
  const threaded = (size: number) => options.thread === true || (options.thread !== false && size >= THREAD_MIN_BYTES && availableParallelism() > 1)
  const thread = new ImportThread()
  if (sizes.some(threaded)) thread.prepare(dataset, options.cameoTable)
  let done = 0
  try {
    for (const [n, file] of files.entries()) {
      const path = resolve(file)
      const entry: ImportReport['files'][number] = { file, outcome: 'failed', rows: 0, imported: 0 }
      report.files.push(entry)
      try {
        if (!statSync(path).isFile()) throw new Error('not a file')
        const id = `${dataset}-${await fileHash(dataset, path)}`
        const doc = { id, sourceKey: `import:${dataset}:${path}`, file: basename(path), path, format: dataset, title: `${dataset.toUpperCase()} import: ${basename(path)}` }
        if ((await store.sourceDoc(doc.sourceKey)) === id) entry.outcome = 'unchanged'
        else await importFile(doc, entry, threaded(sizes[n]!))
      } catch (err) {
        entry.error = (err as Error).message.replace(`${path}: `, '')
      }
      done += sizes[n]!
      options.onProgress?.(done, total)
    }
  } finally {
    await thread.close()
  }
  report.seconds = (performance.now() - started) / 1000
  return report

  /** One changed or new file: its records streamed in chunks into one transaction. */
  async function importFile(doc: ImportDocument, entry: ImportReport['files'][number], onThread: boolean): Promise<void> {
    let source: ThreadFile
    if (onThread) source = thread.file({ dataset, path: doc.path, docId: doc.id, ...(options.cameoTable ? { cameoTable: options.cameoTable } : {}) })
    else {
      const tally = emptyTally()
      const read = mappedBatches(dataset, doc.path, ctx, tally)
      source = { chunks: importChunks(doc.id, read.batches), tally: () => tally, bytes: read.bytes }
    }
    async function* progress(): AsyncGenerator<ImportChunk> {
      for await (const chunk of source.chunks) {
        yield chunk
        if (chunk.kind === 'events') options.onProgress?.(done + source.bytes(), total)
      }
    }
    const saved = await store.saveImport(doc, progress())
    // The relation model follows each stored file (src/service/pair-states.ts).
    if (options.analyse !== false) await refreshPairStates(store, kb)
    const tally = source.tally()
    for (const [reason, values] of Object.entries(tally.skipped) as [Skip['reason'], Record<string, number>][]) {
      for (const [value, k] of Object.entries(values)) report.skipped[reason][value] = (report.skipped[reason][value] ?? 0) + k
    }
    for (const m of tally.malformed) if (report.malformed.length < MAX_MALFORMED_LISTED) report.malformed.push({ file: entry.file, ...m })
    const unchanged = saved.outcome === 'unchanged'
    entry.outcome = saved.outcome
    entry.rows = tally.rows
    entry.imported = unchanged ? 0 : tally.imported
    report.rows += tally.rows
    report.imported += entry.imported
    report.oneSided += unchanged ? 0 : tally.oneSided
  }
}
