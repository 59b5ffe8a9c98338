// Importing the field's event data: GDELT, ICEWS, ACLED and POLECAT records become events of
// Entente's model with their provenance, and nothing that cannot be mapped is dropped uncounted.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gdeltLine, kb } from './helpers.ts'
import { importFiles, DEFAULT_CAMEO_TABLE } from '../src/service/import.ts'
import { isoDay } from '../src/import/record.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { allies } from '../src/service/questions.ts'
import { spawnSync } from 'node:child_process'
import { ROOT } from '../src/service/context.ts'
import { scratchDir } from './scratch-dir.ts'
import { pick, seeded } from '../bench/gen/random.ts'

const ICEWS = join(import.meta.dirname, '..', '..', 'shared', 'bench', 'icews', 'events.2018.sample.tab')
const hasTable = existsSync(DEFAULT_CAMEO_TABLE)
const runCli = async (args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), ...args], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const tmp = () => scratchDir('entente-import-')


const gdeltRows = [
  gdeltLine({ GLOBALEVENTID: '1001', SQLDATE: '20240617', Actor1Code: 'RUSMIL', Actor1Name: 'RUSSIA', Actor1CountryCode: 'RUS', Actor2Code: 'UKR', Actor2Name: 'UKRAINE', Actor2CountryCode: 'UKR', EventCode: '190', NumSources: '3', SOURCEURL: 'https://example.org/a' }),
  gdeltLine({ GLOBALEVENTID: '1002', SQLDATE: '20240618', Actor1Code: 'NAT', Actor1Name: 'NATO', Actor1KnownGroupCode: 'NAT', Actor2Code: 'ROM', Actor2Name: 'ROMANIA', Actor2CountryCode: 'ROM', EventCode: '0431' }),
  gdeltLine({ GLOBALEVENTID: '1003', SQLDATE: '20240619', Actor1Code: 'COP', Actor1Name: 'POLICE', Actor1Type1Code: 'COP', EventCode: '173' }),
  gdeltLine({ GLOBALEVENTID: '1004', SQLDATE: '20240619', Actor1Code: 'USA', Actor1CountryCode: 'USA', Actor2Code: 'CHN', Actor2CountryCode: 'CHN', EventCode: '010' }),
  gdeltLine({ GLOBALEVENTID: '1005', SQLDATE: '20240620', Actor1Code: 'AFR', Actor1Name: 'AFRICA', Actor2Code: 'FRA', Actor2CountryCode: 'FRA', EventCode: '042' }),
  'this line was cut off\tin the middle',
  gdeltLine({ GLOBALEVENTID: '1007', SQLDATE: '20250231', Actor1Code: 'IRN', Actor1CountryCode: 'IRN', Actor2Code: 'RUS', Actor2CountryCode: 'RUS', EventCode: '061' }),
  gdeltLine({ GLOBALEVENTID: '1008', SQLDATE: '20240621', Actor1Code: 'PRK', Actor1CountryCode: 'PRK', Actor2Code: 'RUS', Actor2CountryCode: 'RUS', EventCode: '057' }),
]

test('dates of the datasets\' forms are read, and impossible days refused', () => {
  assert.equal(isoDay('20240617'), '2024-06-17')
  assert.equal(isoDay('2018-06-01'), '2018-06-01')
  assert.equal(isoDay('17 June 2024'), '2024-06-17')
  assert.equal(isoDay('20250231'), null)
  assert.equal(isoDay('31 Februar 2024'), null)
  assert.equal(isoDay('soon'), null)
})

