import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Act } from '../relations/acts.ts'
import { blocMatesOf, type Counterpart } from '../relations/allies.ts'
import { addMonths, monthEnd } from '../relations/dates.ts'
import { blocPairsOn, edgeOf, graphOf, type GraphEdge, type RelationGraph } from '../relations/graph.ts'
import type { RelationParams } from '../relations/params.ts'
import { firstDay, indexActs, pairKey, sinceOf, snapshot, type PairHistory } from '../relations/pair.ts'
import { carryState, trendOfRecent, trendOfStates, type PairState } from '../relations/pair-state.ts'
import { blocFacts, blocIndex, type StandingFact } from '../relations/standing.ts'
import type { Bloc } from '../kb/schema.ts'
import type { PairRecord, PairStateRecord } from '../store/pair-states.ts'
import type { SeriesRow, Store } from '../store/store.ts'
import { actsFromSeries, membershipRetreats, seriesKey } from './relations.ts'
import { EDGE_EVIDENCE, lookbackMonths } from './pair-edges.ts'
import { EdgeColumns } from '../relations/edge-columns.ts'

// Questions answered from the stored pair states (src/relations/pair-state.ts): for each pair, its
// latest state before the month asked about, carried to the day, plus the acts of that month from
// the series. The answers are those the series would give, reading one row per pair.

/** The earlier of two days, either of which may be missing. */
const earliest = (u: string | null | undefined, v: string | null | undefined): string | null => (!u ? v || null : !v || u < v ? u : v)

/**
 * A stored state seen from one side. Evidence and flows are parsed when first read: a state read
 * for its trend alone (the month's latest, asked about inside the month) never needs them, and they
 * are most of its JSON. The getters are the class's, not each object's: an object literal with its
 * own getters gets a hidden class of its own in the old generation, which kept every row it was
 * read from alive through young-generation collections (at ten million events each collection
 * during `allies` copied 15 MB and paused it 16 ms; now 2–4 ms, promoting under 2%).
 */
class StoredState implements PairState {
  readonly month: string
  readonly ab: number
  readonly ba: number
  readonly dimensions: PairState['dimensions']
  readonly acts: number
  readonly firm: number
  readonly state: PairState['state']
  readonly since: string
  readonly recent: number[]
  #evidence: PairState['evidence'] | undefined
  #flows: PairState['flows'] | undefined

  constructor(private readonly row: PairStateRecord, a: string, withRecent: boolean) {
    const flip = row.a !== a
    this.month = row.month
    this.ab = flip ? row.ba : row.ab
    this.ba = flip ? row.ab : row.ba
    this.dimensions = { military: row.military, diplomatic: row.diplomatic, economic: row.economic }
    this.acts = row.acts
    this.firm = row.firm
    this.state = row.state as PairState['state']
    this.since = row.since
    this.recent = withRecent ? JSON.parse(row.recent) : []
  }

