// The thread that reads an imported file: it maps the records and groups them for the series
// (src/import/chunks.ts) while the main thread writes the chunks it sends to the store.
import { parentPort } from 'node:worker_threads'
import { importChunks } from '../import/chunks.ts'
import { emptyTally, mappedBatches } from '../import/file-events.ts'
import type { MapContext } from '../import/datasets.ts'
import { knowledgeBase } from './context.ts'
import { mapContext } from './import-context.ts'
import { toWire, type ImportJob, type ToMain, type ToWorker } from './import-thread.ts'

const port = parentPort!
const contexts = new Map<string, MapContext>()
let credits = 0
let wake: (() => void) | null = null

/** Chunks sent and not yet written wait in memory: the main thread hands back a credit per chunk written. */
async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => { wake = resolve })
  credits--
}

/** The mappers' context for a dataset, made once. */
function context(dataset: ImportJob['dataset'], cameoTable?: string): MapContext {
  const key = `${dataset}\u0000${cameoTable ?? ''}`
  let ctx = contexts.get(key)
  if (!ctx) contexts.set(key, (ctx = mapContext(dataset, knowledgeBase(), cameoTable)))
  return ctx
}

async function run(job: ImportJob): Promise<void> {
  const ctx = context(job.dataset, job.cameoTable)
  const tally = emptyTally()
  const { batches, bytes } = mappedBatches(job.dataset, job.path, ctx, tally)
  for await (const chunk of importChunks(job.docId, batches)) {
    await credit()
    const { wire, transfer } = toWire(chunk)
    port.postMessage({ kind: 'chunk', chunk: wire, bytes: bytes() } satisfies ToMain, transfer)
  }
  port.postMessage({ kind: 'done', tally } satisfies ToMain)
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'credit') {
    credits += m.n
    wake?.()
    wake = null
    return
  }
  if (m.kind === 'prepare') {
    // While the main thread reads the file through for its hash; a failure here shows with the file.
    try { context(m.dataset, m.cameoTable) } catch { /* reported when the file is read */ }
    return
  }
  credits = m.credits
  run(m.job).catch((err: Error) => port.postMessage({ kind: 'failed', message: err.message } satisfies ToMain))
})
