import { isHosting } from '../relations/acts.ts'
import type { PairMonthsTable } from './tables.ts'

/** What the series needs of an event being stored. */
export interface GroupedEvent {
  id: string
  source: string
  target: string | null
  date: string | null
  type: string
  mode: string
  modality: string
  confidence: number
  trace: readonly string[]
}

type Paired = GroupedEvent & { target: string }

/** An act between two actors: the series counts no other. */
const hasPartner = (e: GroupedEvent): e is Paired => e.target !== null && e.target !== e.source

/** The day the series places a date on: the same cases as DAY in series.ts, in the same order. */
function dayOf(date: string): string {
  if (date.length === 10) return date
  if (date.length === 7) return `${date}-15`
  return `${date.slice(0, 4)}-07-01`
}

/**
 * The relation series' groups of events held in memory, as `grouped` in series.ts counts them in
 * SQL, for a document without a date of its own (an imported file): its events are grouped while
 * they are stored instead of being read back and sorted. Acts without a partner and an actor's acts
 * towards itself belong to no group; an undated act takes the document's date once it is known
 * (`placeUndated`). Of acts equally confident, the least id is the group's evidence.
 */
export class SeriesGroups {
  private groups = new Map<string, PairMonthsTable>()
  private undated: Paired[] = []
  private readonly pairs = new Set<string>()

  get size(): number {
    return this.groups.size
  }

  add(e: GroupedEvent): void {
    if (!hasPartner(e)) return
    this.pairs.add(e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`)
    if (e.date === null) this.undated.push(e)
    else this.count(e, e.date, 1)
  }

  /** The undated acts, placed on the document's date (as the series counts them); none if it has none. */
  placeUndated(docDate: string | null): void {
    if (docDate !== null) for (const e of this.undated) this.count(e, docDate, 0)
    this.undated = []
  }

  private count(e: Paired, date: string, stated: 0 | 1): void {
    const day = dayOf(date)
    const month = day.slice(0, 7)
    const hosted = isHosting(e.type, e.trace) ? 1 : 0
    const key = `${e.source}\u0000${e.target}\u0000${month}\u0000${e.type}\u0000${e.mode}\u0000${e.modality}\u0000${hosted}`
    const g = this.groups.get(key)
    if (!g) {
      this.groups.set(key, {
        source: e.source, target: e.target, month, type: e.type, mode: e.mode, modality: e.modality, hosted,
        acts: 1, strength: e.confidence, stated, last_day: day, best_event: e.id, best_confidence: e.confidence,
      })
      return
    }
    g.acts++
    g.strength += e.confidence
    g.stated += stated
    if (day > g.last_day) g.last_day = day
    if (e.confidence > g.best_confidence || (e.confidence === g.best_confidence && e.id < g.best_event!)) {
      g.best_confidence = e.confidence
      g.best_event = e.id
    }
  }

  /** Every pair with an act, dated or not, each once, its two actors in order (as `pair_dirty` keeps them). */
  pairList(): [string, string][] {
    return [...this.pairs].map((p) => p.split('\u0000') as [string, string])
  }

  /**
   * The groups counted so far, which are then forgotten (they are added to the stored series in
   * turn), in the order of the series' key: each lands next to the one before in its index.
   */
  take(): PairMonthsTable[] {
    const keys = [...this.groups.keys()].sort()
    const rows = keys.map((k) => this.groups.get(k)!)
    this.groups = new Map()
    return rows
  }
}
