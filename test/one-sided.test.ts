// One-sided acts: a verb whose actor is known but whose partner is not named ("Georgia's president
// resigned"). They are events of their own (PLOVER codes them), stored with a null target, and they
// take no part in relations between two actors or in the relation-level gold scores.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { analyseText, eventStrings, oneSidedStrings } from './helpers.ts'
import { knowledgeBase, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { allies } from '../src/service/questions.ts'
import { migrations } from '../src/store/migrations.ts'
import { scratchDir } from './scratch-dir.ts'

const cases: [string, string, string[]][] = [
  ['en', "Georgia's president resigned on Sunday.", ['GEO:RETREAT']],
  ['en', 'Russia mobilised 300,000 reservists.', ['RUS:MOBILIZE']],
  ['en', 'Hungary vetoed the proposal.', ['HUN:REJECT']],
  ['en', 'Armenia withdrew from the talks.', ['ARM:RETREAT']],
  ['en', 'Poland scrambled fighter jets on Sunday night.', ['POL:MOBILIZE']],
  ['en', 'Lithuania scrambled to find new suppliers.', []],
  ['en', 'Thousands of Armenians demonstrated in the streets of Yerevan.', ['ARM:PROTEST']],
  ['en', 'Five hundred Albanian guerrillas were demobilised.', ['ALB:RETREAT']],
  // A blocked road says nothing of who blocks it: a state's blockade or a protest.
  ['en', 'Azerbaijan blocked the Lachin road, Armenian media reported.', ['AZE:COERCE:reported']],
  ['en', 'Hungary blocked the sanctions package.', ['HUN:REJECT']],
  // A launch without a target may be a test: the rule needs a partner.
  ['en', 'Iran test-fired a ballistic missile.', []],
  // With a partner named, the act is a relation, not one-sided.
  ['en', 'Iran fired missiles at Israel.', []],
  // An event noun alone names a topic, not an act.
  ['en', 'The war in Ukraine continues.', []],
  // A trip or a meeting with no partner named is no act.
  ['en', 'Lukashenko flew home on Monday.', []],
  ['de', 'Lukaschenko reiste am Montag.', []],
  ['en', 'Turkey imposed a curfew in Cizre.', ['TUR:COERCE']],
  ['en', 'Sudan lifted the state of emergency in Darfur.', ['SDN:CONCEDE']],
  ['en', 'Palestinian prisoners rioted at the jail.', ['PSE:PROTEST']],
  ['en', 'Serbian students staged a hunger strike.', ['SRB:PROTEST']],
  // "held talks" without a partner is no protest, and a curfew word is needed for emergency rule.
  ['en', 'Turkey imposed new rules on banks.', []],
  ['de', 'Georgiens Präsident trat am Sonntag zurück.', ['GEO:RETREAT']],
  ['de', 'Die Türkei verhängte eine Ausgangssperre über Cizre.', ['TUR:COERCE']],
  ['de', 'Der Sudan hob den Ausnahmezustand in Darfur auf.', ['SDN:CONCEDE']],
  ['de', 'Armenien rief den Ausnahmezustand aus.', ['ARM:COERCE']],
  ['de', 'Georgische Studenten traten in einen Hungerstreik.', ['GEO:PROTEST']],
  ['de', 'Russland mobilisierte 300.000 Reservisten.', ['RUS:MOBILIZE']],
  ['de', 'Ungarn legte sein Veto ein.', ['HUN:REJECT']],
  ['de', 'Nordkorea feuerte zwei Raketen ab.', []],
  ['de', 'Der Krieg in der Ukraine geht weiter.', []],
]

for (const [lang, sentence, expected] of cases) {
  test(`one-sided (${lang}): ${sentence}`, () => {
    assert.deepEqual(oneSidedStrings(analyseText(sentence, '2025-06-17', lang)), expected)
  })
}

test('an act with no partner named takes the paragraph topic, but not across a blank line', () => {
  const topical = analyseText('Kazakhstan asked for help. Moscow sent 2,000 troops.', '2025-06-17', 'en')
  const aid = topical.events.find((e) => e.type === 'AID')!
  assert.equal(aid.target, 'KAZ')
  assert.ok(aid.trace.includes('target:topic'))
  const split = analyseText('Kazakhstan asked for help.\n\nMoscow sent 2,000 troops.', '2025-06-17', 'en')
  assert.equal(split.events.find((e) => e.type === 'AID')!.target, null)
})

test('a one-sided act has no target span and ranks below a relation', () => {
  const doc = analyseText('Russia mobilised 300,000 reservists. Russia delivered drones to Belarus.', '2025-06-17', 'en')
  const solo = doc.events.find((e) => e.target === null)!
  assert.equal(solo.targetMention, null)
  assert.ok(solo.trace.includes('target:none'))
  assert.deepEqual(eventStrings(doc), ['RUS>BLR:AID'])
  const paired = doc.events.find((e) => e.target === 'BLR')!
  assert.ok(solo.confidence < paired.confidence)
})

test('one-sided acts are stored and listed, but relate no pair', async () => {
  const dir = scratchDir('entente-solo-')
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ title: 'Reservists called up', date: '2024-03-02', text: 'Reservists called up\n\nRussia mobilised 300,000 reservists on Friday. Russia delivered drones to Belarus in February 2024.' }))
  const store = await openStore(join(dir, 'solo.db'))
  await ingestPaths([dir], knowledgeBase(), store)
  const events = await store.events({ actor: 'RUS' })
  const solo = events.find((e) => e.type === 'MOBILIZE')!
  assert.equal(solo.target, null)
  assert.equal(solo.targetSpan, null)
  // Belarus counts one act (the drones); the mobilisation relates Russia to no one.
  const answer = await allies(store, knowledgeBase(), 'RUS', { at: '2024-06-30', window: '24m' })
  assert.equal(answer.counterparts.find((c) => c.actor === 'BLR')?.acts, 1)
  assert.ok(answer.counterparts.every((c) => typeof c.actor === 'string' && c.actor.length > 0))
  await store.close()
})