test('GDELT: countries, known groups, sectors and CAMEO codes map to actors and PLOVER types; the rest is counted, not lost', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const file = join(dir, '20240621000000.export.CSV')
  writeFileSync(file, gdeltRows.join('\n') + '\n')
  const store = await SqliteStore.open(join(dir, 'g.db'))
  try {
    const report = await importFiles('gdelt', [file], kb, store)
    assert.equal(report.rows, 8)
    assert.equal(report.imported, 4)
    assert.equal(report.oneSided, 1)
    assert.deepEqual(report.skipped['event code'], { '010': 1 })
    assert.deepEqual(report.skipped['source actor'], { AFR: 1 })
    assert.deepEqual(report.skipped.date, { '(invalid)': 1 })
    assert.deepEqual(report.skipped.malformed, { '20240621000000.export.CSV': 1 })
    assert.deepEqual(report.malformed.map((m) => m.line), [6])
    const events = await store.events({})
    assert.deepEqual(events.map((e) => `${e.source}>${e.target ?? '·'}:${e.type}:${e.date}`), [
      'RUS>UKR:ASSAULT:2024-06-17', 'NATO>ROU:CONSULT:2024-06-18', 'POLICE>·:COERCE:2024-06-19', 'PRK>RUS:SUPPORT:2024-06-21',
    ])
    const [attack, visit] = events
    assert.match(attack!.sentenceText, /^GDELT 1001: RUSSIA → UKRAINE, CAMEO 190 \(https:\/\/example\.org\/a\)$/)
    assert.equal(attack!.rule, 'import.gdelt.cameo:190')
    assert.equal(attack!.sentenceText.slice(...attack!.sourceSpan), 'RUSSIA')
    assert.equal(attack!.sentenceText.slice(...attack!.targetSpan!), 'UKRAINE')
    assert.equal(events[2]!.targetSpan, null)
    assert.ok(attack!.trace.includes('dataset:gdelt') && attack!.trace.includes('id:1001') && attack!.trace.includes('source:country:RUS'))
    assert.ok(visit!.trace.includes('cameo:0431→CONSULT (via 043)'), visit!.trace.join(' '))
    assert.equal(attack!.polarity, 'conflict')
    assert.equal(visit!.polarity, 'coop')
  } finally {
    await store.close()
  }
})

test('an import is idempotent, and a changed file replaces its earlier version in one go', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const file = join(dir, 'export.CSV')
  writeFileSync(file, gdeltRows.join('\n'))
  const store = await SqliteStore.open(join(dir, 'g.db'))
  try {
    assert.equal((await importFiles('gdelt', [file], kb, store)).files[0]!.outcome, 'new')
    const again = await importFiles('gdelt', [file], kb, store)
    assert.deepEqual([again.files[0]!.outcome, again.imported], ['unchanged', 0])
    assert.equal(await store.countEvents({}), 4)
    writeFileSync(file, gdeltRows[0]!)
    const changed = await importFiles('gdelt', [file], kb, store)
    assert.equal(changed.files[0]!.outcome, 'replaced')
    assert.deepEqual((await store.events({})).map((e) => e.type), ['ASSAULT'])
    const missing = await importFiles('gdelt', [join(dir, 'nope.CSV')], kb, store)
    assert.equal(missing.files[0]!.outcome, 'failed')
    assert.match(missing.files[0]!.error!, /ENOENT|no such file/)
    assert.equal(await store.countEvents({}), 1, 'a failed file leaves what was stored')
  } finally {
    await store.close()
  }
})

test('ICEWS: the real 2018 sample imports with its actors mapped by country, and relations read from it', { skip: (!existsSync(ICEWS) || !hasTable) && 'no ICEWS sample or CAMEO table' }, async () => {
  const dir = tmp()
  const store = await SqliteStore.open(join(dir, 'i.db'))
  try {
    const report = await importFiles('icews', [ICEWS], kb, store)
    assert.equal(report.rows, 3705)
    // Public statements (CAMEO 01) and appeals (02) have no PLOVER type: counted, not stored.
    assert.equal(report.skipped['event code']['010'], 528)
    assert.equal(report.skipped['event code']['020'], 170)
    const skipped = Object.values(report.skipped).flatMap((v) => Object.values(v)).reduce((a, b) => a + b, 0)
    assert.equal(report.imported + skipped, report.rows, 'every record is stored or counted')
    assert.ok(report.imported > 2700, `imported ${report.imported}`)
    const [consult] = await store.events({ pair: ['BGD', 'VNM'], from: '2018-06-01', to: '2018-06-01' })
    assert.ok(consult)
    assert.equal(consult.type, 'CONSULT')
    assert.match(consult.sentenceText, /^ICEWS \d+: .*Bangladesh/)
    const answer = await allies(store, kb, 'PRK', { at: '2018-06-30' })
    assert.ok(answer.counterparts.some((c) => c.actor === 'USA'))
  } finally {
    await store.close()
  }
})

