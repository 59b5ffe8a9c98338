// The relation series answers the same questions as the reports, on stores too big to read report
// by report: the same counterparts and states, nearly the same scores, and evidence with sentences.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { kb } from './helpers.ts'
import { EXAMPLES_DIR } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { allies, graphAt, relation } from '../src/service/questions.ts'
import { relationParams } from '../src/service/relations.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { monthlySeries, pairHistory, scoreOn } from '../src/relations/pair.ts'
import type { Act } from '../src/relations/acts.ts'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { seriesQuery } from '../src/store/series.ts'
import { scratchDir } from './scratch-dir.ts'

/** Runs `fn` with the series threshold at 0, so that every question reads the series. */
async function viaSeries<T>(fn: () => Promise<T>): Promise<T> {
  const params = relationParams()
  const above = params.series.above
  params.series.above = 0
  try { return await fn() } finally { params.series.above = above }
}

test('allies, relation and the graph from the series agree with the reports on the example corpus', async () => {
  const store = await SqliteStore.open(join(scratchDir('entente-series-'), 's.db'))
  try {
    await ingestPaths([EXAMPLES_DIR], kb, store)
    const exact = await allies(store, kb, 'RUS', { at: '2025-06-30' })
    const fast = await viaSeries(() => allies(store, kb, 'RUS', { at: '2025-06-30' }))
    assert.deepEqual(fast.counterparts.map((c) => c.actor).sort(), exact.counterparts.map((c) => c.actor).sort())
    // The series places a month's acts on its latest day and does not merge two reports of one act
    // (a headline and its article's body count twice), so scores differ; their signs and states
    // mostly do not.
    const sameSign = exact.counterparts.filter((c) => Math.sign(fast.counterparts.find((x) => x.actor === c.actor)!.score) === Math.sign(c.score)).length
    const sameState = exact.counterparts.filter((c) => fast.counterparts.find((x) => x.actor === c.actor)!.state === c.state).length
    assert.ok(sameSign >= exact.counterparts.length * 0.9, `${sameSign} of ${exact.counterparts.length} signs agree`)
    assert.ok(sameState >= exact.counterparts.length * 0.7, `${sameState} of ${exact.counterparts.length} states agree`)
    for (const c of exact.counterparts) assert.ok(fast.counterparts.find((x) => x.actor === c.actor)!.acts >= c.acts, `${c.actor}: the series counts every report`)
    const pair = await viaSeries(() => relation(store, kb, 'RUS', 'PRK', { to: '2025-06-30' }))
    assert.ok(pair.evidence.length > 0)
    assert.ok(pair.evidence.every((e) => e.sentence.length > 0 && e.file.length > 0), 'evidence is read back for the series path')
    // A busy pair lists its latest acts, and says how many the period holds.
    assert.equal(pair.evidenceTotal, pair.evidence.length)
    const latest = await viaSeries(() => relation(store, kb, 'RUS', 'PRK', { to: '2025-06-30', evidence: 2 }))
    assert.equal(latest.evidenceTotal, pair.evidenceTotal)
    assert.deepEqual(latest.evidence.map((e) => e.id), pair.evidence.slice(-2).map((e) => e.id), 'the latest two, in day order')
    assert.ok(latest.evidence.every((e) => e.sentence.length > 0))
    assert.deepEqual(latest.series, pair.series, 'the score does not depend on what is listed')
    const graph = await viaSeries(() => graphAt(store, kb, { at: '2025-06-30' }))
    const exactGraph = await graphAt(store, kb, { at: '2025-06-30' })
    assert.deepEqual(graph.nodes, exactGraph.nodes)
  } finally {
    await store.close()
  }
})

test('a monthly series computed in one pass equals the score asked month by month', () => {
  const act = (day: string, type: string, n = 1): Act => ({ id: day + type, ids: [], source: 'RUS', target: 'PRK', type, mode: 'diplomatic', modality: 'asserted', confidence: 0.8, day, stated: true, outlets: ['a'], quantity: null, hosted: false, count: n })
  const acts = [act('2023-01-10', 'SUPPORT'), act('2023-03-31', 'AID', 3), act('2023-03-31', 'ACCUSE'), act('2024-02-29', 'COOPERATE', 2), act('2024-11-01', 'ASSAULT')]
  const h = pairHistory('RUS', 'PRK', acts, kb.blocs)
  const p = relationParams()
  const series = monthlySeries(h, '2022-12', '2025-01', p)
  assert.equal(series.length, 26)
  for (const point of series) {
    const [y, m] = point.month.split('-').map(Number) as [number, number]
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
    assert.equal(point.score, Math.round(scoreOn(h, end, p) * 100) / 100, point.month)
  }
  assert.equal(series[0]!.state, 'neutral', 'no acts yet')
})

