import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXAMPLES_DIR, ROOT, openStore } from '../src/service/context.ts'
import type { Kysely } from 'kysely'
import type { Database } from '../src/store/tables.ts'
import { scratchDir } from './scratch-dir.ts'

const dir = scratchDir('entente-cli-')
const db = join(dir, 'cli.db')
const env = { ...process.env, NO_COLOR: '1', ENTENTE_DB: db }
const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), ...args], { env, encoding: 'utf8' })

before(() => {
  execFileSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'ingest', EXAMPLES_DIR], { env, encoding: 'utf8' })
})

test('events --format jsonl gives one object per event with its evidence', () => {
  const r = run('events', '--format', 'jsonl')
  assert.equal(r.status, 0, r.stderr)
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
  assert.ok(rows.length >= 20, `only ${rows.length} events from the example corpus`)
  for (const e of rows) {
    for (const k of ['id', 'file', 'source', 'target', 'type', 'mode', 'polarity', 'modality', 'date', 'sentence', 'start', 'end', 'rule', 'confidence']) assert.ok(k in e, k)
    assert.ok(e.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date), e.date)
    assert.ok(e.start >= 0 && e.end <= e.sentence.length && e.start < e.end)
  }
})

test('events filter by pair, type and dates', () => {
  const rows = JSON.parse(run('events', '--pair', 'PRK,RUS', '--json').stdout) as { source: string; target: string }[]
  assert.ok(rows.length > 0)
  for (const e of rows) assert.deepEqual([e.source, e.target].sort(), ['PRK', 'RUS'])
  const aid = JSON.parse(run('events', '--type', 'AID', '--from', '2022', '--to', '2024-12', '--json').stdout) as { type: string; date: string | null }[]
  for (const e of aid) assert.ok(e.type === 'AID' && e.date !== null && e.date >= '2022' && e.date <= '2024-12~')
})

test('events carry a cluster and its sources; --unique shows one row per cluster', () => {
  const all = JSON.parse(run('events', '--json').stdout) as { cluster: string; sources: number }[]
  const unique = JSON.parse(run('events', '--unique', '--json').stdout) as { cluster: string }[]
  assert.ok(all.every((e) => e.cluster && e.sources >= 1))
  assert.equal(unique.length, new Set(all.map((e) => e.cluster)).size)
  assert.equal(new Set(unique.map((e) => e.cluster)).size, unique.length)
})

test('ingesting the same corpus again changes nothing', () => {
  const r = run('ingest', EXAMPLES_DIR, '--json')
  const s = JSON.parse(r.stdout)
  assert.equal(s.documents.new, 0)
  assert.ok(s.documents.unchanged >= 11)
})

test('reanalyse makes anew what older rules made, and says when there is nothing to do', async () => {
  const before = JSON.parse(run('events', '--json').stdout) as { id: string; type: string }[]
  const store = await openStore(db)
  try {
    await (store as unknown as { db: Kysely<Database> }).db.updateTable('documents').set({ analysis: 'older' }).where('file', 'like', '0%').execute()
  } finally {
    await store.close()
  }
  const r = run('reanalyse', '--json')
  assert.equal(r.status, 0, r.stderr)
  const s = JSON.parse(r.stdout)
  assert.ok(s.outdated >= 2 && s.reanalysed === s.outdated && s.failed === 0, r.stdout)
  assert.deepEqual(JSON.parse(run('events', '--json').stdout), before, 'the same rules make the same events')
  const again = run('reanalyse')
  assert.equal(again.status, 0)
  assert.match(again.stdout, /nothing to do/)
})

test('stats --json reports counts and the dates covered', () => {
  const s = JSON.parse(run('stats', '--json').stdout)
  assert.ok(s.documents >= 11 && s.events > 0 && s.mentions > s.events && s.actors > 5)
  assert.match(s.dateRange.from, /^\d{4}/)
})

test('doc shows the text with its annotations', () => {
  const r = run('doc', '01-nordkorea-truppen.txt')
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /\]\{PRK\}/)
  assert.ok(!r.stdout.includes('\u001b['), 'no colour codes with NO_COLOR')
})

test('no colour when the output is not a terminal, even in CI', () => {
  const { NO_COLOR: _n, ...rest } = env
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'start', '--once', '--port', '0'], { env: { ...rest, CI: 'true' }, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  assert.ok(!r.stdout.includes('\u001b['), 'escape codes in piped output')
  // start serves the web app and the API, on 127.0.0.1 unless told otherwise
  assert.match(r.stdout, /Entente is running at http:\/\/127\.0\.0\.1:\d+/)
  assert.match(r.stdout, /health 200, web app 200/)
})

test('bad input gives a clear error and a non-zero exit', () => {
  const bad = join(dir, 'bin.txt')
  writeFileSync(bad, Buffer.from([0, 0, 0, 1]))
  const r = run('ingest', bad)
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /bin\.txt: binary/)
  assert.notEqual(run('events', '--from', '2024-13').status, 0)
  assert.match(run('doc', 'no-such-file.txt').stderr, /no document/)
})

test('explain shows the spans, rules, time expression and anchor of an event', () => {
  const rows = JSON.parse(run('events', '--pair', 'PRK,RUS', '--type', 'SUPPORT', '--json').stdout) as { id: string }[]
  assert.ok(rows.length > 0)
  const x = JSON.parse(run('explain', rows[0]!.id, '--json').stdout)
  assert.match(x.trigger.rule, /^de\.support\./)
  assert.ok(x.source.text && x.target.text && x.source.rule && x.target.rule)
  assert.ok(x.steps.some((s: string) => s.startsWith('source:')))
  assert.equal(x.time.anchor, x.document.date)
  assert.equal(x.time.mode, 'news')
  assert.match(run('explain', 'no-such-event').stderr, /no event/)
})