test('ACLED: quoted CSV, actors named with their country, event and sub-event types, fatalities', async () => {
  const dir = tmp()
  const file = join(dir, 'acled.csv')
  writeFileSync(file, [
    'event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,location,notes,fatalities',
    'UKR1,17 June 2024,2024,Battles,Armed clash,Military Forces of Russia (2000-),Military Forces of Ukraine (2019-),Ukraine,Vovchansk,"Clashes near the town, with artillery.",4',
    'GEO1,2024-05-01,2024,Protests,Peaceful protest,Protesters (Georgia),,Georgia,Tbilisi,"Thousands marched against the ""foreign agents"" bill.",0',
    'MLI1,2024-07-27,2024,Battles,Armed clash,Wagner Group,"JNIM: Group for Support of Islam and Muslims",Mali,Tinzaouaten,Fighting near the border.,40',
    'XXX1,2024-07-28,2024,Strategic developments,Something new,Military Forces of Mali (2021-),,Mali,Bamako,,0',
  ].join('\n'))
  const store = await SqliteStore.open(join(dir, 'a.db'))
  try {
    const report = await importFiles('acled', [file], kb, store)
    assert.deepEqual(report.skipped['event code'], { 'Strategic developments/Something new': 1 })
    const events = await store.events({})
    assert.deepEqual(events.map((e) => `${e.source}>${e.target ?? '·'}:${e.type}:${e.mode}:${e.date}`), [
      'GEO>·:PROTEST:demo:2024-05-01', 'RUS>UKR:ASSAULT:fight:2024-06-17', 'WAGNER>JNIM:ASSAULT:fight:2024-07-27',
    ])
    assert.equal(events[1]!.quantity, '4 killed')
    assert.match(events[1]!.sentenceText, /Clashes near the town, with artillery\./)
  } finally {
    await store.close()
  }
})

test('POLECAT: PLOVER types as coded (old labels read as the README says), countries as codes or names', async () => {
  const dir = tmp()
  const file = join(dir, 'polecat.tsv')
  writeFileSync(file, [
    ['Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Actor Name', 'Actor Country', 'Recipient Name', 'Recipient Country', 'Headline'].join('\t'),
    ['p1', '2024-06-19', 'agree', '', 'Vladimir Putin', 'RUS', 'Kim Jong Un', 'PRK', 'Leaders sign pact'].join('\t'),
    ['p2', '2024-06-20', 'DEMAND', '', 'Government', 'Japan', 'Government', 'North Korea', ''].join('\t'),
    ['p3', '2024-06-21', 'STATEMENT', '', 'Government', 'Japan', '', '', ''].join('\t'),
  ].join('\n'))
  const store = await SqliteStore.open(join(dir, 'p.db'))
  try {
    const report = await importFiles('polecat', [file], kb, store)
    assert.deepEqual(report.skipped['event code'], { STATEMENT: 1 })
    assert.deepEqual((await store.events({})).map((e) => `${e.source}>${e.target}:${e.type}`), ['RUS>PRK:AGREE', 'JPN>PRK:REQUEST'])
  } finally {
    await store.close()
  }
})

