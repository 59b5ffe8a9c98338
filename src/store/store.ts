import type { StorableDoc } from '../pipeline/document.ts'
import type { ImportChunk } from '../import/chunks.ts'
import type { PairRecord, PairStateQuery, PairStateRecord, PairStateTx, PairStatus } from './pair-states.ts'
import type { SeriesMonth } from './series.ts'

/** `reanalysed`: stored already, its annotations made anew by the current analysis (src/kb/analysis-version.ts). */
export type SaveOutcome = 'new' | 'unchanged' | 'replaced' | 'reanalysed'
/** What storing an imported file does: imports have no analysis to make anew. */
export type ImportOutcome = Exclude<SaveOutcome, 'reanalysed'>

export interface EventFilter {
  actor?: string
  pair?: [string, string]
  type?: string
  from?: string
  to?: string
  lang?: string
  docId?: string
  id?: string
  /** Any of these event ids. */
  ids?: string[]
  /** Any of these PLOVER types. */
  types?: string[]
  /** Any of these modalities. */
  modalities?: string[]
  /** Articles from this publisher. */
  publisher?: string
  /** "named": only events with a partner; "none": only one-sided acts; default both. */
  partner?: 'named' | 'none'
  limit?: number
  offset?: number
}

/** An event as stored, with the file and sentence that state it. */
/** The fields of a stored event that make an act: no sentence, no spans; the trace only of a deployment (hosting, acts.ts). */
export type ActReport = Pick<StoredEvent, 'id' | 'docId' | 'file' | 'docDate' | 'publisher' | 'source' | 'target' | 'type' | 'mode' | 'modality' | 'date' | 'quantity' | 'trace' | 'confidence'>

export interface StoredEvent {
  id: string
  docId: string
  file: string
  lang: string
  docDate: string | null
  publisher: string | null
  sentence: number
  sentenceText: string
  sentenceStart: number
  source: string
  target: string | null
  type: string
  mode: string
  polarity: string
  modality: string
  date: string | null
  start: number
  end: number
  sourceSpan: [number, number]
  targetSpan: [number, number] | null
  quantity: string | null
  attribution: string | null
  rule: string
  trace: string[]
  confidence: number
}

export interface StoredDocument {
  id: string
  file: string
  path: string
  format: string
  title: string | null
  publisher: string | null
  url: string | null
  lang: string
  date: string | null
  dateSource: string | null
  /** How relative time expressions were anchored: to the publication date, or to the last date the text named. */
  timeMode: 'news' | 'narrative'
  text: string
  sentences: { idx: number; start: number; end: number }[]
  mentions: { sentence: number; start: number; end: number; actor: string; kind: string; rule: string; antecedent: number | null }[]
  times: { sentence: number; start: number; end: number; text: string; value: string; rule: string }[]
  events: StoredEvent[]
}

/**
 * A stored article as ingestion made it, before the understanding stages: what `entente reanalyse`
 * runs them over again. `sourceKey` and `path` are those of one of its sources.
 */
export interface StoredArticle {
  id: string; file: string; path: string; sourceKey: string; format: string; title: string | null; publisher: string | null; url: string | null
  lang: string; langSource: string; date: { value: string; source: string; rule: string } | null; text: string
}

/** A document as a list shows it. */
export interface DocumentSummary { id: string; file: string; title: string | null; publisher: string | null; lang: string; date: string | null; dateSource: string | null; events: number }

export interface Stats {
  documents: number
  sentences: number
  mentions: number
  events: number
  actors: number
  dateRange: { from: string | null; to: string | null }
}

/** A file of an event dataset, stored as one document that holds its records as events. */
export interface ImportDocument {
  /** A hash of the dataset and the file's content: the same file imported again is a no-op. */
  id: string
  sourceKey: string
  file: string
  path: string
  /** The dataset: gdelt, icews, acled, polecat. */
  format: string
  title: string
}

/** One group of the relation series: a directed pair's acts of one kind in one month. */
export interface SeriesRow {
  source: string
  target: string
  month: string
  type: string
  mode: string
  modality: string
  hosted: boolean
  acts: number
  strength: number
  stated: number
  lastDay: string
  bestEvent: string | null
}

