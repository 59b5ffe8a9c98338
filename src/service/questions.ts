import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store, StoredEvent } from '../store/store.ts'
import { alliesOf, changesOf, type Change, type Counterpart } from '../relations/allies.ts'
import { valueAt, valueOf } from '../relations/acts.ts'
import { addMonths, endOfDate, parseSpan, startOfDate } from '../relations/dates.ts'
import { blocsOf, relationGraph, type RelationBloc, type RelationGraph } from '../relations/graph.ts'
import { firstDay, monthlySeries, pairHistory, sinceOf, snapshot, stateChanges, trendOf, trendOfSeries, type FlowTotal, type MonthPoint, type PairSnapshot, type StateChange, type Trend } from '../relations/pair.ts'
import type { StandingFact } from '../relations/standing.ts'
import { actsAround, actsBetween, allActs, newsHorizon, relationParams, withReports, type ActSet } from './relations.ts'
import { refreshPairStates } from './pair-states.ts'
import { alliesFromStates, graphFromStates } from './state-answers.ts'
import type { RelationParams } from '../relations/params.ts'

/** Options every relation question takes. */
export interface ModelOptions {
  /** Half-life of a contribution, e.g. "12m" (default: data/relations.yaml). */
  halfLife?: string
  /** Read the acts report by report even where the relation series would answer (slower on big stores). */
  exact?: boolean
}

const nameOf = (kb: KnowledgeBase, id: string) => kb.actors.get(id)?.name ?? id
const paramsFor = (o: ModelOptions) => relationParams(o.halfLife ? parseSpan(o.halfLife) : undefined)

/** A flow as `allies` lists it: its totals (the pair's relation gives its evidence). */
const flowTotal = ({ kind, from, to, acts, latest, quantity }: FlowTotal): FlowTotal => ({ kind, from, to, acts, latest, quantity })

function factRecord(f: StandingFact) {
  return { kind: f.kind, a: f.a, b: f.b, from: f.from, to: f.to, basis: f.basis }
}

export interface AllyRecord {
  actor: string
  name: string
  state: Counterpart['state']
  score: number
  trend: Trend
  change: number
  since: string | null
  confidence: Counterpart['confidence']
  acts: number
  sources: number
  dimensions: Counterpart['dimensions']
  directed: Counterpart['directed']
  flows: Counterpart['flows']
  standing: ReturnType<typeof factRecord>[]
  evidence: string[]
}

export interface AlliesAnswer { actor: string; name: string; at: string; windowMonths: number; halfLifeMonths: number; undated: number; counterparts: AllyRecord[] }

/** Every counterpart of an actor at a date, from most cooperative to most hostile. */
export async function allies(store: Store, kb: KnowledgeBase, actor: string, o: ModelOptions & { at?: string; window?: string } = {}): Promise<AlliesAnswer> {
  const p = paramsFor(o)
  const windowMonths = parseSpan(o.window ?? '24m')
  const fast = await fromStates(store, kb, o, [actor], () => alliesFromStates(store, kb, actor, o.at ? endOfDate(o.at) : undefined, windowMonths, p))
  const set = fast ? { acts: [], undated: 0 } : await actsAround(store, kb, actor, { exact: o.exact ?? false })
  const at = fast?.at ?? (o.at ? endOfDate(o.at) : newsHorizon(set.acts))
  const found = fast?.counterparts ?? alliesOf(actor, set.acts, kb.blocs, at, windowMonths, p)
  const counterparts = found.map((c): AllyRecord => ({
    actor: c.actor, name: nameOf(kb, c.actor), state: c.state, score: c.score, trend: c.trend, change: c.change, since: c.since,
    confidence: c.confidence, acts: c.acts, sources: c.sources, dimensions: c.dimensions, directed: c.directed, flows: c.flows.map(flowTotal),
    standing: c.standing.map(factRecord), evidence: c.evidence.map((e) => e.id),
  }))
  return { actor, name: nameOf(kb, actor), at, windowMonths, halfLifeMonths: p.halfLifeMonths, undated: set.undated, counterparts }
}

