// One contract for every store: the same behaviour on the embedded SQLite file and on PostgreSQL.
// PostgreSQL runs when ENTENTE_TEST_PG names a server (`.ci/run` starts a throwaway cluster and sets
// it); each run works in a schema of its own and drops it afterwards.
import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gdeltLine, kb } from './helpers.ts'
import { PG, storeBackends } from './pg.ts'
import { importFiles, DEFAULT_CAMEO_TABLE } from '../src/service/import.ts'
import { existsSync } from 'node:fs'
import { ingestPaths } from '../src/service/ingest.ts'
import { reanalyseStore } from '../src/service/reanalyse.ts'
import { analyseFile } from '../src/ingest/analyse-file.ts'
import { analysisVersion } from '../src/kb/analysis-version.ts'
import { allies, relation } from '../src/service/questions.ts'
import { openStore, describeDb } from '../src/service/context.ts'
import type { Store } from '../src/store/store.ts'
import type { ImportedEvent } from '../src/import/record.ts'
import { importChunks } from '../src/import/chunks.ts'
import type { Database } from '../src/store/tables.ts'
import { countSeries } from '../src/store/series.ts'
import { HOSTING_STEP } from '../src/relations/acts.ts'
import { sql, type Kysely } from 'kysely'
import { scratchDir } from './scratch-dir.ts'

if (process.env['CI'] && !PG) throw new Error('CI must run the store contract against PostgreSQL: set ENTENTE_TEST_PG (see scripts/pg-throwaway.sh)')

/** A small corpus of my own: a treaty, a dispatch, a one-sided act, an English report, an undated act. */
function writeCorpus(): string {
  const dir = join(scratchDir('entente-contract-'), 'corpus')
  mkdirSync(dir)
  writeFileSync(join(dir, 'a-vertrag.txt'), 'Stand: 19.06.2024\nRussland und Nordkorea unterzeichneten am Mittwoch in Pjöngjang einen Beistandspakt.\n\nIm Oktober 2024 schickte Nordkorea Tausende Soldaten nach Russland.')
  writeFileSync(join(dir, 'b-ruecktritt.txt'), 'Stand: 02.03.2025\nDer georgische Ministerpräsident trat am Montag zurück.\n\nAserbaidschan warf Russland vor, das Flugzeug abgeschossen zu haben.')
  writeFileSync(join(dir, 'c-drones.txt'), 'Published: 12 May 2023\nIran delivered hundreds of attack drones to Russia last year, US officials said.\n\nBelarus and Russia held joint military exercises in February 2023.')
  writeFileSync(join(dir, 'd-undatiert.txt'), 'Mali und Russland vertiefen ihre militärische Zusammenarbeit.')
  return dir
}

