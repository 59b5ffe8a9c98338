import { addMonths, monthEnd } from '../relations/dates.ts'
import { edgeOf, type GraphEdge } from '../relations/graph.ts'
import { pairKey, snapshot, type SnapshotBase } from '../relations/pair.ts'
import type { RelationParams } from '../relations/params.ts'
import type { StandingFact } from '../relations/standing.ts'
import { EDGES_FINAL, type PairEdgeRecord } from '../store/pair-states.ts'

// Graph edges per month: what a graph on a month's last day draws for a pair, stored with the pair
// states so that the graph reads one month's rows instead of every pair's latest state. They are
// the snapshots `graphFromStates` would take on those days, computed when the pair's states are.

/** Acts a graph edge lists as evidence. */
export const EDGE_EVIDENCE = 3

/** How many months a pair stays in the graph after its latest act (the series' look-back). */
export const lookbackMonths = (p: RelationParams) => Math.ceil(p.series.lookbackHalfLives * p.halfLifeMonths)

/**
 * A pair's edges (a < b) at the end of each month from `from` (its first state's month if not given)
 * through `through`, from its states in month order and its standing facts, while its latest state
 * lies within the look-back; and the month through which its edges then reach (EDGES_FINAL when no
 * later month draws it).
 */
export function edgesOf(a: string, b: string, states: SnapshotBase[], facts: StandingFact[], through: string, p: RelationParams, from?: string): { edges: PairEdgeRecord[]; edgesTo: string } {
  const last = states.at(-1)
  if (!last) return { edges: [], edgesTo: EDGES_FINAL }
  const lookback = lookbackMonths(p)
  const end = addMonths(last.month, lookback)
  const to = end <= through ? end : through
  const history = { a, b, acts: [], facts }
  const edges: PairEdgeRecord[] = []
  let k = -1
  for (let month = from ?? states[0]!.month; month <= to; month = addMonths(month, 1)) {
    while (k + 1 < states.length && states[k + 1]!.month <= month) k++
    const base = states[k]
    if (!base || base.month < addMonths(month, -lookback)) continue
    const edge = edgeOf(a, b, snapshot(history, monthEnd(month), p, EDGE_EVIDENCE, base))
    if (edge) edges.push(edgeRecord(month, edge))
  }
  return { edges, edgesTo: end <= through ? EDGES_FINAL : through }
}

/**
 * An edge as stored: the graph's own JSON, so that a month of tens of thousands of edges, joined by
 * the engine, becomes the graph's edges in one `JSON.parse` before the month is kept as columns
 * (src/relations/edge-columns.ts).
 */
function edgeRecord(month: string, e: GraphEdge): PairEdgeRecord {
  return { month, pair: pairKey(e.source, e.target), edge: JSON.stringify(e) }
}
