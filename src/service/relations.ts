import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { ActReport, SeriesFilter, SeriesRow, Store, StoredEvent } from '../store/store.ts'
import { clustersOf } from './events.ts'
import { isHosting, type Act } from '../relations/acts.ts'
import { addMonths, placeDate } from '../relations/dates.ts'
import { loadRelationParams, type RelationParams } from '../relations/params.ts'
import { DATA_DIR } from './context.ts'

let params: RelationParams | undefined
/** The model's parameters (data/relations.yaml), with the half-life the user may override. */
export function relationParams(halfLifeMonths?: number): RelationParams {
  params ??= loadRelationParams(DATA_DIR)
  return halfLifeMonths ? { ...params, halfLifeMonths } : params
}

const PRECISION = (d: string | null) => (d ? d.length : 0)

/**
 * Reports to acts: one act per cluster of reports of the same event, placed on the most precise
 * date a report states, else the publication date of its article. Reports with neither are left
 * out and counted.
 */
export interface ActSet {
  acts: Act[]
  /** Reports with no date of their own and no publication date: left out. */
  undated: number
  /** The reports behind the acts with their sentences, by id: only those asked for with withReports. */
  events: Map<string, StoredEvent>
  /** True when the acts are groups of the relation series rather than reports. */
  fromSeries?: boolean
}

type PairReport = ActReport & { target: string }

export function actsFromEvents(all: ActReport[], kb: KnowledgeBase): ActSet {
  // A one-sided act ("Georgia's president resigned") relates no pair (the store queries above leave
  // them out already; this also narrows the type for any other caller).
  // A state's act towards its own people or institutions (imported data codes many) relates no pair either.
  const events = all.filter((e): e is PairReport => e.target !== null && e.target !== e.source)
  const outlet = (e: ActReport) => e.publisher ?? e.file
  const clusters = clustersOf(events)
  const members = new Map<string, PairReport[]>()
  for (const e of events) {
    const c = clusters.get(e.id)?.id ?? e.id
    members.set(c, [...(members.get(c) ?? []), e])
  }
  const acts: Act[] = []
  let undated = 0
  // Generic parties (police, rebels) are no counterparts in relations between named actors.
  const generic = (id: string) => kb.actors.get(id)?.kind === 'sector'
  for (const reports of members.values()) {
    if (generic(reports[0]!.source) || generic(reports[0]!.target)) continue
    const best = [...reports].sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id))[0]!
    const stated = [...reports].filter((e) => e.date).sort((a, b) => PRECISION(b.date) - PRECISION(a.date))[0]?.date ?? null
    const day = placeDate(stated ?? best.docDate ?? '')
    if (!day) { undated += reports.length; continue }
    acts.push({
      id: best.id, ids: reports.map((e) => e.id).sort(), source: best.source, target: best.target, type: best.type, mode: best.mode,
      modality: best.modality, confidence: best.confidence, day, stated: stated !== null,
      outlets: [...new Set(reports.map(outlet))].sort(), quantity: reports.find((e) => e.quantity)?.quantity ?? null,
      hosted: isHosting(best.type, best.trace),
    })
  }
  return { acts: [...acts, ...leaderShares(acts, kb)], undated, events: new Map() }
}

/** Acts towards a bloc led by one state ("die vom Kreml geführte OVKS") count partly towards that state. */
function leaderShares(acts: Act[], kb: KnowledgeBase): Act[] {
  const leaders = new Map(kb.blocs.filter((b) => b.led_by).map((b) => [b.org, b.led_by!]))
  const out: Act[] = []
  for (const x of acts) {
    const toBloc = leaders.get(x.target)
    const fromBloc = leaders.get(x.source)
    if (toBloc && toBloc !== x.source) out.push({ ...x, target: toBloc, via: x.target })
    if (fromBloc && fromBloc !== x.target) out.push({ ...x, source: fromBloc, via: x.source })
  }
  return out
}

/** A group of the relation series as one act that stands for `acts` reports. */
function actOfSeries(r: SeriesRow): Act {
  const id = r.bestEvent ?? `series:${r.source}>${r.target}:${r.month}:${r.type}:${r.mode}:${r.modality}`
  return {
    id, ids: r.bestEvent ? [r.bestEvent] : [], source: r.source, target: r.target, type: r.type, mode: r.mode, modality: r.modality,
    confidence: r.acts ? r.strength / r.acts : 0, day: r.lastDay, stated: r.stated > 0, outlets: [], quantity: null, hosted: r.hosted, count: r.acts,
  }
}

/** Acts from the relation series: generic parties left out, bloc leaders' shares added, as for reports. */
export function actsFromSeries(rows: SeriesRow[], kb: KnowledgeBase): ActSet {
  const generic = (id: string) => kb.actors.get(id)?.kind === 'sector'
  const acts = rows.filter((r) => r.acts > 0 && !generic(r.source) && !generic(r.target)).map(actOfSeries)
  return { acts: [...acts, ...leaderShares(acts, kb)], undated: 0, events: new Map(), fromSeries: true }
}