  get evidence(): PairState['evidence'] { return (this.#evidence ??= JSON.parse(this.row.evidence) as PairState['evidence']) }
  get flows(): PairState['flows'] { return (this.#flows ??= JSON.parse(this.row.flows) as PairState['flows']) }
}

/** A stored state seen from `a`: directed values and undirected facts turned round when a is the stored b. */
export function stateFrom(r: PairStateRecord, a: string, withRecent = false): PairState {
  return new StoredState(r, a, withRecent)
}

export function factsFrom(p: PairRecord | undefined, a: string): StandingFact[] {
  // Most pairs have none: no parse for them.
  const facts = p && p.facts !== '[]' ? (JSON.parse(p.facts) as StandingFact[]) : []
  return facts.map((f) => (f.directed || f.a === a ? f : { ...f, a: f.b, b: f.a }))
}

function byPair<T extends { a: string; b: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const k = pairKey(r.a, r.b)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/** A pair as the questions see it: the acts given (those after its stored state), its bloc facts on any day and its facts from the news. */
function historyOf(a: string, b: string, acts: Act[], pair: PairRecord | undefined, retreats: Act[], shared: (a: string, b: string) => Bloc[]): PairHistory {
  return { a, b, acts, facts: pairFacts(a, b, factsFrom(pair, a), retreats, shared) }
}

/** A pair's standing facts: the blocs both belong to (ended by membership retreats), then its own from the news. */
export function pairFacts(a: string, b: string, own: StandingFact[], retreats: Act[], shared: (a: string, b: string) => Bloc[]): StandingFact[] {
  return [...blocFacts(shared(a, b), a, b, retreats), ...own]
}

/** Total acts behind the states read: questions on small stores keep reading the reports. */
const actsOf = (rows: PairStateRecord[], current: Act[]) => rows.reduce((n, r) => n + r.acts, 0) + current.length

/**
 * What a question on `day` reads: each pair's latest state up to the day's month, and, when the day
 * is not the month's last, its latest state before that month and the month's acts from the series.
 * At a month's end the latest state is the pair on the day.
 */
async function statesOn(store: Store, kb: KnowledgeBase, day: string, o: { actor?: string; light?: boolean; upTo?: boolean; rows?: () => Promise<SeriesRow[]> }) {
  const month = day.slice(0, 7)
  const actor = o.actor ? { actor: o.actor } : {}
  const light = o.light ?? false
  if (day === monthEnd(month)) {
    const upTo = await store.pairStates({ ...actor, before: addMonths(month, 1), light })
    return { upTo, base: upTo, current: [] as Act[] }
  }
  const upTo: PairStateRecord[] = []
  const base: PairStateRecord[] = []
  if (!o.upTo) base.push(...(await store.pairStates({ ...actor, before: month, light })))
  else {
    // Both from one read: each pair's two latest states up to the month; the latest before it is
    // the second of them when the first is of the month itself. That one is read only for its
    // trend and start: the day's snapshot counts the month's acts up to the day again.
    for (const rows of byPair(await store.pairStates({ ...actor, before: addMonths(month, 1), last: 2, trendFrom: month, light })).values()) {
      const latest = rows.at(-1)!
      upTo.push(latest)
      const before = latest.month < month ? latest : rows.at(-2)
      if (before) base.push(before)
    }
  }
  return { upTo, base, current: actsFromSeries(o.rows ? await o.rows() : [], kb).acts }
}

/**
 * Every counterpart of an actor on a day, as `alliesOf` ranks them; null when the actor has no
 * more than `series.above` acts (its reports answer better: clusters, outlets, quantities).
 */
export async function alliesFromStates(store: Store, kb: KnowledgeBase, actor: string, at: string | undefined, windowMonths: number, p: RelationParams): Promise<{ at: string; counterparts: Counterpart[] } | null> {
  const pairs = await store.pairs(actor)
  if (pairs.reduce((n, r) => n + r.acts, 0) <= p.series.above) return null
  const led = kb.blocs.filter((b) => b.led_by === actor).map((b) => b.org)
  // The actor's rows of a month and its blocs' (a row between the two is read once).
  const monthRows = async (month: string, lastDayTo?: string) => {
    const rows = new Map<string, SeriesRow>()
    for (const id of [actor, ...led]) for (const r of await store.series({ actor: id, from: month, to: month, lastDayTo })) rows.set(seriesKey(r), r)
    return [...rows.values()]
  }
  const mine = (x: Act) => x.source === actor || x.target === actor
  // Without a date, the actor's latest act (the news horizon).
  const lastMonth = pairs.reduce((m, r) => (r.lastMonth > m ? r.lastMonth : m), '')
  const day = at ?? actsFromSeries(await monthRows(lastMonth), kb).acts.filter(mine).reduce((d, x) => (x.day > d ? x.day : d), '')
  if (!day) return null
  const month = day.slice(0, 7)
  const { upTo, base, current: all } = await statesOn(store, kb, day, { actor, upTo: true, rows: () => monthRows(month, day) })
  const current = all.filter(mine)
  const from = addMonths(month, -(Math.max(2, Math.round(windowMonths)) - 1))
  const retreats = await membershipRetreats(store, kb)
  const shared = blocIndex(kb.blocs)
  const baseOf = new Map(base.map((r) => [pairKey(r.a, r.b), r]))
  const upToOf = new Map(upTo.map((r) => [pairKey(r.a, r.b), r]))
  const pairOf = new Map(pairs.map((r) => [pairKey(r.a, r.b), r]))
  const currentOf = indexActs(current).byPair
  const others = new Set<string>()
  for (const r of base) others.add(r.a === actor ? r.b : r.a)
  for (const x of current) if (x.day <= day) others.add(x.source === actor ? x.target : x.source)
  for (const m of blocMatesOf(actor, kb.blocs, day)) others.add(m)
  let windowOf: Map<string, PairStateRecord[]> | undefined
  const out: Counterpart[] = []
  for (const other of [...others].sort()) {
    const k = pairKey(actor, other)
    // At a month's end the base is the latest state: its JSON is read once.
    const latest = upToOf.get(k)
    const state = latest ? stateFrom(latest, actor, true) : undefined
    const baseRow = baseOf.get(k)
    const history = historyOf(actor, other, currentOf.get(k) ?? [], pairOf.get(k), retreats, shared)
    const snap = snapshot(history, day, p, 5, baseRow === latest ? state : baseRow && stateFrom(baseRow, actor))
    if (snap.acts === 0 && snap.standing.length === 0) continue
    let trend = trendOfRecent(state, history.facts, from, month, p)
    if (!trend) {
      // A window longer than the states keep: read the states of the window.
      windowOf ??= byPair([...(await store.pairStates({ actor, before: from, light: true })), ...(await store.pairStates({ actor, from, to: month, light: true }))])
      trend = trendOfStates(windowOf.get(k) ?? [], history.facts, from, month, p)
    }
    const first = earliest(pairOf.get(k)?.firstDay, firstDay(history))
    const since = !first || first > day ? null
      : state ? (state.month === month ? state.since : carryState(state, history.facts, month, p).since)
      : sinceOf(history, day, p)
    out.push({ actor: other, ...snap, ...trend, since })
  }
  return { at: day, counterparts: out.sort((u, v) => v.score - u.score || u.actor.localeCompare(v.actor)) }
}

/**
 * The relations on a day, as `relationGraph` draws them from the series: pairs with acts in the
 * months the series path reads (`series.lookbackHalfLives`) or a bloc in common; null on small stores.
 */
export async function graphFromStates(store: Store, kb: KnowledgeBase, at: string | undefined, p: RelationParams, min = 0): Promise<RelationGraph | null> {
  const month = at?.slice(0, 7) ?? (await store.seriesHorizon())
  if (!month) return null
  // Without a date, the latest act (the news horizon).
  const day = at ?? actsFromSeries(await store.series({ from: month, to: month }), kb).acts.reduce((d, x) => (x.day > d ? x.day : d), '')
  if (!day) return null
  if (day === monthEnd(month)) {
    const stored = await graphFromEdges(store, kb, day, p, min)
    if (stored) return stored
  }
  const lookback = addMonths(month, -lookbackMonths(p))
  // Graphs show no flows: their JSON is not read.
  const { base: before, current } = await statesOn(store, kb, day, { light: true, rows: () => store.series({ from: month, to: month }) })
  if (actsOf(before, current) <= p.series.above) return null
  const pairs = await store.pairs()
  const retreats = await membershipRetreats(store, kb)
  const shared = blocIndex(kb.blocs)
  const baseOf = new Map(before.map((r) => [pairKey(r.a, r.b), r]))
  const pairOf = new Map(pairs.map((r) => [pairKey(r.a, r.b), r]))
  const currentOf = indexActs(current).byPair
  const keys = new Set<string>()
  for (const r of before) if (r.month >= lookback) keys.add(pairKey(r.a, r.b))
  for (const x of current) if (x.day <= day && x.source !== x.target) keys.add(pairKey(x.source, x.target))
  for (const [a, b] of blocPairsOn(kb.blocs, day)) if (a !== b) keys.add(pairKey(a, b))
  const drawn = [...keys].sort().map((k) => k.split('|') as [string, string])
  return graphOf(drawn, (a, b) => {
    const k = pairKey(a, b)
    const row = baseOf.get(k)
    return snapshot(historyOf(a, b, currentOf.get(k) ?? [], pairOf.get(k), retreats, shared), day, p, 3, row && stateFrom(row, a))
  }, day, min)
}

/**
 * The graph on a month's last day from the edges stored for that month (src/service/pair-edges.ts),
 * and the pairs of a bloc in common that have none (no acts within the look-back); null when the
 * edges do not reach the month, or on small stores.
 */
async function graphFromEdges(store: Store, kb: KnowledgeBase, day: string, p: RelationParams, min: number): Promise<RelationGraph | null> {
  const text = await store.monthEdges(day.slice(0, 7))
  if (!text) return null
  const { edges: stored, acts, nodes: drawn } = EdgeColumns.decode(text)
  if (acts <= p.series.above) return null
  const missing = new Map<string, [string, string]>()
  for (const [a, b] of blocPairsOn(kb.blocs, day)) if (a !== b && !hasEdge(stored, pairKey(a, b))) missing.set(pairKey(a, b), a < b ? [a, b] : [b, a])
  const bloc = missing.size ? await blocEdges(store, kb, [...missing.values()], day, p) : []
  const all = bloc.length ? insertInOrder(stored, bloc) : stored
  const edges = min > 0 ? all.filter((e) => Math.abs(e.score) >= min) : all
  // Every actor of the stored edges is drawn unless edges were left out.
  const nodes = new Set<string>(min > 0 ? [] : drawn)
  for (const e of min > 0 ? edges : bloc) nodes.add(e.source).add(e.target)
  return { at: day, nodes: [...nodes].sort(), edges }
}

/** Where an edge of this key is, or would go, among edges in pair order (by `pairKey`, as the store keeps them). */
function positionOf(edges: GraphEdge[], key: string): number {
  let lo = 0
  let hi = edges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pairKey(edges[mid]!.source, edges[mid]!.target) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Whether edges in pair order hold one for this key: a binary search, so that a graph of tens of
 * thousands of edges builds a key for a few of them only.
 */
function hasEdge(edges: GraphEdge[], key: string): boolean {
  const at = positionOf(edges, key)
  return at < edges.length && pairKey(edges[at]!.source, edges[at]!.target) === key
}

/** Edges in pair order with a few more put in their places (no key built for the others). */
function insertInOrder(edges: GraphEdge[], more: GraphEdge[]): GraphEdge[] {
  const keyed = more.map((e) => ({ key: pairKey(e.source, e.target), e })).sort((u, v) => (u.key < v.key ? -1 : 1))
  const out: GraphEdge[] = []
  let from = 0
  for (const { key, e } of keyed) {
    const at = positionOf(edges, key)
    for (let i = from; i < at; i++) out.push(edges[i]!)
    out.push(e)
    from = at
  }
  for (let i = from; i < edges.length; i++) out.push(edges[i]!)
  return out
}

/** The edges of bloc pairs without stored ones on the day: from their latest states, if any. */
async function blocEdges(store: Store, kb: KnowledgeBase, pairs: [string, string][], day: string, p: RelationParams): Promise<GraphEdge[]> {
  const known = await store.pairs(pairs)
  const states = known.length ? await store.pairStates({ pairs: known.map((r) => [r.a, r.b]), before: addMonths(day.slice(0, 7), 1), light: true }) : []
  const pairOf = new Map(known.map((r) => [pairKey(r.a, r.b), r]))
  const stateOf = new Map(states.map((r) => [pairKey(r.a, r.b), r]))
  const retreats = await membershipRetreats(store, kb)
  const shared = blocIndex(kb.blocs)
  return pairs.flatMap(([a, b]) => {
    const k = pairKey(a, b)
    const row = stateOf.get(k)
    const edge = edgeOf(a, b, snapshot(historyOf(a, b, [], pairOf.get(k), retreats, shared), day, p, EDGE_EVIDENCE, row && stateFrom(row, a)))
    return edge ? [edge] : []
  })
}
