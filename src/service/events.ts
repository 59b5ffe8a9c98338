import type { EventFilter, Store, StoredEvent } from '../store/store.ts'
import { clusterEvents, type Cluster } from '../analysis/cluster.ts'

/** The public shape of an event: what the CLI's json/jsonl/csv and the HTTP API return. */
export function eventRecord(e: StoredEvent, cluster?: Cluster) {
  return {
    id: e.id, file: e.file, source: e.source, target: e.target, type: e.type, mode: e.mode, polarity: e.polarity,
    modality: e.modality, date: e.date, quantity: e.quantity, sentence: e.sentenceText,
    start: e.start - e.sentenceStart, end: e.end - e.sentenceStart, rule: e.rule, confidence: e.confidence,
    doc: e.docId, lang: e.lang, attribution: e.attribution, trace: e.trace,
    cluster: cluster?.id ?? null, sources: cluster?.sources ?? 1, reports: cluster?.events.length ?? 1,
  }
}
export type EventRecord = ReturnType<typeof eventRecord>

/** Clusters of the same act across sentences and articles, keyed by event id. */
export function clustersOf(events: StoredEvent[]): Map<string, Cluster> {
  return clusterEvents(events.map((e) => ({ id: e.id, docId: e.docId, source: e.source, target: e.target, type: e.type, date: e.date, docDate: e.docDate, outlet: e.publisher ?? e.file })))
}

/** One page of the events a filter selects, each with its cluster among all the filter selects. */
export async function eventPage(store: Store, filter: EventFilter, page: { limit: number; offset: number }): Promise<{ total: number; items: EventRecord[] }> {
  const all = await store.events({ ...filter, limit: undefined, offset: undefined })
  const clusters = clustersOf(all)
  return { total: all.length, items: all.slice(page.offset, page.offset + page.limit).map((e) => eventRecord(e, clusters.get(e.id))) }
}
