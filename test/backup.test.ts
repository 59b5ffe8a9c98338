// Backups, restores and moves between stores: what a user sees is a file that holds exactly the
// database, a target left alone when anything is wrong, and a move that answers questions the same way.
import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import SQLite from 'better-sqlite3'
import { kb } from './helpers.ts'
import { PG, pgSchemas } from './pg.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { allies } from '../src/service/questions.ts'
import { ROOT } from '../src/service/context.ts'
import { backup, migrateTo, restore } from '../src/service/backup.ts'
import { CopyMismatchError, tableReports, TargetNotEmptyError, type TableReport } from '../src/store/copy.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { PostgresStore } from '../src/store/postgres-store.ts'
import type { KyselyStore } from '../src/store/kysely-store.ts'
import { scratchDir } from './scratch-dir.ts'

const made: string[] = []
const tmp = (name: string) => {
  made.push(scratchDir('entente-backup-'))
  return join(made.at(-1)!, name)
}
after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }) })

/** A small corpus of my own: a pact, troops sent, drones delivered, a joint exercise. */
function writeCorpus(): string {
  const dir = tmp('corpus')
  mkdirSync(dir)
  writeFileSync(join(dir, 'pakt.txt'), 'Stand: 19.06.2024\nRussland und Nordkorea unterzeichneten am Mittwoch in Pjöngjang einen Beistandspakt.\n\nIm Oktober 2024 schickte Nordkorea Tausende Soldaten nach Russland.')
  writeFileSync(join(dir, 'drones.txt'), 'Published: 12 May 2023\nIran delivered hundreds of attack drones to Russia last year, US officials said.\n\nBelarus and Russia held joint military exercises in February 2023.')
  return dir
}

async function ingestedStore(path = tmp('source.db')): Promise<SqliteStore> {
  const store = await SqliteStore.open(path)
  await ingestPaths([writeCorpus()], kb, store)
  return store
}

/**
 * Rows written straight into a migrated database, enough for several pages of every table:
 * nulls, reals that float4 cannot hold exactly, and documents whose mentions and times span pages.
 */