test("an actor's series is read from both sides, in month order, from the indexes kept for it; a pair's from the series' key", async () => {
  const store = await SqliteStore.open(join(scratchDir('entente-series-plan-'), 's.db'))
  try {
    const group = (source: string, target: string, month: string) => sql`(${source}, ${target}, ${month}, 'SUPPORT', 'diplomatic', 'asserted', 0, 2, 1.6, 2, ${`${month}-20`}, null, 0.8)`
    await sql`insert into pair_months (source, target, month, type, mode, modality, hosted, acts, strength, stated, last_day, best_event, best_confidence) values
      ${sql.join([group('ARM', 'RUS', '2024-02'), group('RUS', 'ARM', '2024-01'), group('AZE', 'ARM', '2024-01'), group('TUR', 'AZE', '2024-03')])}`.execute(store.db)
    const rows = await store.series({ actor: 'ARM' })
    assert.deepEqual(rows.map((r) => `${r.month} ${r.source}>${r.target}`), ['2024-01 AZE>ARM', '2024-01 RUS>ARM', '2024-02 ARM>RUS'])
    assert.deepEqual((await store.series({ actor: 'ARM', from: '2024-02', to: '2024-02' })).map((r) => r.source), ['ARM'])
    // A question on a day inside a month reads only the groups placed on or before it (their latest day).
    assert.deepEqual((await store.series({ actor: 'ARM', from: '2024-01', to: '2024-01', lastDayTo: '2024-01-19' })).length, 0)
    assert.equal((await store.series({ actor: 'ARM', from: '2024-01', to: '2024-01', lastDayTo: '2024-01-20' })).length, 2)
    assert.equal(rows[0]!.acts, 2)
    // The plans SQLite chooses (it keeps no statistics, so a big store gets the same ones).
    const conn = new SQLite(store.location, { readonly: true })
    const plan = (f: Parameters<typeof seriesQuery>[1]) => {
      const q = seriesQuery(store.db, f).compile()
      return (conn.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n')
    }
    const actorPlan = plan({ actor: 'ARM', from: '2024-01', to: '2024-01', lastDayTo: '2024-01-14' })
    assert.match(actorPlan, /COVERING INDEX pair_months_source_cover \(source=\? AND month/)
    assert.match(actorPlan, /COVERING INDEX pair_months_target_cover \(target=\? AND month/)
    // A pair's rows seek both its orders in the key; the actor indexes would read every month of one side.
    const pairPlan = plan({ pair: ['ARM', 'RUS'] })
    assert.match(pairPlan, /sqlite_autoindex_pair_months_1 \(source=\? AND target=\?\)/)
    assert.doesNotMatch(pairPlan, /cover/)
    conn.close()
  } finally {
    await store.close()
  }
})

test("a pair's latest state is found in the states' key, the page its row is read from", async () => {
  const store = await SqliteStore.open(join(scratchDir('entente-states-plan-'), 's.db'))
  try {
    const conn = new SQLite(store.location, { readonly: true })
    // Only the key: every read of states names both sides of the pair.
    assert.deepEqual((conn.pragma("index_list('pair_states')") as { name: string }[]).map((i) => i.name), ['sqlite_autoindex_pair_states_1'])
    const plan = (conn.prepare(`explain query plan select s.* from pairs p cross join pair_states s where (p.a = ? or p.b = ?) and s.a = p.a and s.b = p.b
      and s.month = (select max(t.month) from pair_states t where t.a = p.a and t.b = p.b and t.month < ?)`).all('RUS', 'RUS', '2024-07') as { detail: string }[]).map((r) => r.detail)
    assert.ok(plan.every((d) => !/pair_states/.test(d) || /sqlite_autoindex_pair_states_1/.test(d)), plan.join('\n'))
    conn.close()
  } finally {
    await store.close()
  }
})
