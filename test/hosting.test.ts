// A deployment into a place hosts troops there: the event's trace says so ("target:hosting", from
// each pack's hostingPrepositions), and the relation counts it as cooperation. Older databases
// get the step by migration.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { analyseText } from './helpers.ts'
import { migrations } from '../src/store/migrations.ts'
import { openStore } from '../src/service/context.ts'
import { HOSTING_STEP, isHosting } from '../src/relations/acts.ts'
import { scratchDir } from './scratch-dir.ts'

const mobilized = (text: string, lang = 'de') => analyseText(text, '2024-05-02', lang).events.filter((e) => e.type === 'MOBILIZE')

test('troops stationed in or moved into a country are hosted by it; troops massed at its border are not', () => {
  // German reads forces stationed in a state as aid to it outright (de.aid.station).
  assert.deepEqual(analyseText('Russland stationierte taktische Atomwaffen in Belarus.', '2024-05-02').events.map((e) => `${e.source}>${e.target}:${e.type}`), ['RUS>BLR:AID'])
  for (const [text, lang] of [
    ['Russland verlegte im Winter Tausende Soldaten nach Belarus.', 'de'],
    ['Russia stationed tactical nuclear weapons in Belarus.', 'en'],
  ] as const) {
    const [e] = mobilized(text, lang)
    assert.ok(e, text)
    assert.ok(e.trace.includes(HOSTING_STEP), `${text}: ${e.trace.join(' ')}`)
    assert.ok(isHosting(e.type, e.trace))
  }
  for (const [text, lang] of [
    ['Russland zog Truppen an der Grenze zur Ukraine zusammen.', 'de'],
    ['Russia massed troops against Ukraine.', 'en'],
  ] as const) {
    for (const e of mobilized(text, lang)) assert.ok(!e.trace.includes(HOSTING_STEP), `${text}: ${e.trace.join(' ')}`)
  }
})

test('a database from before the hosting step gets it, and its relation series counts the deployment as hosted', async () => {
  const path = join(scratchDir('entente-hosting-'), 'old.db')
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(path) }) })
  const upTo6 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0007'))
  assert.equal((await new Migrator({ db: old, provider: { getMigrations: async () => upTo6 } }).migrateToLatest()).error, undefined)
  await sql`INSERT INTO documents (id, file, path, format, lang, lang_source, date, text, pipeline_version, ingested_at) VALUES ('d1', 'a.txt', '/a.txt', 'txt', 'de', 'detected', '2023-05-25', 'Russland verlegte Soldaten nach Belarus.', 2, '2025-01-01')`.execute(old)
  await sql`INSERT INTO sources (source_key, doc_id, file, updated_at) VALUES ('/a.txt', 'd1', 'a.txt', '2025-01-01')`.execute(old)
  await sql`INSERT INTO events (id, doc_id, sentence, source, target, type, mode, polarity, modality, date, start, "end", source_start, source_end, target_start, target_end, rule, trace, confidence, sentence_text, sentence_start)
    VALUES ('d1-1', 'd1', 0, 'RUS', 'BLR', 'MOBILIZE', 'troops', 'conflict', 'asserted', NULL, 10, 18, 0, 9, 32, 39, 'de.mobilize.move', '["trigger:verb:verlegte","source:subject","target:prep:nach","modality:asserted"]', 0.8, 'Russland verlegte Soldaten nach Belarus.', 0)`.execute(old)
  await old.destroy()
  const store = await openStore(path)
  try {
    const [e] = await store.events({})
    assert.ok(e!.trace.includes(HOSTING_STEP), e!.trace.join(' '))
    const [row] = await store.series({ pair: ['RUS', 'BLR'] })
    assert.equal(row?.hosted, true)
  } finally {
    await store.close()
  }
})