async function fillSynthetic(path: string, docs: number, textBytes = 40): Promise<void> {
  await (await SqliteStore.open(path)).close()
  const conn = new SQLite(path)
  const text = 'x'.repeat(textBytes)
  const doc = conn.prepare(`insert into documents (id, file, path, format, title, publisher, url, lang, lang_source, date, date_source, date_rule, text, pipeline_version, ingested_at) values (?, ?, ?, 'txt', ?, null, null, 'de', 'test', ?, null, null, ?, 1, '2025-01-01T00:00:00Z')`)
  const source = conn.prepare(`insert into sources (source_key, doc_id, file, updated_at) values (?, ?, ?, '2025-01-01')`)
  const sentence = conn.prepare(`insert into sentences (doc_id, idx, start, "end", rule) values (?, ?, 0, 10, 'test')`)
  const mention = conn.prepare(`insert into mentions (doc_id, sentence, start, "end", actor, kind, person, rule, antecedent) values (?, ?, ?, ?, 'RUS', 'state', ?, 'test', ?)`)
  const time = conn.prepare(`insert into times (doc_id, sentence, start, "end", text, value, date, precision, end_value, mod, rule) values (?, 0, ?, ?, 'Juni 2024', '2024-06', '2024-06', 'month', ?, null, 'test')`)
  const event = conn.prepare(`insert into events (id, doc_id, sentence, source, target, type, mode, polarity, modality, date, start, "end", source_start, source_end, target_start, target_end, quantity, attribution, rule, trace, confidence, sentence_text, sentence_start) values (?, ?, 0, 'RUS', ?, 'AID', 'material', 'cooperation', 'asserted', ?, 0, 5, 0, 3, null, null, null, null, 'test', '[]', ?, 'Satz.', 0)`)
  const pair = conn.prepare(`insert into pair_months (source, target, month, type, mode, modality, hosted, acts, strength, stated, last_day, best_event, best_confidence) values ('RUS', ?, ?, 'AID', 'material', 'asserted', 0, ?, ?, 1, ?, null, ?)`)
  conn.transaction(() => {
    for (let d = 0; d < docs; d++) {
      const id = `doc-${String(d).padStart(5, '0')}`
      doc.run(id, `${id}.txt`, `/corpus/${id}.txt`, d % 3 ? `Titel ${d}` : null, d % 4 ? '2024-06-01' : null, text)
      source.run(`/corpus/${id}.txt`, id, `${id}.txt`)
      for (let i = 0; i < 3; i++) sentence.run(id, i)
      for (let i = 0; i < 30; i++) mention.run(id, i % 3, i, i + 3, i % 2 ? 'Putin' : null, i % 5 ? i - 1 : null)
      time.run(id, 0, 9, d % 2 ? '2024-07' : null)
      for (let e = 0; e < 10; e++) event.run(`${id}-${e + 1}`, id, e % 4 ? 'PRK' : null, e % 3 ? '2024-06-15' : null, 0.1 + 0.2 + e / 7)
    }
    for (let m = 0; m < 60; m++) pair.run(`T${m % 7}`, `20${10 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, m + 1, (m + 1) * (0.1 + 0.2), `20${10 + Math.floor(m / 12)}-01-15`, 0.7 + m / 1000)
  })()
  conn.close()
}

describe('backup and restore (SQLite)', () => {
  test('a backup taken while another process keeps writing is one consistent moment, integrity-checked, with the counts it reports', async () => {
    const db = tmp('busy.db')
    await fillSynthetic(db, 2000, 8000)
    // The writer: its own process and connection, one document with three events per transaction.
    const writer = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]); db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000'); db.pragma('synchronous = NORMAL')
      const doc = db.prepare("insert into documents (id, file, path, format, lang, lang_source, text, pipeline_version, ingested_at) values (?, 'w', 'w', 'txt', 'de', 'test', 'w', 1, 'now')")
      const ev = db.prepare("insert into events (id, doc_id, sentence, source, target, type, mode, polarity, modality, start, \\"end\\", source_start, source_end, rule, trace, confidence, sentence_text, sentence_start) values (?, ?, 0, 'RUS', 'PRK', 'AID', 'material', 'cooperation', 'asserted', 0, 1, 0, 1, 'w', '[]', 0.5, 'w', 0)")
      const write = db.transaction((n) => { const id = 'w-' + n; doc.run(id); for (let e = 0; e < 3; e++) ev.run(id + '-' + e, id) })
      const pause = new Int32Array(new SharedArrayBuffer(4))
      for (let n = 0; ; n++) { write(n); Atomics.wait(pause, 0, 0, 1) }
    `, db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    const watch = new SQLite(db, { readonly: true })
    const written = () => Number(watch.prepare(`select count(*) from documents where id like 'w-%'`).pluck().get())
    try {
      while (written() < 20) await new Promise((r) => setTimeout(r, 20))
      const before = written()
      const file = tmp('busy.backup.db')
      const report = await backup(db, file)
      assert.ok(written() > before, 'the writer kept writing during the backup')
      assert.equal(report.sourceChanged, true)

      assert.ok(!existsSync(`${file}-wal`), 'the backup is one self-contained file')
      const copy = new SQLite(file, { readonly: true })
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
        assert.deepEqual(copy.pragma('foreign_key_check'), [])
        const count = (table: string) => Number(copy.prepare(`select count(*) from ${table}`).pluck().get())
                const docs = report.tables.find((t) => t.table === 'documents')!.rows
        assert.equal(docs, count('documents'))
        const writtenThen = count(`documents where id like 'w-%'`)
        assert.ok(writtenThen >= before, `${writtenThen} written documents in the backup, ${before} before it began`)
        assert.equal(count(`events where doc_id like 'w-%'`), 3 * writtenThen, 'no transaction is half in the backup')
      } finally {
        copy.close()
      }
      assert.deepEqual(await reportsOf(file), report.tables, 'the counts and checksums reported are the file\'s')
    } finally {
      watch.close()
      writer.kill()
      await new Promise((r) => writer.once('exit', r))
    }
  })

  test('a backup of a quiet database has its counts and checksums; an existing file is kept unless --force', async () => {
    const store = await ingestedStore()
    try {
      const file = tmp('quiet.backup.db')
      const report = await backup(store.location, file)
      assert.equal(report.sourceChanged, false)
      assert.deepEqual(report.tables, await tableReports(store.db))
      await assert.rejects(backup(store.location, file), /exists: use --force/)
      assert.deepEqual((await backup(store.location, file, { force: true })).tables, report.tables)
      await assert.rejects(backup(tmp('missing.db'), tmp('never.db')), /no such database/)
    } finally {
      await store.close()
    }
  })

  test('restore brings back exactly the backed-up content, and replaces documents only with --force', async () => {
    const source = await ingestedStore()
    const file = tmp('corpus.backup.db')
    const expected = await tableReports(source.db)
    const stats = await source.stats()
    await backup(source.location, file)
    await source.close()

    const fresh = tmp('fresh.db')
    assert.deepEqual(await restore(file, fresh), expected)
    const restored = await SqliteStore.open(fresh)
    try {
      assert.deepEqual(await restored.stats(), stats)
      assert.deepEqual(await tableReports(restored.db), expected)
    } finally {
      await restored.close()
    }

    const other = tmp('other.db')
    await fillSynthetic(other, 3)
    const otherBefore = await reportsOf(other)
    await assert.rejects(restore(file, other), /holds 3 documents: use --force/)
    assert.deepEqual(await reportsOf(other), otherBefore, 'the target is untouched')
    assert.deepEqual(await restore(file, other, { force: true }), expected)
    assert.deepEqual(await reportsOf(other), expected)
  })

  test('restore refuses a random file, a SQLite file of another program, a damaged backup and a database in use, and leaves the target as it was', async () => {
    const target = tmp('target.db')
    await fillSynthetic(target, 5)
    const before = await reportsOf(target)

    const random = tmp('random.bin')
    writeFileSync(random, randomBytes(64 * 1024))
    await assert.rejects(restore(random, target, { force: true }), /not a SQLite database/)

    const foreign = tmp('foreign.db')
    const f = new SQLite(foreign)
    f.exec('create table notes (id integer primary key, body text); insert into notes (body) values (\'hello\')')
    f.close()
    await assert.rejects(restore(foreign, target, { force: true }), /not an Entente database/)

    const good = tmp('good.backup.db')
    await backup(target, good)
    const damaged = tmp('damaged.backup.db')
    copyFileSync(good, damaged)
    // One whole page in the middle of the file overwritten (the header gives the page size).
    const size = statSync(damaged).size
    const page = readFileSync(damaged).readUInt16BE(16)
    const fd = openSync(damaged, 'r+')
    writeSync(fd, randomBytes(page), 0, page, Math.floor(size / page / 2) * page)
    closeSync(fd)
    await assert.rejects(restore(damaged, target, { force: true }), /integrity check|malformed|cannot be read/)

    const open = await SqliteStore.open(target)
    try {
      await assert.rejects(restore(good, target, { force: true }), /open in another process/)
    } finally {
      await open.close()
    }
    assert.deepEqual(await reportsOf(target), before, 'every failed restore left the target intact')
    assert.deepEqual(readdirSync(dirname(target)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left beside it')
  })

  test('migrate to another SQLite file copies every table over several pages, verified by counts and checksums', async () => {
    const from = tmp('big.db')
    await fillSynthetic(from, 450)
    const to = tmp('copy.db')
    const report = await migrateTo(from, to)
    assert.deepEqual(report, await reportsOf(from))
    assert.deepEqual(await reportsOf(to), report)
    assert.deepEqual(report.find((t) => t.table === 'mentions')!.rows, 450 * 30)
    await assert.rejects(migrateTo(from, to), (err: Error) => err instanceof TargetNotEmptyError && err.message.includes(to))
  })

  test('a copy that does not read back as written names the table and keeps nothing', async () => {
    const from = tmp('from.db')
    await fillSynthetic(from, 20)
    const to = tmp('tampered.db')
    await (await SqliteStore.open(to)).close()
    const conn = new SQLite(to)
    conn.exec(`create trigger tamper after insert on events when new.id = 'doc-00007-3' begin update events set rule = 'changed' where id = new.id; end`)
    conn.close()
    await assert.rejects(migrateTo(from, to), (err: Error) => err instanceof CopyMismatchError && err.table === 'events' && /checksum/.test(err.message))
    assert.ok((await reportsOf(to)).every((t) => t.rows === 0), 'the target is as empty as before')
  })

  test('entente backup prints its table of counts and checksums', async () => {
    const store = await ingestedStore()
    const expected = await tableReports(store.db)
    await store.close()
    const file = tmp('cli.backup.db')
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'backup', file, '--db', store.location], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /integrity checked/)
    for (const t of expected) assert.match(r.stdout, new RegExp(`${t.table}\\s+${t.rows}\\s+${t.checksum.slice(0, 16)}`))
    assert.ok(existsSync(file))
    const again = spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'backup', file, '--db', store.location], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    assert.equal(again.status, 1)
    assert.match(again.stderr, /exists: use --force/)
  })
})

