import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { Database, PairStatesTable } from './tables.ts'
import type { SeriesFilter, SeriesRow } from './store.ts'
import { readSeries } from './series.ts'

/** A stored pair state (a < b); evidence and flows as JSON. See src/relations/pair-state.ts. */
export type PairStateRecord = PairStatesTable

/** A pair with states: the first day of its history and its standing facts from the news (JSON). */
export interface PairRecord {
  a: string
  b: string
  firstDay: string
  /** Its latest month with acts, and all its acts. */
  lastMonth: string
  acts: number
  facts: string
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
  /** Replaces pairs' states and facts (null: the pair has no acts left) and takes them off the dirty list. */
  replace(items: PairWrite[]): Promise<void>
}

/** A pair's new states (a < b). */
export interface PairWrite { a: string; b: string; pair: PairRecord | null; states: PairStateRecord[] }

/** Which stored states to read. */
export interface PairStateQuery {
  /** Pairs with this actor on either side (else all pairs). */
  actor?: string
  /** Each pair's latest state of a month before this one (YYYY-MM). */
  before?: string
  /** Or every state of the months from…to (inclusive). */
  from?: string
  to?: string
  /** Without flows and recent months (their JSON is most of a row): for graphs and trend windows. */
  light?: boolean
}

/** Pairs per statement: a few hundred bound values. */
const PAIRS_PER_QUERY = 100

export function pairStateTx(trx: Kysely<Database>, insertStates: (rows: PairStateRecord[]) => Promise<void>): PairStateTx {
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
    series: (f) => readSeries(trx, f),
    async seriesOfPairs(pairs) {
      const out: SeriesRow[] = []
      for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) out.push(...(await readSeries(trx, { pairs: pairs.slice(i, i + PAIRS_PER_QUERY) })))
      return out
    },
    async replace(items) {
      for (let i = 0; i < items.length; i += PAIRS_PER_QUERY) {
        const some = items.slice(i, i + PAIRS_PER_QUERY)
        const these = (eb: ExpressionBuilder<Database, 'pair_states' | 'pairs' | 'pair_dirty'>) => eb.or(some.map((x) => eb.and([eb('a', '=', x.a), eb('b', '=', x.b)])))
        await trx.deleteFrom('pair_states').where(these).execute()
        await trx.deleteFrom('pairs').where(these).execute()
        await trx.deleteFrom('pair_dirty').where(these).execute()
      }
      const pairs = items.flatMap((x) => (x.pair && x.states.length ? [{ a: x.a, b: x.b, first_day: x.pair.firstDay, last_month: x.pair.lastMonth, acts: x.pair.acts, facts: x.pair.facts }] : []))
      const states = items.flatMap((x) => (x.pair ? x.states : []))
      for (let i = 0; i < pairs.length; i += 200) await trx.insertInto('pairs').values(pairs.slice(i, i + 200)).execute()
      await insertStates(states)
    },
  }
}

const ofActor = (actor: string | undefined) => (actor ? sql`(p.a = ${actor} or p.b = ${actor})` : sql`1 = 1`)

/** Stored states: each pair's latest before a month, or all of a range of months; by pair and month. */
export async function readPairStates(db: Kysely<Database>, q: PairStateQuery): Promise<PairStateRecord[]> {
  if (q.before !== undefined) {
    // One index seek per pair (the pairs table lists them): the latest month before `before`.
    // The cross join keeps pairs the outer loop: SQLite otherwise walks every state.
    const columns = q.light ? sql`s.a, s.b, s.month, s.ab, s.ba, s.military, s.diplomatic, s.economic, s.acts, s.firm, s.state, s.since, '[]' as recent, s.evidence, '[]' as flows` : sql`s.*`
    const r = await sql<PairStateRecord>`
      select ${columns} from pairs p cross join pair_states s
      where ${ofActor(q.actor)} and s.a = p.a and s.b = p.b
        and s.month = (select max(t.month) from pair_states t where t.a = p.a and t.b = p.b and t.month < ${q.before})
      order by s.a, s.b`.execute(db)
    return r.rows.map(numeric)
  }
  // A range seek per pair (the pairs table lists them).
  const joined = db.selectFrom('pairs as p').innerJoin('pair_states as s', (j) => j.onRef('s.a', '=', 'p.a').onRef('s.b', '=', 'p.b'))
  let query = q.light
    ? joined.select(['s.a', 's.b', 's.month', 's.ab', 's.ba', 's.military', 's.diplomatic', 's.economic', 's.acts', 's.firm', 's.state', 's.since', sql<string>`'[]'`.as('recent'), 's.evidence', sql<string>`'[]'`.as('flows')])
    : joined.selectAll('s')
  if (q.actor) query = query.where((eb) => eb.or([eb('p.a', '=', q.actor!), eb('p.b', '=', q.actor!)]))
  if (q.from) query = query.where('s.month', '>=', q.from)
  if (q.to) query = query.where('s.month', '<=', q.to)
  return (await query.orderBy('s.a').orderBy('s.b').orderBy('s.month').execute()).map(numeric)
}

/** Pairs with states (all, or those of one actor). */
export async function readPairs(db: Kysely<Database>, actor?: string): Promise<PairRecord[]> {
  let q = db.selectFrom('pairs').selectAll()
  if (actor) q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  return (await q.orderBy('a').orderBy('b').execute()).map((r) => ({ a: r.a, b: r.b, firstDay: r.first_day, lastMonth: r.last_month, acts: Number(r.acts), facts: r.facts }))
}

/** Numbers as numbers (they are: integer and double precision columns on both engines; this only makes sure). */
function numeric(r: PairStateRecord): PairStateRecord {
  if (typeof r.ab !== 'number' || typeof r.acts !== 'number') throw new Error(`pair state ${r.a}|${r.b} ${r.month}: numbers read as ${typeof r.ab}, ${typeof r.acts}`)
  return r
}

/** The model the states were computed with, and how many pairs (of these actors) are dirty. */
export async function pairStatus(db: Kysely<Database>, actors?: string[]): Promise<{ model: string | null; dirty: number }> {
  const model = (await db.selectFrom('pair_model').select('model').where('id', '=', 1).executeTakeFirst())?.model ?? null
  let q = db.selectFrom('pair_dirty').select((eb) => eb.fn.countAll().as('n'))
  if (actors?.length) q = q.where((eb) => eb.or([eb('a', 'in', actors), eb('b', 'in', actors)]))
  return { model, dirty: Number((await q.executeTakeFirstOrThrow()).n) }
}
