import { createHash } from 'node:crypto'

/** What clustering reads from an event. */
export interface Clusterable {
  id: string
  docId: string
  source: string
  /** Null for a one-sided act. */
  target: string | null
  type: string
  date: string | null
  /** The article's publication date, used when the sentence gives none. */
  docDate: string | null
  /** Who published the article (publisher, else the file): independent sources are distinct ones. */
  outlet: string
}

export interface Cluster { id: string; events: string[]; sources: number }

const MUTUAL = new Set(['AGREE', 'CONSULT', 'COOPERATE'])

/**
 * Groups reports of the same act: the same actors (either order for mutual acts), the same type,
 * and dates that agree by prefix ("2024-06" and "2024-06-19"). An undated report takes its
 * article's month. Pure: the same events always give the same cluster ids.
 */
export function clusterEvents(events: Clusterable[]): Map<string, Cluster> {
  const byEvent = new Map<string, Cluster>()
  const groups = new Map<string, Clusterable[]>()
  for (const e of events) {
    const pair = MUTUAL.has(e.type) ? [e.source, e.target].sort().join('~') : `${e.source}>${e.target}`
    const key = `${pair}|${e.type}`
    const list = groups.get(key)
    if (list) list.push(e)
    else groups.set(key, [e])
  }
  for (const [key, list] of groups) {
    const byDate = (a: Clusterable, b: Clusterable) => (b.date ?? '').length - (a.date ?? '').length || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)
    const clusters = new DateClusters()
    // Dated reports first, the most precise first: a report joins the first cluster its date agrees with.
    for (const e of list.filter((x) => x.date).sort(byDate)) clusters.add(e, e.date!, clusters.firstStartingWith(e.date!))
    // An undated one joins its own article's report, else counts from its article's month.
    for (const e of list.filter((x) => !x.date).sort(byDate)) {
      const d = e.docDate?.slice(0, 7) ?? ''
      clusters.add(e, d, clusters.firstOfDoc(e.docId) ?? (d !== '' ? clusters.firstAgreeing(d) : undefined))
    }
    for (const c of clusters.list) {
      const id = `c${createHash('sha256').update(`${key}|${c.date}|${c.members.map((m) => m.id).sort()[0]}`).digest('hex').slice(0, 10)}`
      const cluster: Cluster = { id, events: c.members.map((m) => m.id), sources: new Set(c.members.map((m) => m.outlet)).size }
      for (const m of c.members) byEvent.set(m.id, cluster)
    }
  }
  return byEvent
}

/**
 * The clusters of one pair and type in the order they were opened, with indexes that find the first
 * one a date agrees with (by prefix, either way) or that holds a report of an article, without a
 * scan: a busy pair has thousands of reports.
 */
class DateClusters {
  readonly list: { date: string; members: Clusterable[] }[] = []
  /** Every prefix of every cluster's date → the first cluster whose date starts with it. */
  private readonly byPrefix = new Map<string, number>()
  /** A date → the first cluster of exactly that date. */
  private readonly byDate = new Map<string, number>()
  private readonly byDoc = new Map<string, number>()

  /** Puts a report in cluster `at`, or in a new cluster of `date`. */
  add(e: Clusterable, date: string, at: number | undefined): void {
    if (at === undefined) {
      at = this.list.length
      this.list.push({ date, members: [] })
      for (let n = 0; n <= date.length; n++) if (!this.byPrefix.has(date.slice(0, n))) this.byPrefix.set(date.slice(0, n), at)
      if (!this.byDate.has(date)) this.byDate.set(date, at)
    }
    this.list[at]!.members.push(e)
    const doc = this.byDoc.get(e.docId)
    if (doc === undefined || at < doc) this.byDoc.set(e.docId, at)
  }

  /** The first cluster whose date starts with `date` (the clusters opened before hold dates at least as precise). */
  firstStartingWith(date: string): number | undefined {
    return this.byPrefix.get(date)
  }

  /** The first cluster whose date starts with `date` or is a prefix of it. */
  firstAgreeing(date: string): number | undefined {
    let first = this.byPrefix.get(date)
    for (let n = 0; n < date.length; n++) {
      const at = this.byDate.get(date.slice(0, n))
      if (at !== undefined && (first === undefined || at < first)) first = at
    }
    return first
  }

  firstOfDoc(docId: string): number | undefined {
    return this.byDoc.get(docId)
  }
}
