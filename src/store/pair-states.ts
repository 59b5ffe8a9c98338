import { createHash } from 'node:crypto'
import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { ActorStatesTable, Database, PairEdgesTable, PairStatesTable } from './tables.ts'
import type { SeriesFilter, SeriesRow } from './store.ts'
import { seriesHorizon } from './series.ts'
import { pairKey } from '../relations/pair.ts'
import { addMonths, monthsBetween } from '../relations/dates.ts'
import { EdgeColumns } from '../relations/edge-columns.ts'
import type { GraphEdge } from '../relations/graph.ts'

/** A stored pair state (a < b); evidence and flows as JSON. See src/relations/pair-state.ts. */
export type PairStateRecord = Omit<PairStatesTable, 'digest'>

/** A stored graph edge at a month's end: its pair (`a|b`) and the edge as JSON. See src/service/pair-edges.ts. */
export type PairEdgeRecord = PairEdgesTable

/** `edges_to` of a pair whose edges are all stored: no later month draws it. */
export const EDGES_FINAL = '9999-12'

/** A pair with states: the first day of its history and its standing facts from the news (JSON). */
export interface PairRecord {
  a: string
  b: string
  firstDay: string
  /** Its latest month with acts, and all its acts. */
  lastMonth: string
  acts: number
  facts: string
  /** The month through which its graph edges are stored (EDGES_FINAL: all of them). */
  edgesTo: string
}

/** What the work on pair states may do, inside one write transaction. */
export interface PairStateTx {
  /** The model the stored states were computed with (null: none yet). */
  model(): Promise<string | null>
  setModel(model: string): Promise<void>
  /** Puts every pair of the relation series on the dirty list. */
  dirtyAll(): Promise<void>
  /** Up to `limit` dirty pairs, only those of these actors if given. */
  dirty(limit: number, actors?: string[]): Promise<[string, string][]>
  series(f: SeriesFilter): Promise<SeriesRow[]>
  /** The series rows between each of these pairs, either way. */
  seriesOfPairs(pairs: [string, string][]): Promise<SeriesRow[]>
  /** Replaces pairs' states, edges and facts (null: the pair has no acts left) and takes them off the dirty list. */
  replace(items: PairWrite[]): Promise<void>
  /** The latest month of the relation series. */
  horizon(): Promise<string | null>
  /** Up to `limit` pairs after `after` (a|b order) whose edges, once computed, end before `month`. */
  edgesBefore(month: string, limit: number, after?: [string, string]): Promise<PairRecord[]>
  /** Each of these pairs' latest state, without flows and recent months (as `light` reads them). */
  latestStates(pairs: [string, string][]): Promise<PairStateRecord[]>
  /** Adds edges to pairs (those already there stay) and records how far each pair's edges now reach. */
  extendEdges(edges: PairEdgeRecord[], reach: { a: string; b: string; edgesTo: string }[]): Promise<void>
  /** Months within every pair's reach without a kept value, in order. */
  monthsToKeep(): Promise<string[]>
  /** Keeps a month's edges as one value (columns); the length of that value. */
  keepMonth(month: string): Promise<number>
}

/** A pair's new states and edges (a < b). */
export interface PairWrite { a: string; b: string; pair: PairRecord | null; states: PairStateRecord[]; edges: PairEdgeRecord[] }

/** Which stored states to read. */
export interface PairStateQuery {
  /** Pairs with this actor on either side (else all pairs). */
  actor?: string
  /** Each pair's latest state of a month before this one (YYYY-MM). */
  before?: string
  /** With `before`: each pair's latest this many states (default 1). */
  last?: number
  /** Or every state of the months from…to (inclusive). */
  from?: string
  to?: string
  /** Only these pairs (a < b). */
  pairs?: [string, string][]
  /** Without flows and recent months (their JSON is most of a row): for graphs and trend windows. */
  light?: boolean
  /**
   * States of this month on without evidence and flows, with their recent months: read for a trend
   * and a state's start alone (with `last`: the month asked about, whose acts are counted again to the day).
   */
  trendFrom?: string
}

/** Pairs per statement: a few hundred bound values. */
const PAIRS_PER_QUERY = 100