test('a database made before one-sided acts is migrated without losing its events', async () => {
  const dir = scratchDir('entente-migrate-')
  const path = join(dir, 'old.db')
  // The schema as the first two migrations left it, with one document and one event in it.
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(path) }) })
  const first = { '0001-initial': migrations['0001-initial']!, '0002-mention-antecedent': migrations['0002-mention-antecedent']! }
  const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => first } }).migrateToLatest()
  assert.equal(error, undefined)
  await sql`INSERT INTO documents (id, file, path, format, lang, lang_source, text, pipeline_version, ingested_at) VALUES ('d1', 'a.txt', '/a.txt', 'txt', 'en', 'detected', 'Iran sent drones to Russia.', 2, '2025-01-01')`.execute(old)
  await sql`INSERT INTO events (id, doc_id, sentence, source, target, type, mode, polarity, modality, date, start, "end", source_start, source_end, target_start, target_end, rule, trace, confidence, sentence_text, sentence_start)
    VALUES ('d1-1', 'd1', 0, 'IRN', 'RUS', 'AID', 'arms', 'coop', 'asserted', NULL, 5, 9, 0, 4, 20, 26, 'en.aid.send', '[]', 0.8, 'Iran sent drones to Russia.', 0)`.execute(old)
  await old.destroy()

  const store = await openStore(path)
  const [event] = await store.events({})
  assert.equal(event?.id, 'd1-1')
  assert.equal(event?.target, 'RUS')
  assert.deepEqual(event?.targetSpan, [20, 26])
  await store.close()
  const check = new SQLite(path, { readonly: true })
  const indexes = (check.pragma("index_list('events')") as { name: string }[]).map((i) => i.name)
  // The rebuilt table keeps its indexes, and the later migrations' (by pair).
  assert.deepEqual(['target', 'type', 'date', 'doc_id', 'pair'].filter((c) => !indexes.includes(`events_${c}_idx`)), [])
  assert.equal(check.pragma('integrity_check', { simple: true }), 'ok')
  check.close()
})
