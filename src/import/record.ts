import { COOPERATIVE } from '../events/extract.ts'
import type { Dataset } from './mappings.ts'

/** One imported record as an event of Entente's model, with where it came from. */
export interface ImportedEvent {
  source: string
  target: string | null
  type: string
  mode: string
  polarity: 'coop' | 'conflict'
  modality: 'asserted'
  date: string | null
  quantity: string | null
  rule: string
  trace: string[]
  confidence: number
  /** What the record says, for a reader: the dataset's own id, actors, code and source. */
  evidence: string
  /** Where the evidence names the two parties. */
  sourceSpan: [number, number]
  targetSpan: [number, number] | null
}

/** Why a record was not imported: a reason kind and the value that could not be mapped. */
export interface Skip { reason: 'event code' | 'source actor' | 'target actor' | 'date' | 'malformed'; value: string }

export type Mapped = ImportedEvent | Skip

export const isSkip = (m: Mapped): m is Skip => 'reason' in m

export const polarityOf = (type: string): 'coop' | 'conflict' => (COOPERATIVE.has(type) ? 'coop' : 'conflict')

const days = new Map<string, string | null>()

/**
 * YYYYMMDD, YYYY-MM-DD or "17 June 2024" as YYYY-MM-DD; null when it is no calendar day. A file
 * names a few thousand days in a million records: each is read once.
 */
export function isoDay(value: string): string | null {
  let day = days.get(value)
  if (day === undefined) {
    if (days.size > 100_000) days.clear()
    days.set(value, (day = readDay(value)))
  }
  return day
}

function readDay(value: string): string | null {
  const v = value.trim()
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v)
  let y: number, mo: number, d: number
  if (m) { y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]) } else {
    m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(v)
    if (!m) return null
    const month = new Date(`${m[2]} 1, 2000`).getMonth()
    if (Number.isNaN(month)) return null
    y = Number(m[3]); mo = month + 1; d = Number(m[1])
  }
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1800 || y > 2200) return null
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The counts an import reports: nothing unmapped is dropped without being counted here. */
export interface ImportReport {
  dataset: Dataset
  files: { file: string; outcome: 'new' | 'unchanged' | 'replaced' | 'failed'; rows: number; imported: number; error?: string }[]
  rows: number
  imported: number
  oneSided: number
  skipped: Record<Skip['reason'], Record<string, number>>
  /** Rows that could not be read at all, by file and line (the first 20). */
  malformed: { file: string; line: number; problem: string }[]
  seconds: number
}
