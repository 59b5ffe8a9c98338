import { sql, type Kysely } from 'kysely'
import type { Database } from './tables.ts'
import { HOSTING_STEP } from '../relations/acts.ts'

// The day an event is placed on, as the relation model places it (src/relations/dates.ts placeDate):
// its own date, else its article's; a month on its 15th, a year on 1 July.
const PLACED = sql`coalesce(e.date, d.date)`
const DAY = sql`case length(${PLACED}) when 10 then ${PLACED} when 7 then ${PLACED} || '-15' else substr(${PLACED}, 1, 4) || '-07-01' end`
// The same test as isHosting, over the trace as stored (a JSON array of strings).
const HOSTED = sql`case when e.type = 'MOBILIZE' and e.trace like ${`%${JSON.stringify(HOSTING_STEP)}%`} then 1 else 0 end`

/**
 * Adds a document's acts to the relation series (sign 1), or takes them away before the document
 * is deleted (sign -1). Events without a partner, a state's acts towards itself and undated acts
 * are no part of any relation. Runs inside the caller's transaction; SQL common to SQLite and PostgreSQL.
 */
export async function addToSeries(trx: Kysely<Database>, docId: string, sign: 1 | -1): Promise<void> {
  await sql`
    insert into pair_months (source, target, month, type, mode, modality, hosted, acts, strength, stated, last_day, best_event, best_confidence)
    select source, target, month, type, mode, modality, hosted, ${sign} * count(*), ${sign} * sum(confidence), ${sign} * sum(stated), max(day),
           ${sign === 1 ? sql`min(best)` : sql`null`}, ${sign === 1 ? sql`max(confidence)` : sql`0`}
    from (
      select e.source, e.target, substr(${DAY}, 1, 7) as month, e.type, e.mode, e.modality, ${HOSTED} as hosted, e.confidence,
             case when e.date is null then 0 else 1 end as stated, ${DAY} as day,
             case when e.confidence = max(e.confidence) over (partition by e.source, e.target, substr(${DAY}, 1, 7), e.type, e.mode, e.modality, ${HOSTED}) then e.id end as best
      from events e join documents d on d.id = e.doc_id
      where e.doc_id = ${docId} and e.target is not null and e.target <> e.source and ${PLACED} is not null
    ) as g
    where true
    group by source, target, month, type, mode, modality, hosted
    on conflict (source, target, month, type, mode, modality, hosted) do update set
      acts = pair_months.acts + excluded.acts,
      strength = pair_months.strength + excluded.strength,
      stated = pair_months.stated + excluded.stated,
      last_day = case when excluded.last_day > pair_months.last_day then excluded.last_day else pair_months.last_day end,
      best_event = case when excluded.best_confidence > pair_months.best_confidence then excluded.best_event else pair_months.best_event end,
      best_confidence = case when excluded.best_confidence > pair_months.best_confidence then excluded.best_confidence else pair_months.best_confidence end
  `.execute(trx)
  if (sign === -1) {
    await sql`delete from pair_months where acts <= 0`.execute(trx)
    await sql`update pair_months set best_event = null, best_confidence = 0 where best_event in (select id from events where doc_id = ${docId})`.execute(trx)
  }
}