test('times picks news or narrative mode per document, and --mode forces one', () => {
  const file = join(dir, 'history.txt')
  writeFileSync(file, 'Der Krieg begann im August 1914. Im Herbst 1915 trat Bulgarien an die Seite der Mittelmächte. Im Juli griffen die Alliierten an. 1917 kamen die USA dazu, im November 1918 endeten die Kämpfe, 1919 folgte der Frieden.\n')
  const values = (...extra: string[]) => run('times', file, '--date', '2024-05-01', '--format', 'jsonl', ...extra).stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; value: string })
  assert.equal(values().find((t) => t.text === 'Juli')?.value, '1915-07')
  assert.notEqual(values('--mode', 'news').find((t) => t.text === 'Juli')?.value, '1915-07')
  assert.match(run('times', file, '--date', '2024-05-01').stdout, /^narrative mode/)
  assert.match(run('times', file, '--mode', 'future').stderr, /--mode must be auto, news or narrative/)
})

test('every command has --help', () => {
  for (const cmd of ['start', 'ingest', 'events', 'doc', 'stats', 'times', 'eval', 'explain']) {
    const r = run(cmd, '--help')
    assert.equal(r.status, 0)
    assert.match(r.stdout, /Usage: entente/)
  }
})

test('allies, relation, changes and blocs answer on the example corpus, in the terminal and as JSON', () => {
  const allies = run('allies', 'RUS')
  assert.equal(allies.status, 0, allies.stderr)
  assert.match(allies.stdout, /Russian Federation \(RUS\) at \d{4}-\d{2}-\d{2}/)
  assert.match(allies.stdout, /state\s+score\s+trend\s+since/)
  const list = JSON.parse(run('allies', 'RUS', '--json').stdout) as { actor: string; state: string }[]
  assert.ok(list.length > 0 && list.every((c) => ['allied', 'aligned', 'neutral', 'strained', 'hostile'].includes(c.state)))
  const pair = list[0]!.actor
  const rel = run('relation', 'RUS', pair)
  assert.equal(rel.status, 0, rel.stderr)
  assert.match(rel.stdout, /evidence/)
  assert.match(rel.stdout, /┤|┼/, 'a small chart of the monthly score')
  const relJson = JSON.parse(run('relation', 'RUS', pair, '--json').stdout) as { series: unknown[]; evidence: { sentence: string }[] }
  assert.ok(relJson.series.length > 0 && relJson.evidence.every((e) => e.sentence.length > 0))
  assert.ok(relJson.evidence.length > 1)
  assert.match(run('relation', 'RUS', pair, '--evidence', '1').stdout, new RegExp(`evidence \\(the latest 1 of ${relJson.evidence.length} acts`))
  assert.match(run('relation', 'RUS', pair, '--evidence', 'viele').stderr, /"viele" is not a whole number/)
  assert.equal(run('changes', 'RUS', '--from', '2015', '--to', '2025').status, 0)
  assert.equal(run('blocs', '--json').status, 0)
  // a bad date or duration is named
  const bad = run('allies', 'RUS', '--window', 'lange')
  assert.notEqual(bad.status, 0)
  assert.match(bad.stderr, /"lange" is not a duration/)
})

test('export graph writes GraphML, GEXF or JSON, and export events writes CSV or JSON lines', () => {
  const graphml = run('export', 'graph', '--format', 'graphml')
  assert.equal(graphml.status, 0, graphml.stderr)
  assert.match(graphml.stdout, /^<\?xml[^]*<graphml[^]*<edge /)
  assert.match(run('export', 'graph', '--format', 'gexf').stdout, /<gexf[^]*<edges>/)
  const json = JSON.parse(run('export', 'graph', '--format', 'json', '--min', '0.5').stdout) as { edges: { score: number }[] }
  assert.ok(json.edges.every((e) => Math.abs(e.score) >= 0.5))
  const out = join(dir, 'graph.gexf')
  assert.equal(run('export', 'graph', '--format', 'gexf', '--out', out).status, 0)
  const csv = run('export', 'events', '--format', 'csv').stdout.split('\n')
  assert.match(csv[0]!, /^id,file,source,target,type/)
  const lines = run('export', 'events', '--format', 'jsonl').stdout.trim().split('\n')
  assert.equal(lines.length, csv.filter((l) => /^[0-9a-f]{16}-\d+,/.test(l)).length)
  assert.match(run('export', 'graph', '--format', 'dot').stderr, /unknown format "dot"/)
})

test('delete removes a document and its events; ingesting the file again brings it back', () => {
  const before = JSON.parse(run('stats', '--json').stdout) as { documents: number; events: number }
  const removed = run('delete', '01-nordkorea-truppen.txt')
  assert.equal(removed.status, 0, removed.stderr)
  assert.match(removed.stdout, /^deleted 01-nordkorea-truppen\.txt \(\w+\): \d+ event\(s\)/)
  const after = JSON.parse(run('stats', '--json').stdout) as { documents: number; events: number }
  assert.equal(after.documents, before.documents - 1)
  assert.ok(after.events < before.events)
  assert.equal(JSON.parse(run('events', '--format', 'json').stdout).filter((e: { file: string }) => e.file === '01-nordkorea-truppen.txt').length, 0)
  const again = run('delete', '01-nordkorea-truppen.txt')
  assert.equal(again.status, 1)
  assert.match(again.stderr, /no document "01-nordkorea-truppen\.txt"/)
  assert.equal(run('ingest', join(EXAMPLES_DIR, '01-nordkorea-truppen.txt')).status, 0)
  const restored = JSON.parse(run('stats', '--json').stdout) as { documents: number; events: number }
  assert.deepEqual([restored.documents, restored.events], [before.documents, before.events])
})
