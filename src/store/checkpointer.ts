import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// The thread's code: its own connection to the file, a PASSIVE checkpoint per request, and the
// connection closed on request (the last connection to close copies what is left and removes the WAL).
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = ' + workerData.busyMs)
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.postMessage('closed'); return }
  let error = null
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (err) { error = String(err && err.message || err) }
  parentPort.postMessage(error ? { error } : 'done')
})
`

/**
 * Copies a SQLite file's write-ahead log into the file on a thread of its own. After a bulk import
 * the log holds every page the import wrote (about 600 MB for a million GDELT records): copying it
 * takes seconds that the writing thread then spends on the next file or on the pair states. Readers
 * and the writer go on meanwhile (WAL mode lets a checkpoint run beside both).
 */
export class Checkpointer {
  private worker: Worker | null = null
  private pending: Promise<void> | null = null

  constructor(private readonly path: string, private readonly busyMs: number) {}

  /** Starts a checkpoint unless one is running; a failed one is only a missed chance (SQLite checkpoints again later). */
  start(): void {
    if (this.pending) return
    const worker = (this.worker ??= new Worker(SOURCE, { eval: true, workerData: { path: this.path, driver: createRequire(import.meta.url).resolve('better-sqlite3'), busyMs: this.busyMs } }))
    this.pending = new Promise<void>((resolve) => {
      const done = () => { worker.off('error', done); this.pending = null; resolve() }
      worker.once('message', done).once('error', done)
      worker.postMessage('checkpoint')
    })
  }

  /** Resolves once no checkpoint is running. */
  async idle(): Promise<void> {
    await this.pending
  }

  /** Waits for a running checkpoint, then closes the thread's connection and the thread. */
  async close(): Promise<void> {
    await this.pending
    const worker = this.worker
    this.worker = null
    if (!worker) return
    await new Promise<void>((resolve) => { worker.once('message', () => resolve()).once('error', () => resolve()); worker.postMessage('close') })
    await worker.terminate()
  }
}