/** How a dialect writes many rows fast (`extend`: rows already there stay), and reads the series. */
export interface BulkInsert {
  series(f: SeriesFilter): Promise<SeriesRow[]>
  states(rows: PairStatesTable[]): Promise<void>
  actorStates(rows: ActorStatesTable[]): Promise<void>
  edges(rows: PairEdgeRecord[], extend?: boolean): Promise<void>
}

export function pairStateTx(trx: Kysely<Database>, insert: BulkInsert): PairStateTx {
  return {
    async model() {
      return (await trx.selectFrom('pair_model').select('model').where('id', '=', 1).executeTakeFirst())?.model ?? null
    },
    async setModel(model) {
      await trx.deleteFrom('pair_model').execute()
      await trx.insertInto('pair_model').values({ id: 1, model }).execute()
    },
    async dirtyAll() {
      await sql`
        insert into pair_dirty (a, b)
        select distinct case when source < target then source else target end, case when source < target then target else source end
        from pair_months where source <> target
        on conflict do nothing
      `.execute(trx)
      // Pairs whose acts are all gone keep stale states until they are computed again.
      await sql`insert into pair_dirty (a, b) select a, b from pairs where true on conflict do nothing`.execute(trx)
    },
    async dirty(limit, actors) {
      let q = trx.selectFrom('pair_dirty').select(['a', 'b'])
      if (actors?.length) q = q.where((eb) => eb.or([eb('a', 'in', actors), eb('b', 'in', actors)]))
      return (await q.orderBy('a').orderBy('b').limit(limit).execute()).map((r) => [r.a, r.b] as [string, string])
    },
    series: (f) => insert.series(f),
    async seriesOfPairs(pairs) {
      const out: SeriesRow[] = []
      // Busy pairs have tens of thousands of rows: a spread into push() would overflow the stack.
      for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) for (const r of await insert.series({ pairs: pairs.slice(i, i + PAIRS_PER_QUERY) })) out.push(r)
      return out
    },
    async replace(items) {
      const kept = await keepsMonths(trx)
      // A pair is computed again whole, but its states before the month its new acts begin come out
      // the same: only the states that changed are written (each is two random places in actor_states).
      const unchanged = new Set<string>()
      for (let i = 0; i < items.length; i += PAIRS_PER_QUERY) {
        const some = items.slice(i, i + PAIRS_PER_QUERY)
        const these = (eb: ExpressionBuilder<Database, 'pair_states' | 'pairs' | 'pair_dirty'>) => eb.or(some.map((x) => eb.and([eb('a', '=', x.a), eb('b', '=', x.b)])))
        if (kept) await dropMonths(trx, await changedMonths(trx, some))
        const fresh = new Map<string, StoredState>()
        for (const x of some) if (x.pair) for (const r of x.states) fresh.set(stateKey(r), stored(r))
        const gone: StateKey[] = []
        for (const r of await trx.selectFrom('pair_states').select(COMPARED).where(these).execute()) {
          const k = stateKey(r)
          if (sameState(r, fresh.get(k))) unchanged.add(k)
          else gone.push(r)
        }
        await dropStates(trx, gone)
        await trx.deleteFrom('pair_edges').where('pair', 'in', some.map((x) => pairKey(x.a, x.b))).execute()
        await trx.deleteFrom('pairs').where(these).execute()
        await trx.deleteFrom('pair_dirty').where(these).execute()
      }
      const written = items.filter((x) => x.pair && x.states.length)
      const pairs = written.map((x) => ({ a: x.a, b: x.b, first_day: x.pair!.firstDay, last_month: x.pair!.lastMonth, acts: x.pair!.acts, facts: x.pair!.facts, edges_to: x.pair!.edgesTo }))
      for (let i = 0; i < pairs.length; i += 200) await trx.insertInto('pairs').values(pairs.slice(i, i + 200)).execute()
      const states = written.flatMap((x) => x.states).filter((r) => !unchanged.has(stateKey(r)))
      await insert.states(states.map(stored))
      await insert.actorStates(states.flatMap((r) => [{ actor: r.a, ...r }, { actor: r.b, ...r }]).sort(byActorKey))
      // In key order: a month's edges then lie in runs of neighbouring pages.
      await insert.edges(written.flatMap((x) => x.edges).sort(byMonthAndPair))
    },
    horizon: () => seriesHorizon(trx),
    async edgesBefore(month, limit, after) {
      // A pair whose edges were never computed ('') waits to be computed as a whole.
      let q = trx.selectFrom('pairs').selectAll().where('edges_to', '<>', '').where('edges_to', '<', month)
      if (after) q = q.where((eb) => eb.or([eb('a', '>', after[0]), eb.and([eb('a', '=', after[0]), eb('b', '>', after[1])])]))
      return (await q.orderBy('a').orderBy('b').limit(limit).execute()).map(pairRecord)
    },
    async latestStates(pairs) {
      const out: PairStateRecord[] = []
      for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) out.push(...(await readPairStates(trx, { pairs: pairs.slice(i, i + PAIRS_PER_QUERY), before: '9999-99', light: true })))
      return out
    },
    monthsToKeep: () => monthsToKeep(trx),
    async keepMonth(month) {
      const edges = await monthEdgeColumns(trx, month)
      await trx.deleteFrom('month_edges').where('month', '=', month).execute()
      await trx.insertInto('month_edges').values({ month, edges }).execute()
      return edges.length
    },
    async extendEdges(edges, reach) {
      if (await keepsMonths(trx)) await dropMonths(trx, [...new Set(edges.map((e) => e.month))])
      await insert.edges(edges, true)
      for (const r of reach) await trx.updateTable('pairs').set({ edges_to: r.edgesTo }).where('a', '=', r.a).where('b', '=', r.b).execute()
    },
  }
}

