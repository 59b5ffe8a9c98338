// Crash safety (issue 8): `entente ingest` and `entente worker` are killed with SIGKILL at random
// moments. After every kill the database passes its integrity check, every stored document is
// whole (all its sentences, mentions, times and events, and its share of the relation series), and
// running again completes the corpus exactly once. CRASH_KILLS sets the number of kills (CI runs a
// few; `npm run soak` runs 50 of each).
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { kb } from './helpers.ts'
import { PG, pgSchemas } from './pg.ts'
import { writeArticles } from '../bench/gen/articles.ts'
import { seeded } from '../bench/gen/random.ts'
import { ROOT, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import type { Database } from '../src/store/tables.ts'
import { scratchDir } from './scratch-dir.ts'

const KILLS = Number(process.env['CRASH_KILLS'] ?? 6)
const CLI = join(ROOT, 'bin/entente.js')

// Seeded, so that a failing run can be repeated (the seed is printed).
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 100000)

type Counts = Map<string, string>

/** Per document: how many sentences, mentions, times and events it has. */
async function documentCounts(db: Kysely<Database>): Promise<Counts> {
  const rows = await sql<{ id: string; c: string }>`
    select d.id,
      (select count(*) from sentences s where s.doc_id = d.id) || '/' ||
      (select count(*) from mentions m where m.doc_id = d.id) || '/' ||
      (select count(*) from times t where t.doc_id = d.id) || '/' ||
      (select count(*) from events e where e.doc_id = d.id) as c
    from documents d`.execute(db)
  return new Map(rows.rows.map((r) => [r.id, String(r.c)]))
}

/** What must hold after any crash: whole documents only, sources that point at them, a series that adds up. */
async function checkConsistent(db: Kysely<Database>, reference: Counts, when: string): Promise<number> {
  const stored = await documentCounts(db)
  for (const [id, counts] of stored) {
    assert.ok(reference.has(id), `${when}: a document the corpus does not produce: ${id}`)
    assert.equal(counts, reference.get(id), `${when}: document ${id} is half-stored (sentences/mentions/times/events ${counts}, whole ${reference.get(id)})`)
  }
  const dangling = await sql<{ n: string }>`select count(*) as n from sources s where not exists (select 1 from documents d where d.id = s.doc_id)`.execute(db)
  assert.equal(Number(dangling.rows[0]!.n), 0, `${when}: a source points at no document`)
  const series = await sql<{ n: string | null }>`select sum(acts) as n from pair_months`.execute(db)
  const acts = await sql<{ n: string }>`select count(*) as n from events e join documents d on d.id = e.doc_id
    where e.target is not null and e.source <> e.target and coalesce(e.date, d.date) is not null`.execute(db)
  assert.equal(Number(series.rows[0]!.n ?? 0), Number(acts.rows[0]!.n), `${when}: the relation series does not add up to the stored events`)
  return stored.size
}

function integrityOk(file: string, when: string): void {
  // Killed before it made the file: nothing stored, nothing to check.
  if (!existsSync(file)) return
  // Opened as the next run would open it: a WAL left by the killed process is recovered first.
  const db = new SQLite(file)
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `${when}: integrity check`)
    assert.deepEqual(db.pragma('foreign_key_check'), [], `${when}: foreign keys`)
  } finally {
    db.close()
  }
}

/** Runs the CLI and kills it with SIGKILL after `ms` milliseconds (if it is still running). */
async function runAndKill(args: string[], ms: number, started?: () => Promise<boolean>): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } })
  let done = false
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => { done = true; r(code) }))
  // With `started`, the moment is counted from when the process has begun its work (a worker's
  // first claimed job): a worker's start-up time varies more than its work takes.
  if (started) while (!done && !(await started())) await new Promise((r) => setTimeout(r, 20))
  const timer = new Promise<'timer'>((r) => setTimeout(() => r('timer'), ms))
  if (await Promise.race([exited.then(() => 'exit' as const), timer]) === 'exit') return 'finished'
  child.kill('SIGKILL')
  await exited
  return 'killed'
}

function corpus(files: number): string {
  const dir = join(scratchDir('entente-crash-'), 'corpus')
  writeArticles(dir, files, 11)
  return dir
}

async function referenceCounts(dir: string): Promise<Counts> {
  const store = await openStore(join(scratchDir('entente-crash-ref-'), 'ref.db'))
  try {
    await ingestPaths([dir], kb, store)
    return await documentCounts(store.db)
  } finally {
    await store.close()
  }
}

