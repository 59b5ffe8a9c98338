import { SeriesGroups } from '../store/series-groups.ts'
import { GROUP_COLUMNS } from '../store/series.ts'
import type { ImportedEvent } from './record.ts'

/**
 * An imported event as the store writes it: only what varies from record to record, in
 * IMPORT_ROW_COLUMNS order. The event's number in its file comes first (its id is the file's id,
 * "-" and the number); the other columns are the same for every record of a file (IMPORT_CONSTANTS).
 * Tuples rather than objects: they cross from the worker thread that reads the file in a third of
 * the time.
 */
export type ImportRow = [
  n: number, source: string, target: string | null, type: string, mode: string, polarity: string, modality: string, date: string | null,
  end: number, sourceStart: number, sourceEnd: number, targetStart: number | null, targetEnd: number | null,
  quantity: string | null, rule: string, trace: string, confidence: number, evidence: string,
]

/** The events columns of an ImportRow after its number, in order. */
export const IMPORT_ROW_COLUMNS = ['source', 'target', 'type', 'mode', 'polarity', 'modality', 'date', 'end', 'source_start', 'source_end', 'target_start', 'target_end', 'quantity', 'rule', 'trace', 'confidence', 'sentence_text'] as const

/** The events columns every imported record shares (doc_id and id aside): one sentence, the evidence line. */
export const IMPORT_CONSTANTS = { sentence: 0, start: 0, attribution: null, sentence_start: 0 } as const

/** The kinds of an ImportRow's values, for packing (src/import/tuple-codec.ts). */
export const IMPORT_ROW_LAYOUT = 'ndddddddnnnnnddtnt'

/** A series group as a tuple in GROUP_COLUMNS order (src/store/series.ts). */
export type GroupRow = (string | number | null)[]

/** The kinds of a GroupRow's values, for packing. */
export const GROUP_ROW_LAYOUT = 'ddddddnnnndtn'

/**
 * What a file's import hands the store, in order: its events batch by batch, the series groups
 * counted from them every so often, and at the end the latest date and the pairs it touched.
 */
export type ImportChunk =
  | { kind: 'events'; rows: ImportRow[] }
  | { kind: 'groups'; rows: GroupRow[] }
  | { kind: 'end'; latest: string | null; pairs: [string, string][] }

/** Series groups an import holds in memory before handing them on to be added to the stored series. */
export const SERIES_FLUSH = 25_000

/** The row the store writes for an imported event, numbered n in its file. */
export function importRow(n: number, e: ImportedEvent): ImportRow {
  return [
    n, e.source, e.target, e.type, e.mode, e.polarity, e.modality, e.date, e.evidence.length, e.sourceSpan[0], e.sourceSpan[1], e.targetSpan?.[0] ?? null, e.targetSpan?.[1] ?? null,
    e.quantity, e.rule, JSON.stringify(e.trace), e.confidence, e.evidence,
  ]
}

/**
 * A file's mapped events as the chunks the store writes: numbered from 1 in their order, grouped
 * for the relation series as they pass (SERIES_FLUSH groups at a time), the undated ones placed on
 * the file's latest date at the end. Pure: it runs on the thread that reads the file.
 */
export async function* importChunks(docId: string, batches: AsyncIterable<ImportedEvent[]>): AsyncGenerator<ImportChunk> {
  const series = new SeriesGroups()
  let count = 0
  let latest: string | null = null
  const groups = (): ImportChunk => ({ kind: 'groups', rows: series.take().map((g) => GROUP_COLUMNS.map((c) => g[c])) })
  for await (const batch of batches) {
    const rows = batch.map((e) => {
      const n = ++count
      series.add({ id: `${docId}-${n}`, source: e.source, target: e.target, date: e.date, type: e.type, mode: e.mode, modality: e.modality, confidence: e.confidence, trace: e.trace })
      if (e.date !== null && (latest === null || e.date > latest)) latest = e.date
      return importRow(n, e)
    })
    yield { kind: 'events', rows }
    if (series.size >= SERIES_FLUSH) yield groups()
  }
  series.placeUndated(latest)
  if (series.size) yield groups()
  yield { kind: 'end', latest, pairs: series.pairList() }
}
