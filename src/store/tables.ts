/** Row types of the database, as Kysely sees them. */
export interface SourcesTable { source_key: string; doc_id: string; file: string; updated_at: string }

export interface DocumentsTable {
  id: string
  file: string
  path: string
  format: string
  title: string | null
  publisher: string | null
  url: string | null
  lang: string
  lang_source: string
  date: string | null
  date_source: string | null
  date_rule: string | null
  text: string
  pipeline_version: number
  ingested_at: string
  /** 'news' or 'narrative' (null: stored before the mode was chosen per document, so news). */
  time_mode: string | null
  /** The digest of the analysis that made the annotations (src/kb/analysis-version.ts); null before migration 0016 or for imports. */
  analysis: string | null
}

export interface SentencesTable { doc_id: string; idx: number; start: number; end: number; rule: string }

export interface MentionsTable {
  doc_id: string; sentence: number; start: number; end: number; actor: string; kind: string; person: string | null; rule: string
  antecedent: number | null
}

export interface TimesTable {
  doc_id: string; sentence: number; start: number; end: number; text: string; value: string; date: string
  precision: string; end_value: string | null; mod: string | null; rule: string
}

export interface EventsTable {
  id: string
  doc_id: string
  sentence: number
  source: string
  target: string | null
  type: string
  mode: string
  polarity: string
  modality: string
  date: string | null
  start: number
  end: number
  source_start: number
  source_end: number
  target_start: number | null
  target_end: number | null
  quantity: string | null
  attribution: string | null
  rule: string
  trace: string
  confidence: number
  sentence_text: string
  sentence_start: number
}

/** The events table's columns in their stored order, with their SQL kinds (for bulk paths). */
/** The columns of a document's annotation rows, as the SQLite bulk path writes them (constant: never built from values). */
export const ANNOTATION_COLUMNS = {
  sentences: ['doc_id', 'idx', 'start', 'end', 'rule'],
  mentions: ['doc_id', 'sentence', 'start', 'end', 'actor', 'kind', 'person', 'rule', 'antecedent'],
  times: ['doc_id', 'sentence', 'start', 'end', 'text', 'value', 'date', 'precision', 'end_value', 'mod', 'rule'],
} as const satisfies { sentences: readonly (keyof SentencesTable)[]; mentions: readonly (keyof MentionsTable)[]; times: readonly (keyof TimesTable)[] }

export const EVENT_COLUMNS = ['id', 'doc_id', 'sentence', 'source', 'target', 'type', 'mode', 'polarity', 'modality', 'date', 'start', 'end', 'source_start', 'source_end', 'target_start', 'target_end', 'quantity', 'attribution', 'rule', 'trace', 'confidence', 'sentence_text', 'sentence_start'] as const satisfies readonly (keyof EventsTable)[]
export const INTEGER_EVENT_COLUMNS: ReadonlySet<string> = new Set(['sentence', 'start', 'end', 'source_start', 'source_end', 'target_start', 'target_end', 'sentence_start'])

/**
 * The relation series: acts per directed pair, month, type, mode and modality, kept up to date as
 * documents and imports are stored, so that questions over millions of events read thousands of rows.
 */
export interface PairMonthsTable {
  source: string
  target: string
  month: string
  type: string
  mode: string
  modality: string
  /** 1 for a deployment into the target ("stationed troops in Belarus"). */
  hosted: number
  acts: number
  /** Σ confidence of the acts. */
  strength: number
  /** Acts whose date the text states (the others take their article's date). */
  stated: number
  last_day: string
  /** The most confident event of the group, as evidence (null once that event is gone). */
  best_event: string | null
  best_confidence: number
}

/** One row: a counter raised by every write transaction. */
export interface StoreVersionTable { id: number; n: number }

/** A pair (a < b) at the end of a month it had acts: decayed act values, counts, state, evidence, flows (JSON). */
export interface PairStatesTable {
  a: string
  b: string
  month: string
  ab: number
  ba: number
  military: number
  diplomatic: number
  economic: number
  acts: number
  firm: number
  state: string
  since: string
  recent: string
  evidence: string
  flows: string
  /** Of recent months and flows, which pair_states leaves empty ('[]'): whether a state computed again changed. */
  digest: string
}

/** The pair states' columns in their stored order (for bulk paths). */
export const STATE_COLUMNS = ['a', 'b', 'month', 'ab', 'ba', 'military', 'diplomatic', 'economic', 'acts', 'firm', 'state', 'since', 'recent', 'evidence', 'flows', 'digest'] as const satisfies readonly (keyof PairStatesTable)[]

/**
 * The pair states again, once under each side (`actor` is a or b), keyed by actor, month and pair:
 * an actor's counterparts of one month lie side by side, so that a question about an actor reads a
 * few neighbouring pages instead of one page per counterpart. `pair_states` keeps what questions
 * about pairs read (its recent months and flows are left empty, '[]', with a digest of them): they are read here.
 */
export interface ActorStatesTable extends Omit<PairStatesTable, 'digest'> { actor: string }

/** The actor states' columns in their stored order (for bulk paths). */
export const ACTOR_STATE_COLUMNS = ['actor', ...STATE_COLUMNS.filter((c) => c !== 'digest')] as const satisfies readonly (keyof ActorStatesTable)[]

/**
 * A graph edge at the end of a month: the pair (`a|b`, a < b) as a snapshot on that day shows it,
 * for every month from its first state until its latest falls out of the graph's look-back, as the
 * graph's JSON. Keyed by month, so that a graph reads one contiguous range, in pair order.
 */
export interface PairEdgesTable { month: string; pair: string; edge: string }

/** The pair edges' columns in their stored order (for bulk paths). */
export const EDGE_COLUMNS = ['month', 'pair', 'edge'] as const satisfies readonly (keyof PairEdgesTable)[]

/**
 * Every pair with states: the first day of its history, its standing facts from the news (JSON),
 * and the month through which its graph edges are stored (EDGES_FINAL once no later month draws it).
 */
export interface PairsTable { a: string; b: string; first_day: string; last_month: string; acts: number; facts: string; edges_to: string }

/**
 * A month's graph edges as one value, in columns (src/relations/edge-columns.ts): what a graph on
 * the month's last day reads instead of the month's rows of `pair_edges`. Derived from them, kept
 * at the end of a refresh of all pair states, and dropped when an edge of that month changes.
 */
export interface MonthEdgesTable { month: string; edges: string }

/** Pairs whose series changed since their states were computed. */
export interface PairDirtyTable { a: string; b: string }

/** The model (parameters and knowledge) the pair states were computed with. */
export interface PairModelTable { id: number; model: string }

export interface Database {
  store_version: StoreVersionTable
  pair_months: PairMonthsTable
  pair_states: PairStatesTable
  actor_states: ActorStatesTable
  pair_edges: PairEdgesTable
  month_edges: MonthEdgesTable
  pairs: PairsTable
  pair_dirty: PairDirtyTable
  pair_model: PairModelTable
  sources: SourcesTable
  documents: DocumentsTable
  sentences: SentencesTable
  mentions: MentionsTable
  times: TimesTable
  events: EventsTable
}