export interface EvidenceRecord {
  id: string
  day: string
  stated: boolean
  source: string
  target: string
  type: string
  mode: string
  modality: string
  /** What the act added on its own day, and what is left of it at the end of the period. */
  value: number
  valueAtEnd: number
  reports: number
  via: string | null
  sentence: string
  file: string
  /** The article, and the trigger and the two actors as offsets into the sentence. */
  doc: string
  trigger: [number, number] | null
  sourceSpan: [number, number] | null
  targetSpan: [number, number] | null
  confidence: number
  publisher: string | null
}

export interface RelationAnswer {
  a: string
  b: string
  names: [string, string]
  from: string
  to: string
  halfLifeMonths: number
  now: PairSnapshot & { trend: Trend; change: number; since: string | null }
  series: MonthPoint[]
  changes: StateChange[]
  standing: ReturnType<typeof factRecord>[]
  /** The latest acts of the period (at most `evidence` of them, in day order), and how many the period holds. */
  evidence: EvidenceRecord[]
  evidenceTotal: number
}

/** Acts a relation lists as evidence unless asked for more: the latest of the period. */
export const RELATION_EVIDENCE = 200

function evidenceOf(set: ActSet, ids: string[]): StoredEvent | undefined {
  for (const id of ids) { const e = set.events.get(id); if (e) return e }
  return undefined
}

/** The relation of two actors over a period: monthly series, state changes and their causes, evidence. */
export async function relation(store: Store, kb: KnowledgeBase, a: string, b: string, o: ModelOptions & { from?: string; to?: string; window?: string; evidence?: number } = {}): Promise<RelationAnswer> {
  const p = paramsFor(o)
  const set = await actsBetween(store, kb, a, b, { exact: o.exact ?? false })
  const h = pairHistory(a, b, set.acts, kb.blocs)
  const to = o.to ? endOfDate(o.to) : newsHorizon(h.acts.length ? h.acts : set.acts)
  const first = firstDay(h)
  // By default from the pair's first evidence, but no more than ten years back.
  const from = o.from ? startOfDate(o.from) : first && first > `${addMonths(to.slice(0, 7), -120)}-01` ? first : `${addMonths(to.slice(0, 7), -120)}-01`
  const series = from <= to ? monthlySeries(h, from.slice(0, 7), to.slice(0, 7), p) : []
  const now = snapshot(h, to, p)
  const inPeriod = h.acts.filter((x) => x.day >= from && x.day <= to).sort((u, v) => u.day.localeCompare(v.day))
  // A busy pair of a big store has tens of thousands of acts in ten years: the latest are listed,
  // and their sentences read.
  const limit = o.evidence ?? RELATION_EVIDENCE
  const shown = limit > 0 ? inPeriod.slice(-limit) : []
  await withReports(store, set, shown)
  const evidence = shown.map((x): EvidenceRecord => {
    const e = evidenceOf(set, [x.id, ...x.ids])
    return {
      id: x.id, day: x.day, stated: x.stated, source: x.source, target: x.target, type: x.type, mode: x.mode, modality: x.modality,
      value: Math.round(valueOf(x, p) * 100) / 100, valueAtEnd: Math.round(valueAt(x, to, p) * 100) / 100, reports: x.count ?? x.ids.length,
      via: x.via ?? null, sentence: e?.sentenceText ?? '', file: e?.file ?? '', doc: e?.docId ?? '', confidence: x.confidence, publisher: e?.publisher ?? null,
      trigger: e ? [e.start - e.sentenceStart, e.end - e.sentenceStart] : null,
      sourceSpan: e ? [e.sourceSpan[0] - e.sentenceStart, e.sourceSpan[1] - e.sentenceStart] : null,
      targetSpan: e?.targetSpan ? [e.targetSpan[0] - e.sentenceStart, e.targetSpan[1] - e.sentenceStart] : null,
    }
  })
  return {
    a, b, names: [nameOf(kb, a), nameOf(kb, b)], from, to, halfLifeMonths: p.halfLifeMonths,
    // The trend of the period asked for, else of the window before its end.
    now: { ...now, ...(o.from ? trendOfSeries(series, p) : trendOf(h, to, parseSpan(o.window ?? '24m'), p)), since: sinceOf(h, to, p) },
    series, changes: stateChanges(h, series, p), standing: h.facts.map(factRecord), evidence, evidenceTotal: inPeriod.length,
  }
}

