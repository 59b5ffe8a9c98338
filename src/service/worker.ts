import type { KnowledgeBase } from '../kb/knowledge.ts'
import { refreshPairStates } from './pair-states.ts'
import { analyseFile } from '../ingest/analyse-file.ts'
import { analysisVersion } from '../kb/analysis-version.ts'
import type { IngestJob, IngestQueue } from '../store/ingest-queue.ts'
import type { Store } from '../store/store.ts'

export interface WorkerOptions {
  worker: string
  /** Stop when the queue has nothing left, instead of waiting for more. */
  once?: boolean
  /** How long to wait between looks at an empty queue. */
  pollMs?: number
  onJob?: (job: IngestJob, outcome: 'done' | 'failed', detail: string) => void
  /** Stops the loop after the current job (set by a signal handler). */
  signal?: AbortSignal
}

export interface JobResult { documents: { new: number; unchanged: number; replaced: number; reanalysed: number; failed: number }; events: number; errors: { file: string; reason: string }[] }

/** One file of the queue: read, understood and stored document by document, under a renewed lease. */
export async function processJob(job: IngestJob, kb: KnowledgeBase, store: Store, queue: IngestQueue, worker: string): Promise<JobResult> {
  const renew = setInterval(() => { void queue.renew(job, worker) }, (queue.leaseSeconds * 1000) / 3)
  try {
    const result = analyseFile(job.path, kb, { ...job.options, stored: await store.storedSources(job.path, analysisVersion(kb.dataDir)) })
    const out: JobResult = { documents: { new: 0, unchanged: result.unchanged, replaced: 0, reanalysed: 0, failed: result.errors.length }, events: 0, errors: result.errors }
    for (const doc of result.docs) {
      const outcome = await store.saveDocument(doc, job.path)
      out.documents[outcome]++
      if (outcome !== 'unchanged') out.events += doc.events.length
    }
    return out
  } finally {
    clearInterval(renew)
  }
}

/** Takes files from the queue until it is empty (with `once`) or the signal stops it. */
export async function runWorker(kb: KnowledgeBase, store: Store, queue: IngestQueue, o: WorkerOptions): Promise<{ done: number; failed: number }> {
  const tally = { done: 0, failed: 0 }
  while (!o.signal?.aborted) {
    const job = await queue.claim(o.worker)
    if (!job) {
      // An idle worker brings the relation model up to date (queries do it too, if none has).
      await refreshPairStates(store, kb)
      if (o.once) break
      await new Promise((r) => setTimeout(r, o.pollMs ?? 1000))
      continue
    }
    try {
      const result = await processJob(job, kb, store, queue, o.worker)
      await queue.finish(job, o.worker, result)
      tally.done++
      o.onJob?.(job, 'done', `${result.documents.new} new, ${result.documents.unchanged} unchanged, ${result.documents.replaced} replaced, ${result.documents.reanalysed} reanalysed, ${result.events} events`)
    } catch (err) {
      await queue.fail(job, o.worker, (err as Error).message)
      tally.failed++
      o.onJob?.(job, 'failed', (err as Error).message)
    }
  }
  return tally
}
