import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, EventsTable } from './tables.ts'
import type { ActReport, EventFilter, StoredEvent } from './store.ts'

/** Date filters compare the prefix-ordered strings: "2024" ≤ "2024-06-17" ≤ "2024-12~". */
function filtered(db: Kysely<Database>, f: EventFilter) {
  let q = db.selectFrom('events').innerJoin('documents', 'documents.id', 'events.doc_id')
  if (f.actor) q = q.where((eb) => eb.or([eb('events.source', '=', f.actor!), eb('events.target', '=', f.actor!)]))
  if (f.pair) {
    const [a, b] = f.pair
    q = q.where((eb) => eb.or([eb.and([eb('events.source', '=', a), eb('events.target', '=', b)]), eb.and([eb('events.source', '=', b), eb('events.target', '=', a)])]))
  }
  if (f.type) q = q.where('events.type', '=', f.type.toUpperCase())
  if (f.from) q = q.where('events.date', '>=', f.from)
  if (f.to) q = q.where('events.date', '<=', `${f.to}~`)
  if (f.lang) q = q.where('documents.lang', '=', f.lang)
  if (f.docId) q = q.where('events.doc_id', '=', f.docId)
  if (f.id) q = q.where('events.id', '=', f.id)
  if (f.ids) q = f.ids.length ? q.where('events.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`)
  if (f.types?.length) q = q.where('events.type', 'in', f.types.map((t) => t.toUpperCase()))
  if (f.modalities?.length) q = q.where('events.modality', 'in', f.modalities)
  if (f.publisher) q = q.where('documents.publisher', '=', f.publisher)
  if (f.partner === 'named') q = q.where('events.target', 'is not', null)
  if (f.partner === 'none') q = q.where('events.target', 'is', null)
  return q
}

/** The rows a filter selects in date order (undated first, then by document and position), paged. */
function inOrder(db: Kysely<Database>, f: EventFilter) {
  let q = filtered(db, f).orderBy('events.date', (ob) => ob.asc().nullsFirst()).orderBy('events.doc_id').orderBy('events.start').orderBy('events.id')
  if (f.limit) q = q.limit(f.limit)
  if (f.offset) q = q.offset(f.offset)
  return q
}

/** The events a filter selects, in date order, paged. */
export function eventQuery(db: Kysely<Database>, f: EventFilter) {
  return inOrder(db, f).selectAll('events').select(['documents.file as file', 'documents.lang as lang', 'documents.date as doc_date', 'documents.publisher as publisher'])
}

/** The act fields of the events a filter selects (store.ts ActReport), in the same order: no sentence text, and a trace only for a deployment. */
export function actReportQuery(db: Kysely<Database>, f: EventFilter) {
  return inOrder(db, f)
    .select(['events.id', 'events.doc_id', 'events.source', 'events.target', 'events.type', 'events.mode', 'events.modality', 'events.date', 'events.quantity', 'events.confidence', 'documents.file as file', 'documents.date as doc_date', 'documents.publisher as publisher'])
    .select(sql<string | null>`case when events.type = 'MOBILIZE' then events.trace end`.as('trace'))
}

export function toActReport(r: { id: string; doc_id: string; source: string; target: string | null; type: string; mode: string; modality: string; date: string | null; quantity: string | null; confidence: number; file: string; doc_date: string | null; publisher: string | null; trace: string | null }): ActReport {
  return {
    id: r.id, docId: r.doc_id, file: r.file, docDate: r.doc_date, publisher: r.publisher, source: r.source, target: r.target, type: r.type, mode: r.mode,
    modality: r.modality, date: r.date, quantity: r.quantity, confidence: r.confidence, trace: r.trace ? JSON.parse(r.trace) as string[] : [],
  }
}

export function eventCountQuery(db: Kysely<Database>, f: EventFilter) {
  return filtered(db, f).select((eb) => eb.fn.countAll().as('n'))
}

type Row = Selectable<EventsTable> & { file: string; lang: string; doc_date: string | null; publisher: string | null }

export function toStoredEvent(r: Row): StoredEvent {
  return {
    id: r.id, docId: r.doc_id, file: r.file, lang: r.lang, docDate: r.doc_date, publisher: r.publisher, sentence: r.sentence, sentenceText: r.sentence_text,
    sentenceStart: r.sentence_start, source: r.source, target: r.target, type: r.type, mode: r.mode, polarity: r.polarity,
    modality: r.modality, date: r.date, start: r.start, end: r.end, sourceSpan: [r.source_start, r.source_end],
    targetSpan: r.target_start === null || r.target_end === null ? null : [r.target_start, r.target_end], quantity: r.quantity, attribution: r.attribution, rule: r.rule,
    trace: JSON.parse(r.trace) as string[], confidence: r.confidence,
  }
}
