// Graph edges per month (src/service/pair-edges.ts): what a graph on a month's last day draws for a
// pair, from its states, for as long as the graph's look-back keeps it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { edgesOf, lookbackMonths } from '../src/service/pair-edges.ts'
import { EdgeColumns } from '../src/relations/edge-columns.ts'
import type { GraphEdge } from '../src/relations/graph.ts'
import { relationParams } from '../src/service/relations.ts'
import { addMonths } from '../src/relations/dates.ts'
import { EDGES_FINAL } from '../src/store/pair-states.ts'
import type { SnapshotBase } from '../src/relations/pair.ts'

const p = relationParams()
const lookback = lookbackMonths(p)

/** A pair that cooperated a lot in one month: its state at that month's end. */
const state = (month: string, ab: number): SnapshotBase => ({
  month, ab, ba: ab, dimensions: { military: 0, diplomatic: 2 * ab, economic: 0 }, acts: 8, firm: 8,
  evidence: [{ id: `doc-${month}-1`, value: ab }, { id: `doc-${month}-2`, value: ab / 2 }], flows: [],
})

test('a pair is drawn every month from its first state until the look-back after its latest, not in a longer gap', () => {
  const first = state('2016-01', 3)
  const later = state(addMonths('2016-01', lookback + 20), 2)
  const { edges, edgesTo } = edgesOf('ARM', 'RUS', [first, later], [], '2045-12', p)
  const months = edges.map((e) => e.month)
  assert.equal(months[0], '2016-01')
  assert.ok(months.includes(addMonths('2016-01', lookback)), 'drawn for the whole look-back')
  assert.ok(!months.includes(addMonths('2016-01', lookback + 1)), 'not drawn once its latest state is older than the look-back')
  assert.ok(months.includes(later.month))
  assert.equal(months.at(-1), addMonths(later.month, lookback))
  assert.equal(edges.length, 2 * (lookback + 1))
  assert.equal(edgesTo, EDGES_FINAL, 'no later month draws the pair')
})

test('edges reach no further than the news, and say how far they reach', () => {
  const { edges, edgesTo } = edgesOf('ARM', 'RUS', [state('2024-03', 3)], [], '2024-08', p)
  assert.deepEqual(edges.map((e) => e.month), ['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'])
  assert.equal(edgesTo, '2024-08')
  // Extending them later starts after the month they reached.
  const more = edgesOf('ARM', 'RUS', [state('2024-03', 3)], [], '2024-10', p, '2024-09')
  assert.deepEqual(more.edges.map((e) => e.month), ['2024-09', '2024-10'])
})

test('a stored edge reads back as the graph shows it: its score decays month by month, its evidence stays', () => {
  const { edges } = edgesOf('ARM', 'RUS', [state('2024-03', 3)], [], '2026-03', p)
  // As a graph reads them: the month's rows joined, kept as columns, read back.
  const read = EdgeColumns.decode(EdgeColumns.encode(JSON.parse(`[${edges.map((e) => e.edge).join(',')}]`) as GraphEdge[])).edges
  assert.equal(read[0]!.source, 'ARM')
  assert.equal(read[0]!.target, 'RUS')
  assert.equal(read[0]!.acts, 8)
  assert.deepEqual(read[0]!.evidence, ['doc-2024-03-1', 'doc-2024-03-2'])
  assert.ok(read[0]!.score > read[12]!.score && read[12]!.score > read[24]!.score && read[24]!.score > 0, 'a year later the tie weighs less')
  assert.ok(Math.abs(read[12]!.score / read[0]!.score - 0.5) < 0.02, 'half after one half-life')
})