export interface SeriesFilter {
  /** Groups with this actor on either side. */
  actor?: string
  /** Groups between these two, either way. */
  pair?: [string, string]
  /** Groups between any of these pairs, either way. */
  pairs?: [string, string][]
  /** Groups of this type and mode only. */
  type?: string
  mode?: string
  /** Months from (YYYY-MM, inclusive). */
  from?: string
  /** Months up to (YYYY-MM, inclusive). */
  to?: string
  /** Groups whose latest day is on or before this day (YYYY-MM-DD): a group's acts are placed on it. */
  lastDayTo?: string
}

/** The storage contract, implemented for SQLite and PostgreSQL. */
export interface Store {
  /** Stores a document and its annotations in one transaction, replacing an older version from the same source. */
  saveDocument(doc: StorableDoc, path: string): Promise<SaveOutcome>
  /** Stores several documents in one transaction (all or none), for throughput; outcomes in order. */
  saveDocuments(items: { doc: StorableDoc; path: string }[]): Promise<SaveOutcome[]>
  /**
   * The documents a file's sources (the file, its items `#n`, its language parts `@n`) hold now, by
   * source key, when the analysis `analysis` (src/kb/analysis-version.ts) made them: reading the
   * file again may skip those of its articles that are unchanged. The others are analysed anew, and
   * their annotations replaced.
   */
  storedSources(path: string, analysis: string): Promise<Map<string, string>>
  /**
   * Stores an imported file's events and series groups, read chunk by chunk (src/import/chunks.ts),
   * in one transaction: a file is either wholly stored or not at all, and replaces an older version
   * of the same source.
   */
  saveImport(doc: ImportDocument, chunks: AsyncIterable<ImportChunk>): Promise<{ outcome: ImportOutcome; events: number }>
  /**
   * Stored articles (imports aside) that an analysis other than `analysis` made (or one stored
   * before analyses were recorded), in id order after `after`.
   */
  outdatedArticles(analysis: string, page: { after: string | null; limit: number }): Promise<StoredArticle[]>
  /** How many stored articles `outdatedArticles` lists in all. */
  countOutdated(analysis: string): Promise<number>
  /** The relation series, kept up to date as documents and imports are stored. */
  series(filter: SeriesFilter): Promise<SeriesRow[]>
  /** Acts per month of the relation series, the generic parties' counted apart, and the latest day with named acts (for timelines of big stores). */
  seriesMonths(generic: string[]): Promise<SeriesMonth[]>
  /** The latest month of the relation series (YYYY-MM), if any. */
  seriesHorizon(): Promise<string | null>
  /** Runs work on the pair states in one write transaction (src/service/pair-states.ts). */
  pairStateWork<T>(work: (tx: PairStateTx) => Promise<T>): Promise<T>
  /** Stored pair states (src/relations/pair-state.ts). */
  pairStates(q: PairStateQuery): Promise<PairStateRecord[]>
  /** Pairs with stored states (all, those of an actor, or these), and their standing facts from the news. */
  pairs(which?: string | [string, string][]): Promise<PairRecord[]>
  /**
   * The graph edges stored for a month's last day, as columns (src/relations/edge-columns.ts); null
   * where some pair's edges do not reach it. Kept as one value once the pair states are refreshed.
   */
  monthEdges(month: string): Promise<string | null>
  /** The model the pair states were computed with, how many pairs (of these actors) wait to be computed again, and whether graph edges lag behind the news. */
  pairStatus(actors?: string[]): Promise<PairStatus>
  /** The document id a source (file, or file#item) last produced. */
  sourceDoc(sourceKey: string): Promise<string | null>
  events(filter: EventFilter): Promise<StoredEvent[]>
  /**
   * What relations read of the events a filter selects, without their sentences: thousands of them
   * make one pair's acts, and only the few shown as evidence need their text (`events` by id).
   */
  actReports(filter: EventFilter): Promise<ActReport[]>
  /** How many events match (limit and offset aside). */
  countEvents(filter: EventFilter): Promise<number>
  /** Documents, newest first. */
  documents(page: { limit: number; offset: number; lang?: string }): Promise<{ total: number; items: DocumentSummary[] }>
  /** Removes a document, its annotations, its share of the relation series and the sources that produced it; false if there was none. */
  deleteDocument(id: string): Promise<boolean>
  event(id: string): Promise<StoredEvent | null>
  document(idOrFile: string): Promise<StoredDocument | null>
  stats(): Promise<Stats>
  /** A number that changes whenever anything is written, by any process (for caches). */
  version(): Promise<number>
  close(): Promise<void>
}
