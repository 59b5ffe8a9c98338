// The PostgreSQL ingest queue: workers share the files, each document is stored once, and a
// worker killed mid-file loses nothing (its lease runs out and another worker takes the file).
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kb } from './helpers.ts'
import { PG, pgSchemas } from './pg.ts'
import { ROOT, openStore } from '../src/service/context.ts'
import { runWorker } from '../src/service/worker.ts'
import { IngestQueue } from '../src/store/ingest-queue.ts'
import type { PostgresStore } from '../src/store/postgres-store.ts'
import { scratchDir } from './scratch-dir.ts'

const schemas = pgSchemas('entente_queue')
const freshUrl = schemas.fresh
after(schemas.dropAll)

/** Twelve short articles of my own, each about a different pair. */
function corpus(): string {
  const dir = join(scratchDir('entente-queue-'), 'corpus')
  mkdirSync(dir)
  const pairs = [['Russland', 'Nordkorea'], ['Iran', 'Russland'], ['China', 'Belarus'], ['Mali', 'Russland'], ['Armenien', 'Frankreich'], ['Kasachstan', 'China'],
    ['Serbien', 'Russland'], ['Niger', 'Russland'], ['Kuba', 'Venezuela'], ['Syrien', 'Iran'], ['Georgien', 'Türkei'], ['Indien', 'Russland']]
  pairs.forEach(([a, b], i) => writeFileSync(join(dir, `${String(i).padStart(2, '0')}.txt`), `Stand: ${10 + i}.03.2024\n${a} und ${b} unterzeichneten am Montag ein Abkommen über militärische Zusammenarbeit.`))
  return dir
}

const cli = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' })

test('two workers share the queue and store every document once', { skip: !PG && 'ENTENTE_TEST_PG not set' }, async () => {
  const url = await freshUrl()
  const dir = corpus()
  const queued = cli(['ingest', '--queue', dir, '--db', url], {})
  assert.equal(queued.status, 0, queued.stderr)
  assert.match(queued.stdout, /queued 12 of 12 file\(s\)/)
  const stores = [await openStore(url), await openStore(url)] as PostgresStore[]
  try {
    const queues = stores.map((s) => new IngestQueue(s.db))
    const tallies = await Promise.all(queues.map((q, i) => runWorker(kb, stores[i]!, q, { worker: `w${i}`, once: true })))
    assert.equal(tallies[0]!.done + tallies[1]!.done, 12)
    assert.deepEqual(await queues[0]!.counts(), { queued: 0, running: 0, done: 12, failed: 0 })
    assert.equal((await stores[0]!.stats()).documents, 12)
    // Queued again, the files are read again and change nothing.
    assert.match(cli(['ingest', '--queue', dir, '--db', url], {}).stdout, /queued 12 of 12/)
    await runWorker(kb, stores[0]!, queues[0]!, { worker: 'w0', once: true })
    assert.equal((await stores[0]!.stats()).documents, 12)
    assert.equal((await stores[0]!.events({ pair: ['RUS', 'PRK'] })).length, 1)
  } finally {
    for (const s of stores) await s.close()
  }
})

test('a worker killed with SIGKILL mid-file loses nothing: its lease runs out and another worker finishes the corpus exactly once', { skip: !PG && 'ENTENTE_TEST_PG not set' }, async () => {
  const url = await freshUrl()
  const dir = corpus()
  assert.equal(cli(['ingest', '--queue', dir, '--db', url], {}).status, 0)
  const store = (await openStore(url)) as PostgresStore
  try {
    const queue = new IngestQueue(store.db, 1)
    // A worker process that is killed as soon as it holds a file.
    const child = spawn(process.execPath, [join(ROOT, 'bin/entente.js'), 'worker', '--db', url, '--lease', '1', '--poll', '0.1'], { stdio: 'ignore' })
    for (let i = 0; i < 400; i++) {
      if ((await queue.counts()).running > 0) break
      await new Promise((r) => setTimeout(r, 25))
    }
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const afterKill = await queue.counts()
    assert.ok(afterKill.done < 12, 'the killed worker did not finish the corpus')
    // A job claimed by a worker that then vanished, as if it died between claim and work.
    assert.ok(await queue.claim('vanished'))
    await new Promise((r) => setTimeout(r, 1200))
    const tally = await runWorker(kb, store, queue, { worker: 'survivor', once: true })
    assert.ok(tally.done >= 1)
    assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: 12, failed: 0 })
    assert.equal((await store.stats()).documents, 12)
    const events = await store.events({ partner: 'named' })
    assert.equal(new Set(events.map((e) => `${e.source}>${e.target}`)).size, events.length, 'no act stored twice')
  } finally {
    await store.close()
  }
})

test('a file whose holders all died is queued again when the corpus is, even before a worker marks it failed', { skip: !PG && 'ENTENTE_TEST_PG not set' }, async () => {
  const url = await freshUrl()
  const store = (await openStore(url)) as PostgresStore
  try {
    const queue = new IngestQueue(store.db, 1, 2)
    await queue.ensure()
    assert.equal(await queue.enqueue(['/corpus/a.txt', '/corpus/b.txt']), 2)
    // Two holders of the first file vanish, each after its lease ran out.
    for (const w of ['first', 'second']) {
      assert.equal((await queue.claim(w))?.path, '/corpus/a.txt')
      await new Promise((r) => setTimeout(r, 1100))
    }
    assert.deepEqual(await queue.counts(), { queued: 1, running: 1, done: 0, failed: 0 })
    // Queueing the corpus again takes it back; the file still queued stays as it is.
    assert.equal(await queue.enqueue(['/corpus/a.txt', '/corpus/b.txt']), 1)
    assert.deepEqual(await queue.counts(), { queued: 2, running: 0, done: 0, failed: 0 })
    assert.equal((await queue.claim('third'))?.attempts, 1, 'its attempts start again')
  } finally {
    await store.close()
  }
})

test('the queue needs PostgreSQL: a SQLite file is a clear error', () => {
  const r = cli(['ingest', '--queue', '.', '--db', join(scratchDir('entente-q-'), 'x.db')], {})
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /x\.db: the ingest queue lives in PostgreSQL; give --db postgres:\/\//)
})