test('entente import: prints what was stored and what was not, and names a missing CAMEO table', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const file = join(dir, 'export.CSV')
  writeFileSync(file, gdeltRows.join('\n'))
  const ok = await runCli(['import', 'gdelt', file, '--db', join(dir, 'c.db')])
  assert.equal(ok.code, 0)
  assert.match(ok.stdout, /imported gdelt: 1 file\(s\), 8 records read, 4 events stored \(1 one-sided\)/)
  assert.match(ok.stdout, /not imported, event code not mapped: 1 — 010 \(1\)/)
  assert.match(ok.stderr, /line 6: 2 columns, a GDELT 2\.0 event has 61/)
  const bad = await runCli(['import', 'gdelt', file, '--db', join(dir, 'c.db'), '--cameo-table', join(dir, 'missing.txt')])
  assert.notEqual(bad.code, 0)
  assert.match(bad.stderr, /missing\.txt: the CAMEO→PLOVER table is needed to import gdelt/)
  const wrong = await runCli(['import', 'gdel', file])
  assert.notEqual(wrong.code, 0)
  assert.match(wrong.stderr, /one of gdelt, icews, acled, polecat/)
})

test('a file read on a thread of its own is stored exactly as one read on this thread: the same events, series, date and counts', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const file = join(dir, 'threads.export.CSV')
  // Enough records for several chunks and a flush of series groups, some of them unmappable.
  const states = ['RUS', 'UKR', 'USA', 'CHN', 'PRK', 'IRN', 'BLR', 'KAZ', 'ARM', 'AZE', 'MLI', 'TUR', 'FRA', 'DEU']
  const codes = ['190', '057', '0431', '061', '173', '010', '111', '042']
  const rnd = seeded(3)
  const lines = Array.from({ length: 9000 }, (_, i) => {
    const [a, b] = [pick(rnd, states), rnd() < 0.1 ? '' : pick(rnd, states)]
    return gdeltLine({
      GLOBALEVENTID: String(5000 + i), SQLDATE: `20${18 + Math.floor(rnd() * 7)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      Actor1Code: a, Actor1CountryCode: a, Actor2Code: b, Actor2CountryCode: b, EventCode: pick(rnd, codes),
    })
  })
  lines.splice(4000, 0, 'a line cut short\tafter two fields')
  writeFileSync(file, lines.join('\n') + '\n')
  const read = async (thread: boolean) => {
    const store = await SqliteStore.open(join(dir, `${thread}.db`))
    try {
      const report = await importFiles('gdelt', [file], kb, store, { thread, analyse: false })
      const events = (await store.events({ limit: 20_000 })).map((e) => [e.id, e.source, e.target, e.type, e.mode, e.date, e.sentenceText, e.trace.join(' ')].join('|'))
      const [doc] = (await store.documents({ limit: 1, offset: 0 })).items
      return { report: { ...report, seconds: 0 }, events, series: await store.series({}), date: doc?.date }
    } finally {
      await store.close()
    }
  }
  const here = await read(false)
  const there = await read(true)
  assert.equal(here.report.rows, 9001)
  assert.ok(here.events.length > 7000 && here.series.length > 1000, `${here.events.length} events, ${here.series.length} groups`)
  assert.deepEqual(here.report.malformed.map((m) => m.line), [4001])
  assert.deepEqual(there, here)
})

test('when storing a file read on a thread fails, nothing of it is kept, the thread stops, and the next file is read on a new one', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const files = ['a.export.CSV', 'b.export.CSV'].map((name, k) => {
    const file = join(dir, name)
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => gdeltLine({ GLOBALEVENTID: String(k * 10_000 + i), SQLDATE: '20240617', Actor1Code: 'RUS', Actor1CountryCode: 'RUS', Actor2Code: k ? 'PRK' : 'UKR', Actor2CountryCode: k ? 'PRK' : 'UKR', EventCode: '057' })).join('\n'))
    return file
  })
  const store = await SqliteStore.open(join(dir, 'f.db'))
  // The first file's store breaks off after its first chunk (a full disk, say).
  const save = store.saveImport.bind(store)
  let calls = 0
  store.saveImport = (doc, chunks) => save(doc, (async function* () {
    const first = ++calls === 1
    let n = 0
    for await (const chunk of chunks) {
      if (first && ++n === 2) throw new Error('disk full')
      yield chunk
    }
  })())
  try {
    const report = await importFiles('gdelt', files, kb, store, { thread: true })
    assert.deepEqual(report.files.map((f) => [f.outcome, f.error ?? '']), [['failed', 'disk full'], ['new', '']])
    assert.equal(report.imported, 5000)
    const pairs = new Set((await store.events({ limit: 10_000 })).map((e) => `${e.source}>${e.target}`))
    assert.deepEqual([...pairs], ['RUS>PRK'])
  } finally {
    await store.close()
  }
})

test('a run of imports does not grow the write-ahead log without end: past its limit, the log is copied and truncated before the next import writes', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const line = (i: number) => gdeltLine({ GLOBALEVENTID: String(i), SQLDATE: `2023${String(1 + (i % 12)).padStart(2, '0')}10`, Actor1Code: 'TUR', Actor1CountryCode: 'TUR', Actor2Code: 'AZE', Actor2CountryCode: 'AZE', EventCode: '061' })
  const big = join(dir, 'big.export.CSV')
  const small = join(dir, 'small.export.CSV')
  writeFileSync(big, Array.from({ length: 6000 }, (_, i) => line(i)).join('\n'))
  writeFileSync(small, Array.from({ length: 5 }, (_, i) => line(10_000 + i)).join('\n'))
  const path = join(dir, 'bounded.db')
  const logSize = () => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)
  // No background copy; every log is over the limit.
  const store = await SqliteStore.open(path, { checkpointAfterBytes: Infinity, logLimitBytes: 1 })
  try {
    await importFiles('gdelt', [big], kb, store, { analyse: false })
    const afterBig = logSize()
    await importFiles('gdelt', [small], kb, store, { analyse: false })
    assert.ok(afterBig > 1 << 20, `the large import left a log of ${afterBig} bytes`)
    assert.ok(logSize() < afterBig / 4, `after the small import the log holds ${logSize()} bytes, not the ${afterBig} of the one before`)
    assert.equal(await store.countEvents({ pair: ['TUR', 'AZE'] }), 6005)
  } finally {
    await store.close()
  }
})

test('after a large import, the write-ahead log is copied into the database file on a thread of its own; the data stays whole and closing leaves no log behind', { skip: !hasTable && 'no CAMEO→PLOVER table' }, async () => {
  const dir = tmp()
  const file = join(dir, 'wal.export.CSV')
  writeFileSync(file, Array.from({ length: 6000 }, (_, i) => gdeltLine({ GLOBALEVENTID: String(i), SQLDATE: `2024${String(1 + (i % 12)).padStart(2, '0')}15`, Actor1Code: 'RUS', Actor1CountryCode: 'RUS', Actor2Code: 'IRN', Actor2CountryCode: 'IRN', EventCode: '061' })).join('\n'))
  const path = join(dir, 'w.db')
  // Every log counts as large here (64 MB otherwise).
  const store = await SqliteStore.open(path, { checkpointAfterBytes: 1 })
  try {
    await importFiles('gdelt', [file], kb, store, { analyse: false })
    await store.idle()
    // The database file alone, without its log, holds the import.
    copyFileSync(path, join(dir, 'file-only.db'))
    const copy = await SqliteStore.open(join(dir, 'file-only.db'))
    try {
      assert.equal(await copy.countEvents({ pair: ['RUS', 'IRN'] }), 6000)
    } finally {
      await copy.close()
    }
  } finally {
    await store.close()
  }
  assert.equal(existsSync(`${path}-wal`), false, 'closing removes the log')
  const again = await SqliteStore.open(path)
  try {
    assert.equal(await again.countEvents({ pair: ['RUS', 'IRN'] }), 6000)
  } finally {
    await again.close()
  }
})