/** A state as pair_states keeps it: questions about pairs read neither recent months nor flows (actor_states keeps them), only whether they changed. */
type StoredState = PairStatesTable
const stored = (r: PairStateRecord): StoredState => ({ ...r, recent: '[]', flows: '[]', digest: createHash('sha256').update(r.recent).update('\n').update(r.flows).digest('base64').slice(0, 16) })

/** What tells a stored state from a new one: all it holds. */
const COMPARED = ['a', 'b', 'month', 'ab', 'ba', 'military', 'diplomatic', 'economic', 'acts', 'firm', 'state', 'since', 'evidence', 'digest'] as const
type StateKey = { a: string; b: string; month: string }
const stateKey = (r: StateKey) => `${r.a}|${r.b}|${r.month}`
const sameState = (old: Pick<StoredState, (typeof COMPARED)[number]>, now: StoredState | undefined) => now !== undefined && COMPARED.every((c) => old[c] === now[c])

/** Takes states out of pair_states and off both their actors in actor_states, by key (an actor's rows of a pair are spread over its months). */
async function dropStates(trx: Kysely<Database>, keys: StateKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += PAIRS_PER_QUERY) {
    const some = keys.slice(i, i + PAIRS_PER_QUERY)
    await trx.deleteFrom('pair_states').where((eb) => eb.or(some.map((k) => eb.and([eb('a', '=', k.a), eb('b', '=', k.b), eb('month', '=', k.month)])))).execute()
    await trx.deleteFrom('actor_states').where((eb) => eb.or(some.flatMap((k) => [k.a, k.b].map((actor) => eb.and([eb('actor', '=', actor), eb('month', '=', k.month), eb('a', '=', k.a), eb('b', '=', k.b)]))))).execute()
  }
}

const byActorKey = (u: ActorStatesTable, v: ActorStatesTable) =>
  u.actor < v.actor ? -1 : u.actor > v.actor ? 1 : u.month < v.month ? -1 : u.month > v.month ? 1 : u.a < v.a ? -1 : u.a > v.a ? 1 : u.b < v.b ? -1 : u.b > v.b ? 1 : 0

/** Whether any month's edges are kept as one value (else nothing is to be dropped). */
async function keepsMonths(trx: Kysely<Database>): Promise<boolean> {
  return (await trx.selectFrom('month_edges').select('month').limit(1).executeTakeFirst()) !== undefined
}

/**
 * The months whose edges differ between these pairs' stored edges and their new ones. A pair is
 * computed again whole, but new acts change only its edges from their month on: the months before
 * keep their kept value.
 */
