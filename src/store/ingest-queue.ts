import { sql, type Kysely } from 'kysely'
import { hostname } from 'node:os'
import type { Database } from './tables.ts'

/** A file waiting to be ingested, or being ingested by a worker. */
export interface IngestJob { id: number; path: string; options: { date?: string; lang?: string }; attempts: number }

export interface QueueCounts { queued: number; running: number; done: number; failed: number }

/** A worker's identity in the queue: host and process, so that an operator can tell who holds what. */
export const workerId = (): string => `${hostname()}:${process.pid}`

/**
 * The ingest queue kept in PostgreSQL: `entente ingest --queue` adds files, `entente worker`
 * processes on any number of machines take them one at a time with FOR UPDATE SKIP LOCKED. A
 * claimed job holds a lease that the worker renews while it works; a worker that dies lets its
 * lease run out and another takes the file again. Storing a document is idempotent (its id is a
 * hash of its content), so a file taken twice still stores each document once.
 */
export class IngestQueue {
  constructor(private readonly db: Kysely<Database>, readonly leaseSeconds = 60, readonly maxAttempts = 3) {}

  /** Creates the queue's table if it is missing (PostgreSQL only). */
  async ensure(): Promise<void> {
    await sql`create table if not exists ingest_jobs (
      id bigserial primary key,
      path text collate "C" not null unique,
      options text not null default '{}',
      state text not null default 'queued',
      attempts integer not null default 0,
      locked_by text,
      locked_until timestamptz,
      error text,
      result text,
      enqueued_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(this.db)
    await sql`create index if not exists ingest_jobs_state_idx on ingest_jobs (state, id)`.execute(this.db)
  }

  /**
   * Adds files; a file already queued or running stays as it is, a finished one is queued again. So
   * is one whose holders all died (its lease ran out after the last attempt), whether or not a
   * worker has marked it failed yet.
   */
  async enqueue(paths: string[], options: IngestJob['options'] = {}): Promise<number> {
    let added = 0
    for (let i = 0; i < paths.length; i += 500) {
      const chunk = paths.slice(i, i + 500)
      const r = await sql`insert into ingest_jobs (path, options)
        select p, ${JSON.stringify(options)} from unnest(${chunk}::text[]) as p
        on conflict (path) do update set state = 'queued', attempts = 0, error = null, options = excluded.options, enqueued_at = now(), finished_at = null
          where ingest_jobs.state in ('done', 'failed')
            or (ingest_jobs.state = 'running' and ingest_jobs.locked_until < now() and ingest_jobs.attempts >= ${this.maxAttempts})`.execute(this.db)
      added += Number(r.numAffectedRows ?? 0)
    }
    return added
  }

  /** Takes the oldest job nobody holds (or whose holder's lease ran out), or null when there is none. */
  async claim(worker: string): Promise<IngestJob | null> {
    // A job whose holders all died before it was done fails for good after the last attempt.
    await sql`update ingest_jobs set state = 'failed', error = 'the worker holding it stopped answering (lease ran out) ' || attempts || ' times', locked_until = null
      where state = 'running' and locked_until < now() and attempts >= ${this.maxAttempts}`.execute(this.db)
    const r = await sql<{ id: string; path: string; options: string; attempts: number }>`
      update ingest_jobs set state = 'running', locked_by = ${worker}, locked_until = now() + make_interval(secs => ${this.leaseSeconds}), attempts = attempts + 1
      where id = (
        select id from ingest_jobs
        where (state = 'queued' or (state = 'running' and locked_until < now())) and attempts < ${this.maxAttempts}
        order by id for update skip locked limit 1
      )
      returning id, path, options, attempts`.execute(this.db)
    const row = r.rows[0]
    return row ? { id: Number(row.id), path: row.path, options: JSON.parse(row.options) as IngestJob['options'], attempts: row.attempts } : null
  }

  /** Renews the lease of a job the worker still holds; false when it has lost it. */
  async renew(job: IngestJob, worker: string): Promise<boolean> {
    const r = await sql`update ingest_jobs set locked_until = now() + make_interval(secs => ${this.leaseSeconds})
      where id = ${job.id} and locked_by = ${worker} and state = 'running'`.execute(this.db)
    return Number(r.numAffectedRows ?? 0) === 1
  }

  async finish(job: IngestJob, worker: string, result: unknown): Promise<void> {
    await sql`update ingest_jobs set state = 'done', finished_at = now(), result = ${JSON.stringify(result)}, error = null, locked_until = null
      where id = ${job.id} and locked_by = ${worker}`.execute(this.db)
  }

  /** A failed attempt: queued again, or failed for good after the last attempt. */
  async fail(job: IngestJob, worker: string, error: string): Promise<void> {
    await sql`update ingest_jobs set state = case when attempts >= ${this.maxAttempts} then 'failed' else 'queued' end, error = ${error}, locked_until = null
      where id = ${job.id} and locked_by = ${worker}`.execute(this.db)
  }

  async counts(): Promise<QueueCounts> {
    const r = await sql<{ state: string; n: string }>`select state, count(*) as n from ingest_jobs group by state`.execute(this.db)
    const out: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0 }
    for (const row of r.rows) if (row.state in out) out[row.state as keyof QueueCounts] = Number(row.n)
    return out
  }
}
