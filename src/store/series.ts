import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database, PairMonthsTable } from './tables.ts'
import type { SeriesFilter, SeriesRow } from './store.ts'
import { HOSTING_STEP } from '../relations/acts.ts'

// The day an event is placed on, as the relation model places it (src/relations/dates.ts placeDate):
// its own date, else its article's; a month on its 15th, a year on 1 July.
const PLACED = sql`coalesce(e.date, d.date)`
const DAY = sql`case length(${PLACED}) when 10 then ${PLACED} when 7 then ${PLACED} || '-15' else substr(${PLACED}, 1, 4) || '-07-01' end`
// The same test as isHosting, over the trace as stored (a JSON array of strings).
const HOSTED = sql`case when e.type = 'MOBILIZE' and e.trace like ${`%${JSON.stringify(HOSTING_STEP)}%`} then 1 else 0 end`

const KEY = sql`source, target, month, type, mode, modality, hosted`

/** The events of these documents. */
const ofDocs = (docIds: string[]) => sql`e.doc_id in (${sql.join(docIds)})`

/** Every other document's events between the pairs a document's acts touch (events are indexed by source). */
const othersThan = (docId: string) => sql`e.doc_id <> ${docId} and (e.source, e.target) in (select source, target from events where doc_id = ${docId})`

/** The acts of the events `docs` selects, grouped as the series groups them (only the groups `keys` lists, if given). */
function grouped(docs: RawBuilder<unknown>, keys?: RawBuilder<unknown>) {
  return sql`
    select ${KEY}, count(*) as acts, sum(confidence) as strength, sum(stated) as stated, max(day) as last_day, min(best) as best_event, max(confidence) as best_confidence
    from (
      select e.source, e.target, substr(${DAY}, 1, 7) as month, e.type, e.mode, e.modality, ${HOSTED} as hosted, e.confidence,
             case when e.date is null then 0 else 1 end as stated, ${DAY} as day,
             case when e.confidence = max(e.confidence) over (partition by e.source, e.target, substr(${DAY}, 1, 7), e.type, e.mode, e.modality, ${HOSTED}) then e.id end as best
      from events e join documents d on d.id = e.doc_id
      where ${docs} and e.target is not null and e.target <> e.source and ${PLACED} is not null
    ) as g
    where ${keys ? sql`(${KEY}) in (${keys})` : sql`true`}
    group by ${KEY}`
}

/** Documents whose acts one statement adds to the series (a batch of stored documents is one or three). */
const SERIES_DOCS = 100

/** The documents in runs of SERIES_DOCS. */
function* runsOf(docIds: string | string[]): Generator<string[]> {
  const ids = typeof docIds === 'string' ? [docIds] : docIds
  for (let i = 0; i < ids.length; i += SERIES_DOCS) yield ids.slice(i, i + SERIES_DOCS)
}

/**
 * Adds documents' acts to the relation series (sign 1), or takes a document's away before it is
 * deleted (sign -1). Events without a partner, a state's acts towards itself and undated acts are
 * no part of any relation. Runs inside the caller's transaction; SQL common to SQLite and PostgreSQL.
 * A batch of documents is added by one statement per SERIES_DOCS: per document, the statement's
 * own cost was a fifth of storing an article. Of acts equally confident, a group's evidence is the
 * one of the least id, whichever document came first (as when the series is counted again).
 */
export async function addToSeries(trx: Kysely<Database>, docIds: string | string[], sign: 1 | -1): Promise<void> {
  for (const run of runsOf(docIds)) {
    if (sign === -1) for (const id of run) await takeFromSeries(trx, id)
    else await addGroups(trx, run)
  }
}

/** Columns of a series group, in the order of the rows `addGroupRows` writes. */
export const GROUP_COLUMNS = ['source', 'target', 'month', 'type', 'mode', 'modality', 'hosted', 'acts', 'strength', 'stated', 'last_day', 'best_event', 'best_confidence'] as const
/** The first seven: a group's key (KEY above, as column names). */
export const GROUP_KEY = GROUP_COLUMNS.slice(0, 7)