export interface ChangesAnswer { actor: string; from: string; to: string; changes: (Change & { name: string })[] }

/** Who moved from one state to another with the actor between two dates, ranked by how far. */
export async function changes(store: Store, kb: KnowledgeBase, actor: string, o: ModelOptions & { from: string; to: string }): Promise<ChangesAnswer> {
  const p = paramsFor(o)
  const set = await actsAround(store, kb, actor, { exact: o.exact ?? false })
  const from = endOfDate(o.from)
  const to = endOfDate(o.to)
  return { actor, from, to, changes: changesOf(actor, set.acts, kb.blocs, from, to, p).map((c) => ({ ...c, name: nameOf(kb, c.actor) })) }
}

export interface BlocsAnswer { at: string; blocs: (RelationBloc & { names: string[] })[] }

/** Groups of actors that cooperate with each other at a date. */
export async function blocs(store: Store, kb: KnowledgeBase, o: ModelOptions & { at?: string } = {}): Promise<BlocsAnswer> {
  const p = paramsFor(o)
  const graph = await graphAnswer(store, kb, o, p, 0)
  const found = blocsOf(graph, p)
  const at = graph.at
  return { at, blocs: found.map((b) => ({ ...b, names: b.members.map((m) => nameOf(kb, m)) })) }
}

export interface TimelineAnswer { from: string | null; to: string; months: { month: string; acts: number }[] }

/**
 * The span of the evidence and its acts per month, for a time slider. Big stores (`series.above`)
 * count them in one pass over the relation series; small ones from their acts, bloc leaders'
 * shares left out.
 */
export async function timeline(store: Store, kb: KnowledgeBase): Promise<TimelineAnswer> {
  const generic = [...kb.actors.values()].filter((a) => a.kind === 'sector').map((a) => a.id)
  const series = await store.seriesMonths(generic)
  const span = (months: { month: string; acts: number }[], to: string): TimelineAnswer => ({ from: months[0] ? `${months[0].month}-01` : null, to, months })
  if (series.reduce((n, m) => n + m.all, 0) > relationParams().series.above) {
    const latest = series.reduce((d, m) => (m.lastDay && m.lastDay > d ? m.lastDay : d), '')
    return span(series.filter((m) => m.named > 0).map((m) => ({ month: m.month, acts: m.named })), latest || newsHorizon([]))
  }
  const { acts } = await allActs(store, kb, undefined, { whole: true, exact: true })
  const counts = new Map<string, number>()
  for (const x of acts) if (!x.via) counts.set(x.day.slice(0, 7), (counts.get(x.day.slice(0, 7)) ?? 0) + (x.count ?? 1))
  return span([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, acts: n })), newsHorizon(acts))
}

/** Every relation at a date whose score reaches `min` in absolute value. */
export async function graphAt(store: Store, kb: KnowledgeBase, o: ModelOptions & { at?: string; min?: number } = {}): Promise<RelationGraph> {
  return graphAnswer(store, kb, o, paramsFor(o), o.min ?? 0)
}

async function graphAnswer(store: Store, kb: KnowledgeBase, o: ModelOptions & { at?: string }, p: RelationParams, min: number): Promise<RelationGraph> {
  const at = o.at ? endOfDate(o.at) : undefined
  const fast = await fromStates(store, kb, o, undefined, () => graphFromStates(store, kb, at, p, min))
  if (fast) return fast
  const set = await allActs(store, kb, at, { exact: o.exact ?? false })
  return relationGraph(set.acts, kb.blocs, at ?? newsHorizon(set.acts), p, min)
}

/**
 * Big stores answer from the pair states, brought up to date first (for these actors' pairs, or
 * all); null where the reports answer: on small stores, and when asked for them (`exact`) or for
 * another half-life than the states were computed with.
 */
async function fromStates<T>(store: Store, kb: KnowledgeBase, o: ModelOptions, actors: string[] | undefined, answer: () => Promise<T | null>): Promise<T | null> {
  if (o.exact || o.halfLife) return null
  await refreshPairStates(store, kb, actors ? { actors } : {})
  return answer()
}