async function changedMonths(trx: Kysely<Database>, items: PairWrite[]): Promise<string[]> {
  const fresh = new Map<string, string>()
  for (const x of items) if (x.pair && x.states.length) for (const e of x.edges) fresh.set(`${e.month} ${e.pair}`, e.edge)
  const old = await trx.selectFrom('pair_edges').select(['month', 'pair', 'edge']).where('pair', 'in', items.map((x) => pairKey(x.a, x.b))).execute()
  const months = new Set<string>()
  for (const r of old) {
    const k = `${r.month} ${r.pair}`
    if (fresh.get(k) !== r.edge) months.add(r.month)
    fresh.delete(k)
  }
  for (const k of fresh.keys()) months.add(k.slice(0, k.indexOf(' ')))
  return [...months]
}

async function dropMonths(trx: Kysely<Database>, months: string[]): Promise<void> {
  for (let i = 0; i < months.length; i += 500) await trx.deleteFrom('month_edges').where('month', 'in', months.slice(i, i + 500)).execute()
}

const byMonthAndPair = (u: PairEdgeRecord, v: PairEdgeRecord) => (u.month < v.month ? -1 : u.month > v.month ? 1 : u.pair < v.pair ? -1 : u.pair > v.pair ? 1 : 0)

const pairRecord = (r: Database['pairs']): PairRecord => ({ a: r.a, b: r.b, firstDay: r.first_day, lastMonth: r.last_month, acts: Number(r.acts), facts: r.facts, edgesTo: r.edges_to })

const ofActor = (actor: string | undefined) => (actor ? sql`(p.a = ${actor} or p.b = ${actor})` : sql`1 = 1`)
const ofPairs = (pairs: [string, string][] | undefined) => (pairs ? (pairs.length ? sql`(${sql.join(pairs.map(([a, b]) => sql`(p.a = ${a} and p.b = ${b})`), sql` or `)})` : sql`1 = 0`) : sql`1 = 1`)

/**
 * Stored states: each pair's latest before a month, or all of a range of months; by pair and month.
 * An actor's come from actor_states, the others' from pair_states (without recent months and flows).
 */
export async function readPairStates(db: Kysely<Database>, q: PairStateQuery): Promise<PairStateRecord[]> {
  if (q.actor && !q.pairs) return (await readActorStates(db, q.actor, q)).sort(byPairAndMonth)
  if (!q.light) throw new Error('pair states without an actor are read light: pair_states keeps neither recent months nor flows')
  if (q.before !== undefined) {
    // One index seek per pair (the pairs table lists them): the latest month before `before`.
    // The cross join keeps pairs the outer loop: SQLite otherwise walks every state.
    const columns = columnsOf(q)
    const latest = (q.last ?? 1) === 1
      ? sql`s.month = (select max(t.month) from pair_states t where t.a = p.a and t.b = p.b and t.month < ${q.before})`
      : sql`s.month in (select t.month from pair_states t where t.a = p.a and t.b = p.b and t.month < ${q.before} order by t.month desc limit ${q.last})`
    const r = await sql<PairStateRecord>`
      select ${columns} from pairs p cross join pair_states s
      where ${ofActor(q.actor)} and ${ofPairs(q.pairs)} and s.a = p.a and s.b = p.b and ${latest}
      order by s.a, s.b, s.month`.execute(db)
    return r.rows.map(numeric)
  }
  // A range seek per pair (the pairs table lists them).
  const from = q.from ? sql`s.month >= ${q.from}` : sql`1 = 1`
  const to = q.to ? sql`s.month <= ${q.to}` : sql`1 = 1`
  const r = await sql<PairStateRecord>`
    select ${columnsOf(q)} from pairs p cross join pair_states s
    where ${ofActor(q.actor)} and ${ofPairs(q.pairs)} and s.a = p.a and s.b = p.b and ${from} and ${to}
    order by s.a, s.b, s.month`.execute(db)
  return r.rows.map(numeric)
}

/**
 * An actor's states. Those of a range of months are one range of actor_states' key. Each pair's
 * latest `last` before a month are first read from the `last` months before it (one range: a busy
 * actor's counterparts mostly have states there); a pair with fewer there has its earlier months
 * found in pair_states' key and its rows read by their keys.
 */
