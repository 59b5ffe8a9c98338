import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store } from '../store/store.ts'
import { ingestPaths, type IngestSummary } from './ingest.ts'
import { isPostgresUrl } from '../store/postgres-store.ts'

export interface IngestJob {
  id: string
  status: 'running' | 'done' | 'failed'
  total: number
  done: number
  files: string[]
  summary: IngestSummary | null
  error: string | null
}

export class UploadError extends Error {}

/**
 * A file name from an upload, safe to store: no folders, no "..", no control characters.
 * Anything else is refused rather than cleaned, so that nothing lands outside the upload folder.
 */
export function safeFileName(name: string): string {
  if (!name || name.length > 255 || /[/\\\u0000-\u001f]/.test(name) || name === '.' || name === '..' || name.startsWith('.')) {
    throw new UploadError(`"${name}" is not an acceptable file name: give a plain name without folders`)
  }
  return name
}

/** Ingestion jobs started from uploads: each stores its files under the upload folder and reports progress. */
export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>()
  constructor(private readonly folder: string, private readonly kb: KnowledgeBase, private readonly store: Store) {}

  start(files: { name: string; data: Buffer }[]): IngestJob {
    const id = randomUUID()
    const dir = resolve(this.folder, id)
    mkdirSync(dir, { recursive: true })
    const paths = files.map((f) => {
      const path = resolve(dir, safeFileName(f.name))
      if (!path.startsWith(dir + sep)) throw new UploadError(`"${f.name}" would be stored outside the upload folder`)
      writeFileSync(path, f.data)
      return path
    })
    const job: IngestJob = { id, status: 'running', total: paths.length, done: 0, files: files.map((f) => f.name), summary: null, error: null }
    this.jobs.set(id, job)
    ingestPaths(paths, this.kb, this.store, { onFile: (_file, done) => { job.done = done } })
      .then((summary) => {
        summary.errors = summary.errors.map((e) => ({ ...e, file: e.file.replace(`${dir}${sep}`, '') }))
        job.summary = summary
        job.status = 'done'
      })
      .catch((err: Error) => { job.status = 'failed'; job.error = err.message })
    return job
  }

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id)
  }

  /** Waits until a job has finished (for tests and the CLI). */
  async settle(id: string): Promise<IngestJob | undefined> {
    for (;;) {
      const job = this.jobs.get(id)
      if (!job || job.status !== 'running') return job
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

/** Uploads live beside a SQLite file; with a PostgreSQL URL, under ENTENTE_DATA or the working folder. */
export const uploadFolder = (db: string) =>
  isPostgresUrl(db) ? resolve(process.env['ENTENTE_DATA'] ?? '.', 'entente-uploads') : join(resolve(db, '..'), 'entente-uploads')