/** Checksums of a SQLite file, read through a store. */
async function reportsOf(location: string): Promise<TableReport[]> {
  const store = await SqliteStore.open(location)
  try { return await tableReports(store.db) } finally { await store.close() }
}

describe('migrate and restore into PostgreSQL', { skip: PG ? false : 'set ENTENTE_TEST_PG to run' }, () => {
  const schemas = pgSchemas('entente_backup')
  after(async () => { await schemas.dropAll() })

  const reportsOfPg = async (url: string) => {
    const store = await PostgresStore.open(url)
    try { return await tableReports(store.db) } finally { await store.close() }
  }
  const alliesOf = async (store: KyselyStore) => allies(store, kb, 'RUS', { at: '2025-01-01' })

  test('migrate copies everything with equal counts and checksums, and the relation questions answer the same', async () => {
    const source = await ingestedStore()
    const url = await schemas.fresh()
    try {
      const report = await migrateTo(source.location, url)
      assert.deepEqual(report, await tableReports(source.db))
      assert.deepEqual(await reportsOfPg(url), report)
      const moved = await PostgresStore.open(url)
      try {
        assert.deepEqual(await moved.stats(), await source.stats())
        const answer = await alliesOf(moved)
        assert.ok(answer.counterparts.some((c) => c.actor === 'PRK'))
        assert.deepEqual(answer, await alliesOf(source))
      } finally {
        await moved.close()
      }
      await assert.rejects(migrateTo(source.location, url), (err: Error) => err instanceof TargetNotEmptyError && /is not empty/.test(err.message))
      assert.deepEqual(await reportsOfPg(url), report, 'the refused target is unchanged')
    } finally {
      await source.close()
    }
  })

  test('a multi-page database goes to PostgreSQL and back through a backup file unchanged', async () => {
    const from = tmp('big.db')
    await fillSynthetic(from, 450)
    const expected = await reportsOf(from)
    const url = await schemas.fresh()
    assert.deepEqual(await migrateTo(from, url), expected)

    const file = tmp('pg.backup.db')
    const report = await backup(url, file)
    assert.deepEqual(report.tables, expected)
    const back = tmp('back.db')
    assert.deepEqual(await restore(file, back), expected)

    const other = await schemas.fresh()
    assert.deepEqual(await restore(file, other), expected)
    await assert.rejects(restore(file, other), /holds 450 documents: use --force/)
    const small = tmp('small.backup.db')
    const smallDb = tmp('small.db')
    await fillSynthetic(smallDb, 4)
    await backup(smallDb, small)
    assert.deepEqual(await restore(small, other, { force: true }), await reportsOf(smallDb))
    assert.deepEqual(await reportsOfPg(other), await reportsOf(smallDb))
  })
})