for (const backend of storeBackends('entente_test')) {
  describe(`store contract: ${backend.name}`, () => {
    after(async () => { await backend.cleanup?.() })

    test('ingests a corpus, is idempotent, and replaces a changed file with its new version only', async () => {
      const corpus = writeCorpus()
      const store = await backend.open()
      try {
        const first = await ingestPaths([corpus], kb, store)
        assert.deepEqual(first.documents, { new: 4, unchanged: 0, replaced: 0, reanalysed: 0, failed: 0 })
        const stats = await store.stats()
        assert.equal(stats.documents, 4)
        assert.ok(stats.events >= 5, `events: ${stats.events}`)
        assert.ok(stats.actors >= 6)
        const again = await ingestPaths([corpus], kb, store)
        assert.deepEqual(again.documents, { new: 0, unchanged: 4, replaced: 0, reanalysed: 0, failed: 0 })
        assert.deepEqual(await store.stats(), stats)
        writeFileSync(join(corpus, 'a-vertrag.txt'), 'Stand: 20.06.2024\nRussland und Vietnam unterzeichneten in Hanoi ein Abkommen.')
        const changed = await ingestPaths([corpus], kb, store)
        assert.deepEqual(changed.documents, { new: 0, unchanged: 3, replaced: 1, reanalysed: 0, failed: 0 })
        assert.equal((await store.stats()).documents, 4)
        assert.deepEqual((await store.events({ pair: ['RUS', 'PRK'] })).map((e) => e.type), [], 'the old version is gone')
        assert.equal((await store.events({ pair: ['VNM', 'RUS'] })).length, 1)
      } finally {
        await store.close()
      }
    })

    test('knows which documents a file\'s items and language parts hold, and reads only the changed ones again', async () => {
      const dir = join(scratchDir('entente-stored-'), 'feeds')
      mkdirSync(dir)
      const feed = join(dir, 'feed.jsonl')
      const items = ['{"text":"Stand: 03.05.2024\\nBelarus kaufte im April Getreide aus Kasachstan.","lang":"de"}', '{"text":"Stand: 04.05.2024\\nArmenien fror seine Mitarbeit im Bündnis ein.","lang":"de"}']
      writeFileSync(feed, `${items.join('\n')}\n`)
      // A file whose name begins as the feed's does, and a page in two languages.
      writeFileSync(join(dir, 'feed.jsonl.txt'), 'Stand: 05.05.2024\nSerbien und Ungarn unterzeichneten ein Abkommen über Gaslieferungen.')
      const mixed = join(dir, 'zwei-sprachen.txt')
      writeFileSync(mixed, [
        'Stand: 06.05.2024\nDie Regierung in Baku teilte am Montag mit, dass die Gespräche mit Eriwan über den Verlauf der gemeinsamen Grenze in der kommenden Woche fortgesetzt werden sollen, nachdem beide Seiten sich auf die Grundsätze geeinigt hätten.',
        'English summary: Azerbaijan said on Monday that the talks with Armenia about their shared border would go on next week, after both sides had agreed on the principles of the settlement and on the maps they would use.',
      ].join('\n\n'))
      const store = await backend.open()
      const current = analysisVersion(kb.dataDir)
      try {
        assert.deepEqual(await store.storedSources(feed, current), new Map())
        const first = await ingestPaths([dir], kb, store)
        assert.deepEqual(first.documents, { new: 5, unchanged: 0, replaced: 0, reanalysed: 0, failed: 0 })
        const ofFeed = await store.storedSources(feed, current)
        // The first item is the file's own source, the others are numbered from 1.
        assert.deepEqual([...ofFeed.keys()].sort(), [feed, `${feed}#1`])
        assert.deepEqual([...(await store.storedSources(mixed, current)).keys()].sort(), [`${mixed}@1`, `${mixed}@2`])
        assert.equal((await store.storedSources(join(dir, 'feed.jsonl.txt'), current)).size, 1)
        assert.equal((await store.storedSources(join(dir, 'feed'), current)).size, 0)
        for (const [key, id] of ofFeed) assert.equal((await store.document(id))?.id, id, key)
        // The second item changes: it alone is read through the pipeline and replaced.
        writeFileSync(feed, `${items[0]}\n{"text":"Stand: 04.05.2024\\nArmenien verließ das Bündnis.","lang":"de"}\n`)
        const again = await ingestPaths([dir], kb, store)
        assert.deepEqual(again.documents, { new: 0, unchanged: 4, replaced: 1, reanalysed: 0, failed: 0 })
        assert.equal(again.sentences, 2, 'only the changed item was analysed and stored')
        assert.notEqual((await store.storedSources(feed, current)).get(`${feed}#1`), ofFeed.get(`${feed}#1`))
        assert.equal((await store.storedSources(feed, current)).get(feed), ofFeed.get(feed))
      } finally {
        await store.close()
      }
    })

    test('answers every event filter the same way: actor, pair, type, dates by prefix, partner, language, paging', async () => {
      const store = await backend.open()
      try {
        await ingestPaths([writeCorpus()], kb, store)
        const pair = await store.events({ pair: ['PRK', 'RUS'] })
        assert.deepEqual(pair.map((e) => `${e.source}>${e.target}:${e.type}:${e.date}`), ['RUS>PRK:SUPPORT:2024-06-19', 'PRK>RUS:AID:2024-10'])
        assert.deepEqual((await store.events({ actor: 'IRN' })).map((e) => `${e.source}>${e.target}:${e.type}:${e.modality}`), ['IRN>RUS:AID:reported'])
        assert.equal((await store.events({ type: 'aid' })).length, 2)
        // "2024-10" lies within 2024, and within a range that ends in 2024-10.
        assert.deepEqual((await store.events({ from: '2024', to: '2024-10' })).map((e) => e.date), ['2024-06-19', '2024-10'])
        assert.deepEqual((await store.events({ from: '2024-07' })).map((e) => e.date), ['2024-10', '2025-02-24'])
        assert.equal(await store.countEvents({ from: '2024-07' }), 2)
        const oneSided = await store.events({ partner: 'none' })
        assert.ok(oneSided.length >= 1 && oneSided.every((e) => e.target === null && e.targetSpan === null))
        assert.ok(oneSided.some((e) => e.source === 'GEO' && e.type === 'RETREAT'))
        assert.ok((await store.events({ partner: 'named' })).every((e) => e.target !== null))
        assert.deepEqual([...new Set((await store.events({ lang: 'en' })).map((e) => e.lang))], ['en'])
        const all = await store.events({})
        assert.equal(await store.countEvents({}), all.length)
        assert.deepEqual((await store.events({ limit: 2, offset: 1 })).map((e) => e.id), all.slice(1, 3).map((e) => e.id))
        // Undated events come first, then dates in order.
        const dates = all.map((e) => e.date ?? '')
        assert.deepEqual(dates, [...dates].sort())
        // What relations read: the same events in the same order, their act fields, no sentence, and a trace only for a deployment.
        const reports = await store.actReports({})
        assert.deepEqual(reports.map((r) => r.id), all.map((e) => e.id))
        for (const [k, r] of reports.entries()) {
          const e = all[k]!
          assert.deepEqual(r, { id: e.id, docId: e.docId, file: e.file, docDate: e.docDate, publisher: e.publisher, source: e.source, target: e.target, type: e.type, mode: e.mode, modality: e.modality, date: e.date, quantity: e.quantity, confidence: e.confidence, trace: e.type === 'MOBILIZE' ? e.trace : [] })
          assert.ok(!('sentenceText' in r))
        }
        assert.deepEqual((await store.actReports({ pair: ['PRK', 'RUS'], limit: 1, offset: 1 })).map((r) => r.id), pair.slice(1).map((e) => e.id))
      } finally {
        await store.close()
      }
    })

    test('keeps each event\'s evidence: sentence, spans, rule trace, confidence and document', async () => {
      const store = await backend.open()
      try {
        await ingestPaths([writeCorpus()], kb, store)
        const [aid] = await store.events({ actor: 'IRN' })
        assert.ok(aid)
        assert.equal(aid.sentenceText.slice(aid.sourceSpan[0] - aid.sentenceStart, aid.sourceSpan[1] - aid.sentenceStart), 'Iran')
        assert.equal(aid.sentenceText.slice(aid.targetSpan![0] - aid.sentenceStart, aid.targetSpan![1] - aid.sentenceStart), 'Russia')
        assert.ok(aid.trace.length > 0 && aid.rule.startsWith('en.'))
        assert.ok(aid.confidence > 0 && aid.confidence <= 1)
        assert.deepEqual(await store.event(aid.id), aid)
        const doc = await store.document(aid.docId)
        assert.ok(doc)
        assert.equal(doc.file, 'c-drones.txt')
        assert.equal((await store.document('c-drones.txt'))?.id, doc.id)
        assert.ok(doc.sentences.length >= 2 && doc.mentions.some((m) => m.actor === 'IRN'))
        assert.ok(doc.times.some((t) => t.value === '2023-02'))
        assert.equal(doc.lang, 'en')
        // A report is read in news mode: its times are anchored to the publication date.
        assert.equal(doc.timeMode, 'news')
        assert.equal(await store.document('nothing-like-this'), null)
        assert.equal(await store.event('nothing-like-this'), null)
      } finally {
        await store.close()
      }
    })

    test('lists documents newest first with undated ones last, and gives the same relation answers', async () => {
      const store = await backend.open()
      try {
        await ingestPaths([writeCorpus()], kb, store)
        const list = await store.documents({ limit: 10, offset: 0 })
        assert.equal(list.total, 4)
        assert.deepEqual(list.items.map((d) => d.file), ['b-ruecktritt.txt', 'a-vertrag.txt', 'c-drones.txt', 'd-undatiert.txt'])
        assert.equal(list.items[1]!.events, 2)
        assert.equal((await store.documents({ limit: 10, offset: 0, lang: 'en' })).total, 1)
        const answer = await allies(store, kb, 'RUS', { at: '2025-01-01' })
        assert.ok(answer.counterparts.some((c) => c.actor === 'PRK'))
        const pair = await relation(store, kb, 'RUS', 'PRK')
        assert.ok(pair.evidence.length >= 2)
      } finally {
        await store.close()
      }
    })

    test('keeps the relation series equal to one built from scratch, through new, unchanged and replaced files', async () => {
      const corpus = writeCorpus()
      const store = await backend.open()
      const fresh = await backend.open()
      try {
        await ingestPaths([corpus], kb, store)
        const initial = await store.series({})
        assert.ok(initial.some((r) => r.source === 'RUS' && r.target === 'PRK' && r.month === '2024-06' && r.type === 'SUPPORT' && r.acts === 1 && r.bestEvent !== null))
        assert.ok(initial.every((r) => r.source !== r.target), 'no self-pairs')
        assert.equal(initial.reduce((n, r) => n + r.acts, 0), (await store.events({ partner: 'named' })).filter((e) => e.source !== e.target && (e.date ?? e.docDate)).length)
        await ingestPaths([corpus], kb, store)
        writeFileSync(join(corpus, 'a-vertrag.txt'), 'Stand: 20.06.2024\nRussland und Vietnam unterzeichneten in Hanoi ein Abkommen.\n\nIm Oktober 2024 schickte Nordkorea Tausende Soldaten nach Russland.')
        await ingestPaths([corpus], kb, store)
        await ingestPaths([corpus], kb, fresh)
        const strip = (rows: Awaited<ReturnType<Store['series']>>) => rows.map(({ bestEvent: _b, ...r }) => ({ ...r, strength: Math.round(r.strength * 1000) / 1000 }))
        assert.deepEqual(strip(await store.series({})), strip(await fresh.series({})))
        assert.deepEqual((await store.series({ pair: ['PRK', 'RUS'] })).map((r) => `${r.source}>${r.target}:${r.type}:${r.month}`), ['PRK>RUS:AID:2024-10'])
        assert.equal((await store.series({ actor: 'VNM', from: '2024-06', to: '2024-06' })).length, 1)
      } finally {
        await store.close()
        await fresh.close()
      }
    })

    test('counts the series of stored articles as the events they store count: every group, its latest day and its evidence', async () => {
      const corpus = writeCorpus()
      // Of my own: acts of one pair and month told by two articles (which is the evidence?), a month,
      // a year, an undated article, and an article replaced in a batch.
      writeFileSync(join(corpus, 'e-viele.txt'), 'Stand: 14.08.2024\nRussland lieferte im Juli Raketen an Nordkorea.\n\nNordkorea dankte Russland für die Hilfe.\n\nIm Jahr 2023 hatte Russland Nordkorea Getreide geschickt.')
      writeFileSync(join(corpus, 'f-juli.txt'), 'Stand: 03.11.2024\nAm 3. Juli hatte Russland Raketen an Nordkorea geliefert.')
      const store = await backend.open()
      try {
        await ingestPaths([corpus], kb, store, { batch: true })
        writeFileSync(join(corpus, 'a-vertrag.txt'), 'Stand: 20.06.2024\nRussland und Vietnam unterzeichneten in Hanoi ein Abkommen.\n\nIm Oktober 2024 schickte Nordkorea Tausende Soldaten nach Russland.')
        writeFileSync(join(corpus, 'g-neu.txt'), 'Stand: 03.11.2024\nNordkorea schickte im Oktober weitere Soldaten nach Russland.')
        await ingestPaths([corpus], kb, store, { batch: true })
        const db = (store as unknown as { db: Kysely<Database> }).db
        const docs = (await store.documents({ limit: 100, offset: 0 })).items.map((d) => d.id)
        const key = (r: { source: string; target: string; month: string; type: string; mode: string; modality: string; hosted: number | boolean }) => `${r.source}>${r.target} ${r.month} ${r.type} ${r.mode} ${r.modality} ${Number(r.hosted)}`
        const counted = new Map((await countSeries(db, docs)).map((r) => [key(r), r]))
        const stored = await store.series({})
        assert.ok(stored.some((r) => r.source === 'PRK' && r.target === 'RUS' && r.month === '2024-10' && r.type === 'AID' && r.acts === 2), 'acts of one month are one group')
        assert.ok(stored.some((r) => r.source === 'RUS' && r.target === 'PRK' && r.month === '2023-07' && r.lastDay === '2023-07-01'), 'a year is placed on 1 July')
        assert.ok(stored.some((r) => r.source === 'RUS' && r.target === 'PRK' && r.month === '2024-07' && r.type === 'AID' && r.acts === 2 && r.lastDay === '2024-07-15'), 'a month is placed on its 15th, after the 3rd')
        assert.deepEqual(stored.map(key).sort(), [...counted.keys()].sort())
        for (const r of stored) {
          const c = counted.get(key(r))!
          assert.deepEqual([r.acts, r.stated, r.lastDay, r.bestEvent], [Number(c.acts), Number(c.stated), c.last_day, c.best_event], key(r))
          assert.ok(Math.abs(r.strength - Number(c.strength)) < 1e-5 * Math.max(1, r.strength), key(r))
        }
      } finally {
        await store.close()
      }
    })

    test('analyses again what older rules made: reading its file again, or reanalyse, makes its annotations and its share of the series anew', async () => {
      const corpus = writeCorpus()
      const store = await backend.open()
      const fresh = await backend.open()
      try {
        await ingestPaths([corpus], kb, fresh)
        // Two articles as older rules understood them: each without its first act.
        const older = ['a-vertrag.txt', 'c-drones.txt'].map((f) => join(corpus, f))
        for (const file of older) {
          for (const doc of analyseFile(file, kb).docs) {
            assert.ok(doc.events.length >= 2, `${file}: ${doc.events.length} events`)
            assert.equal(await store.saveDocument({ ...doc, analysis: 'older', events: doc.events.slice(1) }, file), 'new')
          }
        }
        await ingestPaths([join(corpus, 'b-ruecktritt.txt'), join(corpus, 'd-undatiert.txt')], kb, store)
        const current = analysisVersion(kb.dataDir)
        assert.equal(await store.countOutdated(current), 2)
        assert.deepEqual([...(await store.storedSources(older[0]!, current)).keys()], [], 'not skipped when its file is read again')
        assert.equal((await store.storedSources(older[0]!, 'older')).size, 1)

        const again = await ingestPaths([older[0]!], kb, store)
        assert.deepEqual(again.documents, { new: 0, unchanged: 0, replaced: 0, reanalysed: 1, failed: 0 })
        const rest = await reanalyseStore(kb, store)
        assert.deepEqual([rest.outdated, rest.reanalysed, rest.failed], [1, 1, 0])
        assert.equal((await reanalyseStore(kb, store)).outdated, 0)
        assert.deepEqual((await ingestPaths([corpus], kb, store)).documents, { new: 0, unchanged: 4, replaced: 0, reanalysed: 0, failed: 0 })

        const acts = async (s: Store) => (await s.events({})).map((e) => `${e.id} ${e.source}>${e.target} ${e.type} ${e.mode} ${e.date}`).sort()
        assert.deepEqual(await acts(store), await acts(fresh))
        assert.deepEqual(await store.series({}), await fresh.series({}))
        assert.deepEqual(await store.stats(), await fresh.stats())
      } finally {
        await store.close()
        await fresh.close()
      }
    })

    test('stores a batch in one transaction with the series of each of its documents, a replaced one counted once', async () => {
      const corpus = writeCorpus()
      const store = await backend.open()
      const fresh = await backend.open()
      try {
        await ingestPaths([corpus], kb, store, { batch: true })
        // One batch: a changed file (its old version leaves the series), a new one and two unchanged.
        writeFileSync(join(corpus, 'a-vertrag.txt'), 'Stand: 20.06.2024\nRussland und Vietnam unterzeichneten in Hanoi ein Abkommen.\n\nIm Oktober 2024 schickte Nordkorea Tausende Soldaten nach Russland.')
        writeFileSync(join(corpus, 'e-neu.txt'), 'Stand: 03.11.2024\nNordkorea schickte im Oktober weitere Soldaten nach Russland.')
        const second = await ingestPaths([corpus], kb, store, { batch: true })
        assert.deepEqual([second.documents.new, second.documents.replaced, second.documents.unchanged], [1, 1, 3])
        await ingestPaths([corpus], kb, fresh)
        const strip = (rows: Awaited<ReturnType<Store['series']>>) => rows.map(({ bestEvent: _b, ...r }) => ({ ...r, strength: Math.round(r.strength * 1000) / 1000 }))
        assert.deepEqual(strip(await store.series({})), strip(await fresh.series({})))
        const troops = (await store.series({ pair: ['PRK', 'RUS'] })).filter((r) => r.type === 'AID')
        assert.deepEqual(troops.map((r) => [r.month, r.acts]), [['2024-10', 2]])
        assert.ok(troops.every((r) => r.bestEvent !== null))
      } finally {
        await store.close()
        await fresh.close()
      }
    })

    test('imports a dataset file in one transaction, idempotently, next to ingested articles', { skip: !existsSync(DEFAULT_CAMEO_TABLE) && 'no CAMEO→PLOVER table' }, async () => {
      const dir = scratchDir('entente-contract-')
      const file = join(dir, 'events.export.CSV')
      writeFileSync(file, [
        gdeltLine({ GLOBALEVENTID: '1', SQLDATE: '20240617', Actor1Code: 'RUS', Actor1CountryCode: 'RUS', Actor2Code: 'PRK', Actor2CountryCode: 'PRK', EventCode: '057' }),
        gdeltLine({ GLOBALEVENTID: '2', SQLDATE: '20240618', Actor1Code: 'COP', Actor1Type1Code: 'COP', EventCode: '173' }),
        gdeltLine({ GLOBALEVENTID: '3', SQLDATE: '20240618', Actor1Code: 'USA', Actor1CountryCode: 'USA', Actor2Code: 'CHN', Actor2CountryCode: 'CHN', EventCode: '010' }),
      ].join('\n'))
      const store = await backend.open()
      try {
        await ingestPaths([writeCorpus()], kb, store)
        const before = await store.countEvents({})
        const report = await importFiles('gdelt', [file], kb, store)
        assert.deepEqual([report.imported, report.oneSided, report.skipped['event code']], [2, 1, { '010': 1 }])
        assert.equal(await store.countEvents({}), before + 2)
        assert.equal((await importFiles('gdelt', [file], kb, store)).files[0]!.outcome, 'unchanged')
        const [pact] = await store.events({ pair: ['RUS', 'PRK'], from: '2024-06-17', to: '2024-06-17' })
        assert.equal(pact?.type, 'SUPPORT')
        assert.equal(pact?.file, 'events.export.CSV')
        assert.equal((await store.documents({ limit: 10, offset: 0 })).total, 5)
      } finally {
        await store.close()
      }
    })

    test('imports a file larger than the store as a bulk load: the series counted as it is stored equals the series counted from the events, the indexes come back, and a failed load changes nothing', async () => {
      const store = await backend.open()
      try {
        await ingestPaths([writeCorpus()], kb, store)
        const db = (store as unknown as { db: Kysely<Database> }).db
        const indexes = async () => backend.name === 'SQLite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name in ('events', 'pair_months') order by name`.execute(db)).rows.map((r) => r.name)
          : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename in ('events', 'pair_months') order by indexname`.execute(db)).rows.map((r) => r.name)
        const before = { indexes: await indexes(), events: await store.countEvents({}), series: await store.series({}) }
        assert.ok(before.indexes.length >= 6)
        // Of my own: the cases the series tells apart (a month or a year for a date, troops hosted,
        // equal confidences, no partner, an actor towards itself, no date), then many plain acts.
        const act = (source: string, target: string | null, type: string, date: string | null, confidence = 0.7, trace = ['dataset:test']): ImportedEvent => ({
          source, target, type, mode: type === 'MOBILIZE' ? 'troops' : 'diplomatic', polarity: 'coop', modality: 'asserted', date, quantity: null, rule: 'test.bulk', trace, confidence,
          evidence: `${source} → ${target ?? '·'}`, sourceSpan: [0, 3], targetSpan: target ? [6, 9] : null,
        })
        const special = [
          act('RUS', 'PRK', 'SUPPORT', '2024-06-19', 0.9), act('RUS', 'PRK', 'SUPPORT', '2024-06-02', 0.9), act('RUS', 'PRK', 'SUPPORT', '2024-06', 0.5),
          act('RUS', 'BLR', 'MOBILIZE', '2023', 0.8, ['dataset:test', HOSTING_STEP]), act('RUS', 'BLR', 'MOBILIZE', '2023-07-01', 0.8),
          act('MLI', null, 'SUPPORT', '2024-01-05'), act('MLI', 'MLI', 'SUPPORT', '2024-01-05'), act('IRN', 'RUS', 'AID', null),
        ]
        const states = ['RUS', 'PRK', 'IRN', 'CHN', 'BLR', 'KAZ', 'ARM', 'AZE', 'TUR', 'IND', 'MLI']
        const types = ['CONSULT', 'AGREE', 'AID', 'ACCUSE', 'SANCTION']
        const plain = (i: number) => act(states[i % 11]!, states[(i * 7 + 3) % 11]!, types[i % 5]!, `20${15 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, 0.5 + (i % 5) / 10)
        async function* batches(fail: boolean): AsyncGenerator<ImportedEvent[]> {
          yield special
          for (let i = 0; i < 26_000; i += 2000) {
            if (fail && i >= 24_000) throw new Error('the file broke off')
            yield Array.from({ length: 2000 }, (_, k) => plain(i + k))
          }
        }
        const doc = (n: number) => ({ id: `bulk-${n}`, sourceKey: `import:test:bulk-${n}`, file: `bulk-${n}.tsv`, path: `/tmp/bulk-${n}.tsv`, format: 'gdelt', title: 'bulk' })
        await assert.rejects(store.saveImport(doc(1), importChunks('bulk-1', batches(true))), /the file broke off/)
        assert.deepEqual([await indexes(), await store.countEvents({}), await store.series({})], [before.indexes, before.events, before.series], 'a failed load changes nothing')
        const saved = await store.saveImport(doc(2), importChunks('bulk-2', batches(false)))
        assert.equal(saved.events, special.length + 26_000)
        assert.deepEqual(await indexes(), before.indexes)
        const docs = (await store.documents({ limit: 100, offset: 0 })).items.map((d) => d.id)
        const key = (r: { source: string; target: string; month: string; type: string; mode: string; hosted: number | boolean }) => `${r.source}>${r.target} ${r.month} ${r.type} ${r.mode} ${Number(r.hosted)}`
        const counted = new Map((await countSeries(db, docs)).map((r) => [key(r), r]))
        const stored = await store.series({})
        assert.equal(stored.length, counted.size)
        for (const r of stored) {
          const c = counted.get(key(r))
          assert.ok(c, key(r))
          assert.deepEqual([r.acts, r.stated, r.lastDay, r.bestEvent], [Number(c.acts), Number(c.stated), c.last_day, c.best_event], key(r))
          // PostgreSQL's real is four bytes: its sums differ from JavaScript's in the seventh digit.
          assert.ok(Math.abs(r.strength - Number(c.strength)) < 1e-5 * Math.max(1, r.strength), key(r))
        }
        const pact = stored.find((r) => key(r) === 'RUS>PRK 2024-06 SUPPORT diplomatic 0')!
        assert.deepEqual([pact.lastDay, pact.bestEvent], ['2024-06-19', 'bulk-2-1'], 'of equally confident acts, the least id')
        assert.ok(stored.some((r) => key(r) === 'RUS>BLR 2023-07 MOBILIZE troops 1' && r.acts === 1), 'a year is placed on 1 July; hosted troops apart')
        assert.ok(!stored.some((r) => r.source === r.target), 'no self-pair')
        assert.ok(stored.some((r) => key(r) === 'IRN>RUS 2024-12 AID diplomatic 0' && r.stated === 0), 'an undated act is placed on the file\'s date, not stated')
        assert.equal((await store.document('bulk-2'))?.date, '2024-12-28', 'the file is dated by its latest event')
        const dirty = new Set((await sql<{ a: string; b: string }>`select a, b from pair_dirty`.execute(db)).rows.map((r) => `${r.a}-${r.b}`))
        const touched = (await sql<{ a: string; b: string }>`select distinct case when source < target then source else target end as a, case when source < target then target else source end as b
          from events where doc_id = 'bulk-2' and target is not null and target <> source`.execute(db)).rows.map((r) => `${r.a}-${r.b}`)
        assert.ok(touched.length > 10 && touched.every((p) => dirty.has(p)) && dirty.has('IRN-RUS'), 'every pair the file touched waits for its states')
      } finally {
        await store.close()
      }
    })

    test('stores a JSON-lines article whose text and title carry control characters, without them', async () => {
      const dir = scratchDir('entente-contract-')
      const file = join(dir, 'scraped.jsonl')
      writeFileSync(file, JSON.stringify({ title: 'Pakt\u0000 unterzeichnet', date: '2024-06-19', lang: 'de', text: 'Russland und Nordkorea\u0000 unterzeichneten\u0007 einen Beistandspakt.' }) + '\n')
      const store = await backend.open()
      try {
        const summary = await ingestPaths([file], kb, store)
        assert.deepEqual(summary.errors, [])
        const [doc] = (await store.documents({ limit: 1, offset: 0 })).items
        assert.equal(doc?.title, 'Pakt unterzeichnet')
        assert.equal((await store.document(doc!.id))?.text.includes('Nordkorea unterzeichneten einen'), true)
        assert.equal((await store.events({ pair: ['RUS', 'PRK'] }))[0]?.type, 'SUPPORT')
      } finally {
        await store.close()
      }
    })
  })
}

test('a PostgreSQL server that does not answer is a clear error naming it, without the password', async () => {
  await assert.rejects(openStore('postgres://analyst:secret@127.0.0.1:1/entente'), (err: Error) => {
    assert.match(err.message, /^postgres:\/\/analyst:\*\*\*@127\.0\.0\.1:1\/entente: cannot connect to PostgreSQL/)
    assert.doesNotMatch(err.message, /secret/)
    return true
  })
  assert.equal(describeDb('postgres://analyst:secret@db/entente'), 'postgres://analyst:***@db/entente')
  assert.equal(describeDb('data/entente.db'), 'data/entente.db')
})