async function readActorStates(db: Kysely<Database>, actor: string, q: PairStateQuery): Promise<PairStateRecord[]> {
  const columns = columnsOf(q)
  if (q.before === undefined) {
    const from = q.from ? sql`s.month >= ${q.from}` : sql`1 = 1`
    const to = q.to ? sql`s.month <= ${q.to}` : sql`1 = 1`
    return (await sql<PairStateRecord>`select ${columns} from actor_states s where s.actor = ${actor} and ${from} and ${to}`.execute(db)).rows.map(numeric)
  }
  const last = q.last ?? 1
  const start = addMonths(q.before, -last)
  const near = (await sql<PairStateRecord>`
    select ${columns} from actor_states s where s.actor = ${actor} and s.month >= ${start} and s.month < ${q.before}`.execute(db)).rows.map(numeric)
  const found = new Map<string, number>()
  for (const r of near) found.set(pairKey(r.a, r.b), (found.get(pairKey(r.a, r.b)) ?? 0) + 1)
  // Pairs by how many states they still need from before the range.
  const short = new Map<number, [string, string][]>()
  for (const p of await db.selectFrom('pairs').select(['a', 'b']).where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)])).execute()) {
    const need = last - (found.get(pairKey(p.a, p.b)) ?? 0)
    if (need > 0) short.get(need)?.push([p.a, p.b]) ?? short.set(need, [[p.a, p.b]])
  }
  const out = near
  for (const [need, pairs] of short) {
    for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) {
      const latest = need === 1
        ? sql`s.month = (select max(t.month) from pair_states t where t.a = p.a and t.b = p.b and t.month < ${start})`
        : sql`s.month in (select t.month from pair_states t where t.a = p.a and t.b = p.b and t.month < ${start} order by t.month desc limit ${need})`
      const r = await sql<PairStateRecord>`
        select ${columns} from pairs p cross join actor_states s
        where ${ofPairs(pairs.slice(i, i + PAIRS_PER_QUERY))} and s.actor = ${actor} and s.a = p.a and s.b = p.b and ${latest}`.execute(db)
      for (const row of r.rows) out.push(numeric(row))
    }
  }
  return out
}

const byPairAndMonth = (u: PairStateRecord, v: PairStateRecord) =>
  u.a < v.a ? -1 : u.a > v.a ? 1 : u.b < v.b ? -1 : u.b > v.b ? 1 : u.month < v.month ? -1 : u.month > v.month ? 1 : 0

/** The columns a read of states asks for: JSON it does not need is left out (as an empty list). */
function columnsOf(q: PairStateQuery) {
  const numbers = sql`s.a, s.b, s.month, s.ab, s.ba, s.military, s.diplomatic, s.economic, s.acts, s.firm, s.state, s.since`
  if (q.light) return sql`${numbers}, '[]' as recent, s.evidence, '[]' as flows`
  if (q.trendFrom) {
    const own = sql`s.month >= ${q.trendFrom}`
    return sql`${numbers}, s.recent, case when ${own} then '[]' else s.evidence end as evidence, case when ${own} then '[]' else s.flows end as flows`
  }
  // Named, not `s.*`: actor_states adds its actor and pair_states its digest, which no reader wants.
  return sql`${numbers}, s.recent, s.evidence, s.flows`
}

/** Pairs with states (all, those of one actor, or these). */
export async function readPairs(db: Kysely<Database>, which?: string | [string, string][]): Promise<PairRecord[]> {
  let q = db.selectFrom('pairs').selectAll()
  if (typeof which === 'string') q = q.where((eb) => eb.or([eb('a', '=', which), eb('b', '=', which)]))
  else if (which) {
    if (!which.length) return []
    q = q.where((eb) => eb.or(which.map(([a, b]) => eb.and([eb('a', '=', a), eb('b', '=', b)]))))
  }
  return (await q.orderBy('a').orderBy('b').execute()).map(pairRecord)
}

/**
 * A month's edges as columns (src/relations/edge-columns.ts): the value kept for the month, else
 * made from the month's rows; null when some pair's edges do not reach it (it lies after the news,
 * or edges wait to be extended).
 */
export async function readMonthEdges(db: Kysely<Database>, month: string): Promise<string | null> {
  const reach = await edgesReach(db)
  if (!reach || reach < month) return null
  const kept = await db.selectFrom('month_edges').select('edges').where('month', '=', month).executeTakeFirst()
  return kept ? kept.edges : monthEdgeColumns(db, month)
}

