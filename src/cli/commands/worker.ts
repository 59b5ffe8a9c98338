import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { dbPath, describeDb, knowledgeBase, openStore } from '../../service/context.ts'
import { runWorker } from '../../service/worker.ts'
import { boundHeapGrowth } from '../../service/memory.ts'
import { IngestQueue, workerId } from '../../store/ingest-queue.ts'
import { isPostgresUrl, PostgresStore } from '../../store/postgres-store.ts'
import { CliError, color } from '../output.ts'
import { DB_OPTION } from '../options.ts'

const positive = (what: string) => (v: string) => {
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${what}: a positive number`)
  return n
}

/** The queue of a PostgreSQL store; a SQLite file has none. */
export async function queueOf(location: string, leaseSeconds?: number): Promise<{ store: PostgresStore; queue: IngestQueue }> {
  if (!isPostgresUrl(location)) throw new CliError(`${describeDb(location)}: the ingest queue lives in PostgreSQL; give --db postgres://… (or ENTENTE_DB)`)
  const store = (await openStore(location)) as PostgresStore
  const queue = new IngestQueue(store.db, leaseSeconds)
  await queue.ensure()
  return { store, queue }
}

export function registerWorker(program: Command): void {
  program.command('worker')
    .description('take files from the PostgreSQL ingest queue (filled by `entente ingest --queue`) and ingest them; run one per machine or core')
    .option(...DB_OPTION)
    .option('--once', 'stop when the queue is empty instead of waiting for more')
    .option('--poll <seconds>', 'how often to look at an empty queue', positive('--poll'), 1)
    .option('--lease <seconds>', 'how long a claimed file is held before another worker may take it (renewed while working)', positive('--lease'), 60)
    .action(async (opts: { db?: string; once?: boolean; poll: number; lease: number }) => {
      boundHeapGrowth()
      const kb = knowledgeBase()
      const { store, queue } = await queueOf(dbPath(opts.db), opts.lease)
      const stop = new AbortController()
      const onSignal = () => stop.abort()
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      const worker = workerId()
      try {
        process.stderr.write(`worker ${worker} on ${describeDb(dbPath(opts.db))}\n`)
        const tally = await runWorker(kb, store, queue, {
          worker, once: opts.once ?? false, pollMs: opts.poll * 1000, signal: stop.signal,
          onJob: (job, outcome, detail) => process.stdout.write(`${outcome === 'done' ? color.green('done') : color.red('failed')} ${job.path}: ${detail}\n`),
        })
        process.stdout.write(`worker ${worker}: ${tally.done} file(s) done, ${tally.failed} failed\n`)
      } finally {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        await store.close()
      }
    })
}