const seriesTotal = (rows: SeriesRow[]) => rows.reduce((n, r) => n + r.acts, 0)
export const seriesKey = (r: SeriesRow) => `${r.source}>${r.target}|${r.month}|${r.type}|${r.mode}|${r.modality}|${r.hosted}`

/**
 * The acts that bear on an actor's relations: its own, and those with the blocs it leads. Read
 * report by report, or from the relation series when there are more than the model's
 * `series.above` acts (data/relations.yaml).
 */
export async function actsAround(store: Store, kb: KnowledgeBase, actor: string, o: { exact?: boolean } = {}): Promise<ActSet> {
  const led = kb.blocs.filter((b) => b.led_by === actor).map((b) => b.org)
  const ids = [actor, ...led]
  const rows = new Map<string, SeriesRow>()
  for (const id of ids) for (const r of await store.series({ actor: id })) rows.set(seriesKey(r), r)
  if (!o.exact && seriesTotal([...rows.values()]) > relationParams().series.above) return actsFromSeries([...rows.values()], kb)
  const seen = new Set<string>()
  const events: ActReport[] = []
  for (const id of ids) {
    for (const e of await store.actReports({ actor: id, partner: 'named' })) if (!seen.has(e.id)) { seen.add(e.id); events.push(e) }
  }
  return actsFromEvents(events, kb)
}

/** The pairs whose acts bear on a and b: their own, and those with the blocs either side leads (leaderShares). */
export function pairsFeeding(a: string, b: string, kb: KnowledgeBase): [string, string][] {
  const out: [string, string][] = [[a, b]]
  for (const bloc of kb.blocs) {
    if (bloc.led_by === b && bloc.org !== a) out.push([a, bloc.org])
    if (bloc.led_by === a && bloc.org !== b) out.push([bloc.org, b])
  }
  return out
}

/** Membership retreats ("froze its participation in the CSTO"), which end bloc facts (standing.ts). */
const MEMBERSHIP_RETREATS = { type: 'RETREAT', mode: 'membership' } as const

/** Every membership retreat in the series, as acts (bloc facts take the firm ones). */
export async function membershipRetreats(source: { series(f: SeriesFilter): Promise<SeriesRow[]> }, kb: KnowledgeBase): Promise<Act[]> {
  return actsFromSeries(await source.series(MEMBERSHIP_RETREATS), kb).acts
}

/**
 * The acts between two actors, and those with the blocs either leads: read from the relation series
 * when the pair has more than `series.above` acts, else report by report. Membership retreats of
 * every actor come along (they end bloc facts).
 */
export async function actsBetween(store: Store, kb: KnowledgeBase, a: string, b: string, o: { exact?: boolean } = {}): Promise<ActSet> {
  const pairs = pairsFeeding(a, b, kb)
  const retreats = await store.series(MEMBERSHIP_RETREATS)
  const rows = new Map<string, SeriesRow>()
  for (const r of [...(await store.series({ pairs })), ...retreats]) rows.set(seriesKey(r), r)
  if (!o.exact && seriesTotal([...rows.values()]) > relationParams().series.above) return actsFromSeries([...rows.values()], kb)
  const seen = new Set<string>()
  const events: ActReport[] = []
  for (const pair of pairs) for (const e of await store.actReports({ pair, partner: 'named' })) if (!seen.has(e.id)) { seen.add(e.id); events.push(e) }
  for (const e of await store.actReports({ type: 'RETREAT', partner: 'named' })) if (e.mode === 'membership' && !seen.has(e.id)) { seen.add(e.id); events.push(e) }
  return actsFromEvents(events, kb)
}

/**
 * Every act in the store, for graphs and blocs at a date; from the relation series when the store
 * holds more than `series.above` acts, then only the months that still weigh at that date (all of
 * them with `whole`).
 */
export async function allActs(store: Store, kb: KnowledgeBase, at?: string, o: { whole?: boolean; exact?: boolean } = {}): Promise<ActSet> {
  const p = relationParams()
  const to = at?.slice(0, 7) ?? (await store.seriesHorizon())
  const from = to && !o.whole ? addMonths(to, -Math.ceil(p.series.lookbackHalfLives * p.halfLifeMonths)) : undefined
  const recent = await store.series({ ...(from ? { from } : {}), ...(to ? { to } : {}) })
  if (!o.exact && seriesTotal(recent) > p.series.above) return actsFromSeries(recent, kb)
  return actsFromEvents(await store.actReports({ partner: 'named' }), kb)
}

/**
 * Puts the report that stands for each of these acts into the set, with its sentence, for evidence:
 * one read per act shown, however many reports the act has.
 */
export async function withReports(store: Store, set: ActSet, acts: Act[]): Promise<void> {
  const missing = [...new Set(acts.map((x) => x.id))].filter((id) => !set.events.has(id))
  for (let i = 0; i < missing.length; i += 500) {
    for (const e of await store.events({ ids: missing.slice(i, i + 500) })) if (e.target !== null) set.events.set(e.id, e)
  }
}

/** The date questions default to: the latest act (the news horizon), else today. */
export function newsHorizon(acts: Act[]): string {
  let latest = ''
  for (const x of acts) if (x.day > latest) latest = x.day
  return latest || new Date().toISOString().slice(0, 10)
}
