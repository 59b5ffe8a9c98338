import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import { GROUP_ROW_LAYOUT, IMPORT_ROW_LAYOUT, type ImportChunk, type ImportRow } from '../import/chunks.ts'
import { pack, transferables, unpack, type Packed } from '../import/tuple-codec.ts'
import type { FileTally } from '../import/file-events.ts'
import type { Dataset } from '../import/mappings.ts'
import { ROOT } from './context.ts'

/** One file for the reading thread: the dataset, the file, and the id its events are numbered under. */
export interface ImportJob { dataset: Dataset; path: string; docId: string; cameoTable?: string }

export type ToWorker = { kind: 'prepare'; dataset: Dataset; cameoTable?: string } | { kind: 'file'; job: ImportJob; credits: number } | { kind: 'credit'; n: number }
/** A chunk as it crosses: events and groups packed (src/import/tuple-codec.ts), the last chunk as it is. */
export type WireChunk = { kind: 'events' | 'groups'; packed: Packed } | Extract<ImportChunk, { kind: 'end' }>
export type ToMain = { kind: 'chunk'; chunk: WireChunk; bytes: number } | { kind: 'done'; tally: FileTally } | { kind: 'failed'; message: string }

/** A chunk packed for the trip, and the buffers it moves. */
export function toWire(chunk: ImportChunk): { wire: WireChunk; transfer: ArrayBuffer[] } {
  if (chunk.kind === 'end') return { wire: chunk, transfer: [] }
  const packed = pack(chunk.kind === 'events' ? IMPORT_ROW_LAYOUT : GROUP_ROW_LAYOUT, chunk.rows)
  return { wire: { kind: chunk.kind, packed }, transfer: transferables(packed) }
}

function fromWire(w: WireChunk): ImportChunk {
  if (w.kind === 'end') return w
  return w.kind === 'events' ? { kind: 'events', rows: unpack<ImportRow>(IMPORT_ROW_LAYOUT, w.packed) } : { kind: 'groups', rows: unpack(GROUP_ROW_LAYOUT, w.packed) }
}

const ENTRY = join(ROOT, 'bin', 'import-worker.js')
/** Chunks the reading thread may be ahead of the store: about 16,000 events, or 8 × 25,000 series groups. */
const IN_FLIGHT = 8

/**
 * The reading thread's young generation: 192 MB (V8's default is about a third). Records die young
 * but chunks wait in flight: with the default, collecting took 3.5 s of a million GDELT records and
 * the import ran at 66–70k records/s; with 192 MB, 1.5 s and 75–77k/s, for 100 MB more peak memory.
 */
const READER_YOUNG_MB = 192

const reader = () => new Worker(ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_MB } })

/** A file as the reading thread sends it: its chunks in order, then its tally; `bytes()` tells how far it has read. */
export interface ThreadFile { chunks: AsyncGenerator<ImportChunk>; tally: () => FileTally; bytes: () => number }

/**
 * A worker thread that reads and maps imported files one at a time, while this thread writes what
 * it sends (two cores: reading and writing each take about half the work). A file whose chunks are
 * not all taken (the store failed) ends the thread; the next file starts a new one.
 */
export class ImportThread {
  private worker: Worker | null = null

  /** Starts the thread, which loads what the mappers need while this one hashes the first file. */
  prepare(dataset: Dataset, cameoTable?: string): void {
    this.worker ??= reader()
    this.worker.postMessage({ kind: 'prepare', dataset, ...(cameoTable ? { cameoTable } : {}) } satisfies ToWorker)
  }

  file(job: ImportJob): ThreadFile {
    const worker = (this.worker ??= reader())
    let tally: FileTally | null = null
    let bytes = 0
    const queue: ToMain[] = []
    let wake: (() => void) | null = null
    let failure: Error | null = null
    const onMessage = (m: ToMain) => { queue.push(m); wake?.() }
    const onError = (err: Error) => { failure = err; wake?.() }
    const onExit = (code: number) => { failure ??= new Error(`${job.path}: the thread reading the file stopped (exit code ${code})`); wake?.() }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    worker.postMessage({ kind: 'file', job, credits: IN_FLIGHT } satisfies ToWorker)
    const self = this
    async function* chunks(): AsyncGenerator<ImportChunk> {
      let finished = false
      try {
        for (;;) {
          const m = queue.shift()
          if (!m) {
            if (failure) throw failure
            await new Promise<void>((resolve) => { wake = resolve })
            wake = null
            continue
          }
          if (m.kind === 'failed') throw new Error(m.message)
          if (m.kind === 'done') { tally = m.tally; finished = true; return }
          bytes = m.bytes
          yield fromWire(m.chunk)
          worker.postMessage({ kind: 'credit', n: 1 } satisfies ToWorker)
        }
      } finally {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
        if (!finished) {
          // The thread may still be reading this file: it is stopped rather than left mid-file.
          self.worker = null
          await worker.terminate()
        }
      }
    }
    return {
      chunks: chunks(),
      tally: () => { if (!tally) throw new Error(`${job.path}: the file was not read to its end`); return tally },
      bytes: () => bytes,
    }
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }
}
