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

const compatible = (a: string, b: string) => a.startsWith(b) || b.startsWith(a)

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
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  for (const [key, list] of groups) {
    const byDate = (a: Clusterable, b: Clusterable) => (b.date ?? '').length - (a.date ?? '').length || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)
    const clusters: { date: string; members: Clusterable[] }[] = []
    // Dated reports first; an undated one joins its own article's report, else counts from its article's month.
    for (const e of [...list].filter((x) => x.date).sort(byDate)) {
      const home = clusters.find((c) => compatible(c.date, e.date!))
      if (home) home.members.push(e)
      else clusters.push({ date: e.date!, members: [e] })
    }
    for (const e of [...list].filter((x) => !x.date).sort(byDate)) {
      const d = e.docDate?.slice(0, 7) ?? ''
      const home = clusters.find((c) => c.members.some((m) => m.docId === e.docId)) ?? clusters.find((c) => d !== '' && compatible(c.date, d))
      if (home) home.members.push(e)
      else clusters.push({ date: d, members: [e] })
    }
    for (const c of clusters) {
      const id = `c${createHash('sha256').update(`${key}|${c.date}|${c.members.map((m) => m.id).sort()[0]}`).digest('hex').slice(0, 10)}`
      const cluster: Cluster = { id, events: c.members.map((m) => m.id), sources: new Set(c.members.map((m) => m.outlet)).size }
      for (const m of c.members) byEvent.set(m.id, cluster)
    }
  }
  return byEvent
}
