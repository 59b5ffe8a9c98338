import { createHash } from 'node:crypto'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Act } from '../relations/acts.ts'
import type { RelationParams } from '../relations/params.ts'
import { firstDay, pairHistory, pairKey } from '../relations/pair.ts'
import { statesOf, type PairState } from '../relations/pair-state.ts'
import { addMonths } from '../relations/dates.ts'
import { blocIndex, eventFacts, type StandingFact } from '../relations/standing.ts'
import type { Bloc } from '../kb/schema.ts'
import type { PairEdgeRecord, PairStateRecord, PairStateTx, PairWrite } from '../store/pair-states.ts'
import { edgesOf } from './pair-edges.ts'
import { factsFrom, pairFacts, stateFrom } from './state-answers.ts'
import type { SeriesRow, Store } from '../store/store.ts'
import { actsFromSeries, membershipRetreats, pairsFeeding, relationParams } from './relations.ts'

/** Pairs computed per write transaction: other writers wait no longer than one chunk. */
const CHUNK = 250

/** Pairs computed and written together inside a chunk. */
const GROUP = 25

/** Bytes of months' edges one write transaction keeps (src/relations/edge-columns.ts). */
const KEEP_BYTES = 32 * 1024 * 1024

/** Pairs whose edges one write transaction extends to a new month. */
const EXTEND_CHUNK = 500

/** Raised whenever the way states are computed changes: stored ones are then computed again. */
const STATES_VERSION = 3

/**
 * What the stored states depend on besides the series: the model's parameters, the blocs (members,
 * leaders), which actors are generic parties, and the code's version. A change of any of these
 * computes all pairs again.
 */
export function modelKey(kb: KnowledgeBase, p: RelationParams): string {
  let keys = modelKeys.get(kb)
  if (!keys) modelKeys.set(kb, (keys = new WeakMap()))
  let key = keys.get(p)
  if (!key) keys.set(p, (key = computeKey(kb, p)))
  return key
}

// Every question asks: the key is computed once per knowledge base and parameter set.
const modelKeys = new WeakMap<KnowledgeBase, WeakMap<RelationParams, string>>()

function computeKey(kb: KnowledgeBase, p: RelationParams): string {
  const sectors = [...kb.actors.values()].filter((a) => a.kind === 'sector').map((a) => a.id).sort()
  return createHash('sha256').update(JSON.stringify({ version: STATES_VERSION, p, blocs: kb.blocs, sectors })).digest('hex').slice(0, 32)
}

const leadersOf = (kb: KnowledgeBase) => new Map(kb.blocs.filter((b) => b.led_by).map((b) => [b.org, b.led_by!]))

/**
 * The pairs a changed pair's series feeds: itself; the bloc leader's pair when one side is a bloc
 * led by one state (acts towards the CSTO count partly towards Russia); and, when a member
 * retreated from a bloc, its pairs with the other members.
 */
function affected(a: string, b: string, kb: KnowledgeBase, leaders: Map<string, string>, retreats: Act[]): [string, string][] {
  const out: [string, string][] = [[a, b]]
  const lb = leaders.get(b)
  const la = leaders.get(a)
  if (lb && lb !== a) out.push([a, lb])
  if (la && la !== b) out.push([la, b])
  for (const [member, org] of [[a, b], [b, a]] as const) {
    if (!retreats.some((x) => x.source === member && x.target === org)) continue
    for (const m of kb.blocs.find((x) => x.org === org)?.members ?? []) if (m.actor !== member) out.push([member, m.actor])
  }
  return out
}

/** A pair's states as stored (a < b), with its first day and its standing facts from the news. */
export function pairRecords(a: string, b: string, acts: Act[], retreats: Act[], blocs: Bloc[], p: RelationParams): { firstDay: string; lastMonth: string; acts: number; facts: StandingFact[]; states: PairStateRecord[]; computed: PairState[] } | null {
  const own = acts.filter((x) => pairKey(x.source, x.target) === pairKey(a, b))
  if (!own.length) return null
  const others = retreats.filter((x) => pairKey(x.source, x.target) !== pairKey(a, b))
  const h = pairHistory(a, b, [...own, ...others], blocs)
  const computed = statesOf(h, p)
  const states = computed.map((s): PairStateRecord => ({
    a, b, month: s.month, ab: s.ab, ba: s.ba, military: s.dimensions.military, diplomatic: s.dimensions.diplomatic, economic: s.dimensions.economic,
    acts: s.acts, firm: s.firm, state: s.state, since: s.since, recent: JSON.stringify(s.recent.map((v) => Math.round(v * 1e9) / 1e9)), evidence: JSON.stringify(s.evidence), flows: JSON.stringify(s.flows),
  }))
  const last = states.at(-1)!
  return { firstDay: firstDay(h)!, lastMonth: last.month, acts: last.acts, facts: eventFacts(own, a, b), states, computed }
}

/**
 * Brings the pair states up to date: computes again every pair whose series changed since (all of
 * them when the model changed), a chunk per write transaction. With `actors`, only their pairs.
 * Reads first, so that a store with nothing to do sees no write. Returns the pairs computed.
 */