test(`SQLite: ${KILLS} SIGKILLs of \`entente ingest\` at random moments leave whole documents only, and a re-run completes the corpus exactly once (seed ${SEED})`, { timeout: 30 * 60_000 }, async () => {
  const rnd = seeded(SEED)
  const dir = corpus(160)
  const reference = await referenceCounts(dir)
  const work = scratchDir('entente-crash-')
  const db = join(work, 'crash.db')
  const args = ['ingest', dir, '--db', db, '--workers', '1']
  // One full run, to know how long a run takes: kills fall anywhere from start-up to the end.
  const started = performance.now()
  assert.equal(spawnSync(process.execPath, [CLI, ...args], { stdio: 'ignore' }).status, 0)
  const full = performance.now() - started
  let killed = 0
  let finished = false
  for (let k = 0; k < KILLS; k++) {
    // Every few kills, and after a run that finished before its kill, the database starts empty
    // again: kills also land among new documents, and a run has a whole corpus left to do (a run
    // over a database that holds most of it ends early, and the kill would come too late).
    if (k % 3 === 0 || finished) for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true })
    const ms = 200 + rnd() * full
    finished = await runAndKill(args, ms) === 'finished'
    if (!finished) killed++
    const when = `after kill ${k + 1} at ${Math.round(ms)} ms`
    integrityOk(db, when)
    if (!existsSync(db)) continue
    const store = await openStore(db)
    try { await checkConsistent(store.db, reference, when) } finally { await store.close() }
  }
  process.stdout.write(`SQLite: ${killed} of ${KILLS} ingest runs killed mid-run (a full run takes ${Math.round(full)} ms)\n`)
  assert.ok(killed >= KILLS / 3, `only ${killed} of ${KILLS} runs were killed before they finished`)
  const rerun = spawnSync(process.execPath, [CLI, ...args, '--json'], { encoding: 'utf8' })
  assert.equal(rerun.status, 0, rerun.stderr)
  const summary = JSON.parse(rerun.stdout) as { documents: { new: number; unchanged: number; replaced: number; failed: number } }
  assert.equal(summary.documents.failed, 0)
  assert.equal(summary.documents.new + summary.documents.unchanged, reference.size)
  integrityOk(db, 'after the re-run')
  const store = await openStore(db)
  try {
    assert.equal(await checkConsistent(store.db, reference, 'after the re-run'), reference.size, 'every document of the corpus, once')
  } finally {
    await store.close()
  }
})

const schemas = pgSchemas('entente_crash')
after(schemas.dropAll)

test(`PostgreSQL: ${KILLS} SIGKILLs of \`entente worker\` at random moments leave whole documents only, and the queue completes the corpus exactly once (seed ${SEED})`, { skip: !PG && 'ENTENTE_TEST_PG not set', timeout: 30 * 60_000 }, async () => {
  const rnd = seeded(SEED + 1)
  const files = 60
  const dir = corpus(files)
  const reference = await referenceCounts(dir)
  const url = await schemas.fresh()
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--db', url], { encoding: 'utf8' })
  assert.equal(cli(['ingest', '--queue', dir]).status, 0)
  const store = await openStore(url)
  try {
    let killed = 0
    for (let k = 0; k < KILLS; k++) {
      const ms = rnd() * 400
      // A job this worker claimed: its lease ends after every lease given before it started.
      const before = (await sql<{ t: string }>`select coalesce(max(locked_until), now())::text as t from ingest_jobs`.execute(store.db)).rows[0]!.t
      const working = async () => Number((await sql<{ n: string }>`select count(*) as n from ingest_jobs where state = 'running' and locked_until > ${before}::timestamptz`.execute(store.db)).rows[0]!.n) > 0
      if (await runAndKill(['worker', '--db', url, '--lease', '1', '--poll', '0.2', '--once'], ms, working) === 'killed') killed++
      await checkConsistent(store.db, reference, `after kill ${k + 1} at ${Math.round(ms)} ms`)
      // Kills may outnumber the corpus: once it is done, queue it again so that later kills land mid-work too.
      const left = await sql<{ n: string }>`select count(*) as n from ingest_jobs where state in ('queued', 'running')`.execute(store.db)
      if (Number(left.rows[0]!.n) === 0) assert.equal(cli(['ingest', '--queue', dir]).status, 0)
    }
    process.stdout.write(`PostgreSQL: ${killed} of ${KILLS} workers killed mid-run\n`)
    assert.ok(killed >= 1, 'no worker was killed while it worked')
    // Leases run out; files that lost three workers were marked failed, and queueing again retries them.
    await new Promise((r) => setTimeout(r, 1200))
    assert.equal(cli(['ingest', '--queue', dir]).status, 0)
    const done = cli(['worker', '--once', '--lease', '5'])
    assert.equal(done.status, 0, done.stderr)
    const jobs = await sql<{ state: string; n: string }>`select state, count(*) as n from ingest_jobs group by state`.execute(store.db)
    assert.deepEqual(jobs.rows.map((r) => `${r.state}:${r.n}`), [`done:${files}`])
    assert.equal(await checkConsistent(store.db, reference, 'after the queue is done'), reference.size, 'every document of the corpus, once')
  } finally {
    await store.close()
  }
})
