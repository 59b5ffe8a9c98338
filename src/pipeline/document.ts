/** The document that flows through the pipeline: one text and every annotation on it, as offsets. */

export type Precision = 'day' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'week'

export interface DocDate {
  /** TIMEX-style calendar value: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string
  /** Where it came from: stated in the text, in metadata, estimated from the text, or given by the user. */
  source: 'text' | 'metadata' | 'estimated' | 'override'
  rule: string
}

export interface Sentence {
  index: number
  start: number
  end: number
  rule: string
}

export interface Token {
  start: number
  end: number
  text: string
  /** Lower-cased, diacritics folded: the key every lexicon lookup uses. */
  norm: string
  kind: 'word' | 'number' | 'punct'
  sentence: number
}

export type MentionKind = 'name' | 'form' | 'adjective' | 'metonym' | 'seat' | 'people' | 'person' | 'role' | 'title' | 'coref'

export interface Mention {
  start: number
  end: number
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number
  tokenEnd: number
  sentence: number
  /** The actor the words stand for at the document's date. */
  actor: string
  kind: MentionKind
  /** True when the matched form is a genitive ("Russlands"). */
  genitive: boolean
  person?: string
  /** For a state named through one of its generic parties ("Israeli police", "Palestinian youths"), that party. */
  party?: string
  /** For a reference ("das Land"), the start offset of the mention it refers back to. */
  antecedent?: number
  rule: string
}

export interface TimeExpression {
  start: number
  end: number
  sentence: number
  text: string
  /** TIMEX-style value: 2024, 2024-06, 2024-SU, 2024-Q1, 2024-W25, 2024-06-17. */
  value: string
  /** Calendar value usable as an event date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  precision: Precision
  /** For ranges ("zwischen 1979 und 1989"), the end value. */
  endValue?: string
  /** since / until / approx / early / mid / late. */
  mod?: string
  /** Durations and vague references do not date an event. */
  anchorable: boolean
  rule: string
}

export type Modality = 'asserted' | 'reported' | 'hedged' | 'planned' | 'denied' | 'negated'
export type Polarity = 'coop' | 'conflict'

export interface RelationEvent {
  sentence: number
  source: string
  /** Null for a one-sided act with no partner named ("Georgia's president resigned"). */
  target: string | null
  type: string
  mode: string
  polarity: Polarity
  modality: Modality
  date: string | null
  /** The trigger's span. */
  start: number
  end: number
  sourceMention: { start: number; end: number }
  targetMention: { start: number; end: number } | null
  quantity: string | null
  /** Who said so, when the event is reported. */
  attribution: string | null
  rule: string
  /** Rules that shaped the event beyond the trigger: roles, modality, date. */
  trace: string[]
  confidence: number
}

export interface Doc {
  id: string
  file: string
  sourceKey: string
  format: string
  title: string | null
  publisher: string | null
  url: string | null
  lang: string
  langSource: 'detected' | 'metadata' | 'override' | 'detected-section'
  date: DocDate | null
  text: string
  sentences: Sentence[]
  tokens: Token[]
  mentions: Mention[]
  times: TimeExpression[]
  /** How the times were anchored (src/time/mode.ts): to the publication date, or to the last date the text named. */
  timeMode?: 'news' | 'narrative'
  events: RelationEvent[]
  /** Which analysis made the annotations (src/kb/analysis-version.ts); unset for documents made outside ingestion. */
  analysis?: string
  /** The store holds this very document from this source already: it was not analysed (BuildOptions.stored). */
  stored?: true
}

/** What the store keeps of a document: everything but the tokens, which are rebuilt from the text. */
export type StorableDoc = Omit<Doc, 'tokens'>

export function storable(doc: Doc): StorableDoc {
  const { tokens: _tokens, ...rest } = doc
  return rest
}