/**
 * How a group counted anew joins the stored group of its key: counts add up, the latest day and the
 * most confident event win; of acts equally confident, the least id (or any, where the stored
 * group's evidence is gone).
 */
export const MERGE_GROUP = `
  acts = pair_months.acts + excluded.acts,
  strength = pair_months.strength + excluded.strength,
  stated = pair_months.stated + excluded.stated,
  last_day = case when excluded.last_day > pair_months.last_day then excluded.last_day else pair_months.last_day end,
  best_event = case when excluded.best_confidence > pair_months.best_confidence
    or (excluded.best_confidence = pair_months.best_confidence and (pair_months.best_event is null or excluded.best_event < pair_months.best_event))
    then excluded.best_event else pair_months.best_event end,
  best_confidence = case when excluded.best_confidence > pair_months.best_confidence then excluded.best_confidence else pair_months.best_confidence end`

async function addGroups(trx: Kysely<Database>, docIds: string[]): Promise<void> {
  await sql`
    insert into pair_months (${KEY}, acts, strength, stated, last_day, best_event, best_confidence)
    ${grouped(ofDocs(docIds))}
    on conflict (${KEY}) do update set ${sql.raw(MERGE_GROUP)}
  `.execute(trx)
}

/** Groups counted in memory (src/store/series-groups.ts) added to the series, a few hundred a statement. */
export async function addGroupRows(trx: Kysely<Database>, rows: PairMonthsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const values = rows.slice(i, i + 300).map((r) => sql`(${sql.join(GROUP_COLUMNS.map((c) => r[c]))})`)
    await sql`insert into pair_months (${sql.raw(GROUP_COLUMNS.join(', '))}) values ${sql.join(values)} on conflict (${KEY}) do update set ${sql.raw(MERGE_GROUP)}`.execute(trx)
  }
}

/** The series' groups of documents' acts counted from their stored events: what `addToSeries` adds for them. */
export async function countSeries(db: Kysely<Database>, docIds: string[]): Promise<PairMonthsTable[]> {
  return (await sql<PairMonthsTable>`${grouped(ofDocs(docIds))}`.execute(db)).rows
}

/**
 * Takes a document's acts out of the series: the groups it touched are counted again from the
 * other documents' events, so that their latest day and most confident event are those of the
 * acts that remain (subtracting could not undo a maximum).
 */
async function takeFromSeries(trx: Kysely<Database>, docId: string): Promise<void> {
  const keys = sql`select distinct ${KEY} from (${grouped(ofDocs([docId]))}) as touched`
  await sql`delete from pair_months where (${KEY}) in (${keys})`.execute(trx)
  await sql`insert into pair_months (${KEY}, acts, strength, stated, last_day, best_event, best_confidence) ${grouped(othersThan(docId), keys)}`.execute(trx)
}

/**
 * Puts the pairs of documents' acts on the dirty list: their states (src/service/pair-states.ts)
 * must be computed again. Called with every change of the series (migrations before 0008 have no list).
 */
export async function markPairsDirty(trx: Kysely<Database>, docIds: string | string[]): Promise<void> {
  for (const run of runsOf(docIds)) {
    await sql`
      insert into pair_dirty (a, b)
      select distinct case when source < target then source else target end, case when source < target then target else source end
      from events where doc_id in (${sql.join(run)}) and target is not null and target <> source
      on conflict do nothing
    `.execute(trx)
  }
}

/** Puts pairs (each with its actors in order) on the dirty list, as `markPairsDirty` does for documents. */
export async function markDirty(trx: Kysely<Database>, pairs: [string, string][]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 500) {
    await sql`insert into pair_dirty (a, b) values ${sql.join(pairs.slice(i, i + 500).map(([a, b]) => sql`(${a}, ${b})`))} on conflict do nothing`.execute(trx)
  }
}