export async function refreshPairStates(store: Store, kb: KnowledgeBase, o: { actors?: string[] } = {}): Promise<number> {
  const p = relationParams()
  const model = modelKey(kb, p)
  const status = await store.pairStatus(o.actors)
  // A question about some actors leaves the other pairs' edges for later.
  const extend = !o.actors
  if (status.model === model && status.dirty === 0) {
    if (extend && status.edgesBehind) await extendEdges(store, kb, p)
    if (extend && status.monthsToKeep) await keepMonths(store)
    return 0
  }
  if (status.model !== model) {
    await store.pairStateWork(async (tx) => {
      if ((await tx.model()) === model) return
      await tx.dirtyAll()
      await tx.setModel(model)
    })
  }
  const leaders = leadersOf(kb)
  const shared = blocIndex(kb.blocs)
  // A bloc's leader answers for the bloc's pairs too.
  const actors = o.actors?.flatMap((id) => [id, ...kb.blocs.filter((b) => b.led_by === id).map((b) => b.org)])
  let done = 0
  for (;;) {
    const n = await store.pairStateWork(async (tx) => {
      const dirty = await tx.dirty(CHUNK, actors)
      if (!dirty.length) return 0
      const retreats = await membershipRetreats(tx, kb)
      const todo = new Map<string, [string, string]>()
      for (const [a, b] of dirty) for (const [x, y] of affected(a, b, kb, leaders, retreats)) if (x !== y) todo.set(pairKey(x, y), x < y ? [x, y] : [y, x])
      // Computed and written a group at a time: a group's series rows and states are all that is
      // held, so memory stays flat however long the pairs' histories (at 6,000 articles, one chunk
      // of every pair held 16,000 states and 35,000 edges: 160 MB of heap).
      const horizon = await tx.horizon()
      const pairs = [...todo.values()]
      for (let i = 0; i < pairs.length; i += GROUP) await tx.replace(await pairWrites(tx, kb, pairs.slice(i, i + GROUP), retreats, shared, horizon, p))
      return todo.size
    })
    if (!n) break
    done += n
  }
  if (extend) {
    await extendEdges(store, kb, p)
    await keepMonths(store)
  }
  return done
}

/**
 * Keeps each month's edges as one value (src/relations/edge-columns.ts), KEEP_BYTES of values per
 * write transaction: months whose edges changed were dropped, and a graph at ten million events then
 * reads 5 MB of columns instead of 61,000 rows (src/store/pair-states.ts).
 */
async function keepMonths(store: Store): Promise<void> {
  for (;;) {
    const more = await store.pairStateWork(async (tx) => {
      const months = await tx.monthsToKeep()
      // Months by the megabyte: other writers wait no longer than a few busy months take, and the
      // empty months of a store that reaches far back (a text that names the year 1000) go together.
      let bytes = 0
      let done = 0
      for (const month of months) {
        bytes += await tx.keepMonth(month)
        done++
        if (bytes > KEEP_BYTES) break
      }
      return done < months.length
    })
    if (!more) return
  }
}

/** Pairs' new states, edges and facts, from the series of every pair feeding them. */
async function pairWrites(tx: PairStateTx, kb: KnowledgeBase, pairs: [string, string][], retreats: Act[], shared: ReturnType<typeof blocIndex>, horizon: string | null, p: RelationParams): Promise<PairWrite[]> {
  const feeding = pairs.map(([a, b]) => pairsFeeding(a, b, kb))
  const sources = new Map<string, [string, string]>()
  for (const list of feeding) for (const [x, y] of list) sources.set(pairKey(x, y), [x, y])
  const rowsOf = new Map<string, SeriesRow[]>()
  for (const r of await tx.seriesOfPairs([...sources.values()])) {
    const k = pairKey(r.source, r.target)
    const list = rowsOf.get(k)
    if (list) list.push(r)
    else rowsOf.set(k, [r])
  }
  // Edges reach the series' latest month (or, without one, the pair's latest state).
  return pairs.map(([a, b], n): PairWrite => {
    const acts = actsFromSeries(feeding[n]!.flatMap(([x, y]) => rowsOf.get(pairKey(x, y)) ?? []), kb).acts
    const r = pairRecords(a, b, acts, retreats, shared(a, b), p)
    if (!r) return { a, b, pair: null, states: [], edges: [] }
    const { edges, edgesTo } = edgesOf(a, b, r.computed, pairFacts(a, b, r.facts, retreats, shared), horizon ?? r.lastMonth, p)
    return { a, b, pair: { a, b, firstDay: r.firstDay, lastMonth: r.lastMonth, acts: r.acts, facts: JSON.stringify(r.facts), edgesTo }, states: r.states, edges }
  })
}

/**
 * Extends the edges of pairs that had no new acts to the series' latest month (a new month came
 * with other pairs' acts), from each pair's latest state, a chunk of pairs per write transaction.
 */
async function extendEdges(store: Store, kb: KnowledgeBase, p: RelationParams): Promise<void> {
  const shared = blocIndex(kb.blocs)
  let after: [string, string] | undefined
  for (;;) {
    const more = await store.pairStateWork(async (tx) => {
      const horizon = await tx.horizon()
      if (!horizon) return false
      const pairs = await tx.edgesBefore(horizon, EXTEND_CHUNK, after)
      if (!pairs.length) return false
      const retreats = await membershipRetreats(tx, kb)
      const latest = new Map((await tx.latestStates(pairs.map((r) => [r.a, r.b]))).map((s) => [pairKey(s.a, s.b), s]))
      const edges: PairEdgeRecord[] = []
      const reach: { a: string; b: string; edgesTo: string }[] = []
      for (const r of pairs) {
        const s = latest.get(pairKey(r.a, r.b))
        if (!s) continue
        const more = edgesOf(r.a, r.b, [stateFrom(s, r.a)], pairFacts(r.a, r.b, factsFrom(r, r.a), retreats, shared), horizon, p, addMonths(r.edgesTo, 1))
        edges.push(...more.edges)
        reach.push({ a: r.a, b: r.b, edgesTo: more.edgesTo })
      }
      await tx.extendEdges(edges, reach)
      after = [pairs.at(-1)!.a, pairs.at(-1)!.b]
      return true
    })
    if (!more) return
  }
}