/**
 * A month's edges as columns, from its rows of `pair_edges` in pair order (the engine joins them
 * into one JSON array: parsing one text is several times faster than reading tens of thousands of
 * rows). The month must lie within every pair's reach.
 */
async function monthEdgeColumns(db: Kysely<Database>, month: string): Promise<string> {
  // SQLite sorts for an ORDER BY inside group_concat (a third of the time); a subquery in key order
  // reads the primary key's order instead.
  const row = db.getExecutor().adapter instanceof PostgresAdapter
    ? await sql<{ edges: string | null }>`select string_agg(edge, ',' order by pair) as edges from pair_edges where month = ${month}`.execute(db)
    : await sql<{ edges: string | null }>`select group_concat(edge, ',') as edges from (select edge from pair_edges where month = ${month} order by pair)`.execute(db)
  return EdgeColumns.encode(JSON.parse(`[${row.rows[0]?.edges ?? ''}]`) as GraphEdge[])
}

/**
 * Months within every pair's reach without a kept value, in order. A month without edges is kept
 * too (as no edges), so that a store whose months are all kept is told in three small queries.
 */
async function monthsToKeep(db: Kysely<Database>): Promise<string[]> {
  const reach = await edgesReach(db)
  if (!reach) return []
  // Apart: SQLite reads a lone min() or max() off the key, both together by a scan.
  const first = (await db.selectFrom('pair_edges').select((eb) => eb.fn.min('month').as('m')).executeTakeFirst())?.m
  const latest = (await db.selectFrom('pair_edges').select((eb) => eb.fn.max('month').as('m')).executeTakeFirst())?.m
  if (!first || !latest) return []
  const last = latest < reach ? latest : reach
  const kept = new Set((await db.selectFrom('month_edges').select('month').where('month', '>=', first).where('month', '<=', last).execute()).map((r) => r.month))
  return monthsBetween(first, last).filter((m) => !kept.has(m))
}

/** The month through which every pair's edges reach ('' or null: some pair's edges are not computed, or there are no pairs). */
async function edgesReach(db: Kysely<Database>): Promise<string | null | undefined> {
  return (await db.selectFrom('pairs').select((eb) => eb.fn.min('edges_to').as('m')).executeTakeFirst())?.m
}

/** Numbers as numbers (they are: integer and double precision columns on both engines; this only makes sure). */
function numeric(r: PairStateRecord): PairStateRecord {
  if (typeof r.ab !== 'number' || typeof r.acts !== 'number') throw new Error(`pair state ${r.a}|${r.b} ${r.month}: numbers read as ${typeof r.ab}, ${typeof r.acts}`)
  return r
}

/** Where pair states stand: see Store.pairStatus. */
export interface PairStatus {
  /** The model the states were computed with (null: none yet). */
  model: string | null
  /** Pairs (of these actors) waiting to be computed again. */
  dirty: number
  /** Whether some pair's graph edges end before the series' latest month. */
  edgesBehind: boolean
  /** Whether some month's edges wait to be kept as one value. */
  monthsToKeep: boolean
}

/** The model the states were computed with, how many pairs (of these actors) are dirty, and whether edges lag behind the news. */
export async function pairStatus(db: Kysely<Database>, actors?: string[]): Promise<PairStatus> {
  const model = (await db.selectFrom('pair_model').select('model').where('id', '=', 1).executeTakeFirst())?.model ?? null
  let q = db.selectFrom('pair_dirty').select((eb) => eb.fn.countAll().as('n'))
  if (actors?.length) q = q.where((eb) => eb.or([eb('a', 'in', actors), eb('b', 'in', actors)]))
  const reach = (await db.selectFrom('pairs').select((eb) => eb.fn.min('edges_to').as('m')).where('edges_to', '<>', '').executeTakeFirst())?.m ?? null
  const horizon = reach ? await seriesHorizon(db) : null
  return { model, dirty: Number((await q.executeTakeFirstOrThrow()).n), edgesBehind: !!reach && !!horizon && reach < horizon, monthsToKeep: (await monthsToKeep(db)).length > 0 }
}