/** Groups of the relation series, in month order. */
export function readSeries(db: Kysely<Database>, f: SeriesFilter) {
  return seriesQuery(db, f).execute()
    .then((rows) => rows.map((r): SeriesRow => ({
      source: r.source, target: r.target, month: r.month, type: r.type, mode: r.mode, modality: r.modality, hosted: Number(r.hosted) === 1,
      acts: Number(r.acts), strength: Number(r.strength), stated: Number(r.stated), lastDay: r.last_day, bestEvent: r.best_event,
    })))
}

/** The query `readSeries` runs (apart, so that its plan can be looked at). */
export function seriesQuery(db: Kysely<Database>, f: SeriesFilter) {
  const filtered = () => {
    let q = db.selectFrom('pair_months').selectAll()
    const pairs = f.pair ? [f.pair] : f.pairs
    if (pairs) {
      q = q.where((eb) => eb.or(pairs.flatMap(([a, b]) => [eb.and([eb('source', '=', a), eb('target', '=', b)]), eb.and([eb('source', '=', b), eb('target', '=', a)])])))
    }
    if (f.type) q = q.where('type', '=', f.type)
    if (f.mode) q = q.where('mode', '=', f.mode)
    if (f.from) q = q.where('month', '>=', f.from)
    if (f.to) q = q.where('month', '<=', f.to)
    if (f.lastDayTo) q = q.where('last_day', '<=', f.lastDayTo)
    return q
  }
  // An actor's groups as either side, each from the index kept for it (migration 0013; its rows
  // have acts, which every group has): SQLite's plan for "source or target" reads neither.
  const q = f.actor
    ? filtered().where('source', '=', f.actor).where('acts', '>', 0)
      .unionAll(filtered().where('target', '=', f.actor).where('source', '<>', f.actor).where('acts', '>', 0))
    : filtered()
  return q.orderBy('month').orderBy('source').orderBy('target').orderBy('type').orderBy('mode').orderBy('modality')
}

/** The latest month of the relation series (YYYY-MM), if any. */
export async function seriesHorizon(db: Kysely<Database>): Promise<string | null> {
  return (await db.selectFrom('pair_months').select((eb) => eb.fn.max('month').as('m')).executeTakeFirst())?.m ?? null
}

/** One month of the relation series: its acts between named actors and its latest day; and all its acts. */
export interface SeriesMonth { month: string; named: number; lastDay: string | null; all: number }

/**
 * Acts per month of the relation series, those with a `generic` party (police, an unlisted name)
 * counted apart, in month order; the latest day only for the latest month with named acts. All
 * months come from one pass over the series (on SQLite a table scan: the month index's row-by-row
 * lookups take three times as long); the generic parties' rows, a small share, through their indexes.
 */
export async function seriesMonths(db: Kysely<Database>, generic: string[]): Promise<SeriesMonth[]> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const all = await sql<{ month: string; acts: number | string }>`
    select month, sum(acts) as acts from ${pg ? sql`pair_months` : sql`pair_months not indexed`} where acts > 0 group by month order by month`.execute(db)
  const apart = new Map<string, number>()
  if (generic.length) {
    const g = sql.join(generic)
    const r = await sql<{ month: string; acts: number | string }>`
      select month, sum(acts) as acts from pair_months where acts > 0 and (source in (${g}) or target in (${g})) group by month`.execute(db)
    for (const x of r.rows) apart.set(x.month, Number(x.acts))
  }
  const months = all.rows.map((x): SeriesMonth => ({ month: x.month, named: Number(x.acts) - (apart.get(x.month) ?? 0), lastDay: null, all: Number(x.acts) }))
  const latest = [...months].reverse().find((m) => m.named > 0)
  if (latest) {
    const named = generic.length ? sql`and source not in (${sql.join(generic)}) and target not in (${sql.join(generic)})` : sql``
    const r = await sql<{ day: string | null }>`select max(last_day) as day from pair_months where month = ${latest.month} and acts > 0 ${named}`.execute(db)
    latest.lastDay = r.rows[0]?.day ?? null
  }
  return months
}
