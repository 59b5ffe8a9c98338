import type { Bloc } from '../kb/schema.ts'
import { decay, dimensionOf, flowOf, valueAt, valueOf, type Act } from './acts.ts'
import { addMonths, daysBetween, monthEnd, monthsBetween } from './dates.ts'
import type { Dimension, RelationParams } from './params.ts'
import { blocFacts, eventFacts, holdsOn, type StandingFact } from './standing.ts'

export type RelationState = 'allied' | 'aligned' | 'neutral' | 'strained' | 'hostile'
export type Trend = 'rising' | 'stable' | 'falling'
export type Confidence = 'low' | 'medium' | 'high'

export const STATES: RelationState[] = ['hostile', 'strained', 'neutral', 'aligned', 'allied']

/** Everything the model knows about one unordered pair: its acts and standing facts. */
export interface PairHistory {
  a: string
  b: string
  acts: Act[]
  facts: StandingFact[]
}

/** What one actor sends the other (arms, troops, money …): its acts and latest day. */
export interface FlowTotal { kind: string; from: string; to: string; acts: number; latest: string; quantity: string | null }

/** A flow built from the acts themselves, with its latest acts as evidence. */
export interface Flow extends FlowTotal { evidence: string[] }

export interface PairSnapshot {
  score: number
  /** Directed scores: what a did towards b, and b towards a (standing facts count for both). */
  directed: { ab: number; ba: number }
  state: RelationState
  confidence: Confidence
  dimensions: Record<Dimension, number>
  /** With their evidence when built from acts (a relation); totals alone when carried from a stored state. */
  flows: FlowTotal[]
  standing: StandingFact[]
  /** Acts and independent sources the state rests on (acts up to the date, any age). */
  acts: number
  sources: number
  /** The acts that explain the score most, with what each adds on the date. */
  evidence: { id: string; value: number }[]
}

const STANDING_DIMENSION: Record<StandingFact['kind'], Dimension> = {
  defence: 'military', union: 'economic', treaty: 'diplomatic', recognition: 'diplomatic', sanctions: 'economic', border: 'diplomatic', troops: 'military', war: 'military',
}

/** An unordered pair as one key: "A|B" with A < B. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** Acts by unordered pair, and the membership retreats bloc facts need: built once, read per pair. */
export interface ActIndex { byPair: Map<string, Act[]>; retreats: Act[] }

export function indexActs(acts: Act[]): ActIndex {
  const byPair = new Map<string, Act[]>()
  const retreats: Act[] = []
  for (const x of acts) {
    const key = pairKey(x.source, x.target)
    const list = byPair.get(key)
    if (list) list.push(x)
    else byPair.set(key, [x])
    if (x.type === 'RETREAT') retreats.push(x)
  }
  return { byPair, retreats }
}

/** Standing facts from the blocs both belong to and from the pair's own acts. */
export function pairHistory(a: string, b: string, acts: Act[] | ActIndex, blocs: Bloc[]): PairHistory {
  const index = Array.isArray(acts) ? indexActs(acts) : acts
  const own = index.byPair.get(pairKey(a, b)) ?? []
  return { a, b, acts: own, facts: [...blocFacts(blocs, a, b, index.retreats), ...eventFacts(own, a, b)] }
}

export function standingValue(f: StandingFact, p: RelationParams): number {
  return p.standing[f.kind]
}

/** The pair's score on a day: decayed act values plus the standing facts that hold. */
export function scoreOn(h: PairHistory, day: string, p: RelationParams): number {
  let s = 0
  for (const x of h.acts) s += valueAt(x, day, p)
  for (const f of h.facts) if (holdsOn(f, day)) s += standingValue(f, p)
  return s
}

export function stateOf(score: number, p: RelationParams): RelationState {
  const t = p.states
  if (score >= t.allied) return 'allied'
  if (score >= t.aligned) return 'aligned'
  if (score <= t.hostile) return 'hostile'
  if (score <= t.strained) return 'strained'
  return 'neutral'
}

// Thin evidence is said so: with fewer than `minEvents` acts and no standing fact the confidence is
// low and the state neutral; standing facts with acts, or many firm acts from two or more sources,
// make it high (Tally.confidence).

const isFirm = (x: Act) => x.modality === 'asserted' || x.modality === 'reported'

/** What confidence counts, kept as acts are added one by one. */
export class Tally {
  count = 0
  firm = 0
  readonly outlets = new Set<string>()
  /** A tally that starts from counts kept elsewhere (a stored pair state). */
  static of(count: number, firm: number): Tally {
    const t = new Tally()
    t.count = count
    t.firm = firm
    return t
  }
  add(x: Act): void {
    this.count += x.count ?? 1
    if (isFirm(x)) this.firm += x.count ?? 1
    for (const o of x.outlets) this.outlets.add(o)
  }
  confidence(facts: StandingFact[], p: RelationParams): Confidence {
    if (facts.length && this.count >= p.minEvents) return 'high'
    if (this.firm >= p.minEvents * 2 && this.outlets.size >= 2) return 'high'
    if (facts.length || this.count >= p.minEvents) return 'medium'
    return 'low'
  }
}

/** A flow's latest acts kept as its evidence. */
export const FLOW_EVIDENCE = 10

/** Flows by kind and direction, built up act by act in date order. */
export type FlowMap = Map<string, Flow>

export function addFlow(flows: FlowMap, x: Act, p: RelationParams): void {
  const kind = flowOf(x, p)
  if (!kind) return
  const key = `${kind}|${x.source}>${x.target}`
  const f = flows.get(key) ?? { kind, from: x.source, to: x.target, acts: 0, latest: x.day, quantity: null, evidence: [] }
  f.acts += x.count ?? 1
  f.latest = x.day
  if (x.quantity) f.quantity = x.quantity
  f.evidence.push(x.id)
  if (f.evidence.length > FLOW_EVIDENCE) f.evidence.shift()
  flows.set(key, f)
}

const byLatest = (u: Flow, v: Flow) => v.latest.localeCompare(u.latest) || u.kind.localeCompare(v.kind)

export function flowList(flows: FlowMap): Flow[] {
  return [...flows.values()].sort(byLatest)
}

/** The evidence a snapshot lists: the acts that add most on the day, ties by id. */
export function topEvidence(evidence: { id: string; value: number }[], count: number): { id: string; value: number }[] {
  return evidence.filter((e) => Math.abs(e.value) >= 0.005).sort((u, v) => Math.abs(v.value) - Math.abs(u.value) || u.id.localeCompare(v.id)).slice(0, count)
}

/**
 * What a stored pair state carries into a snapshot (src/relations/pair-state.ts): the pair at the
 * end of an earlier month, whose acts are then not in the history given.
 */
export interface SnapshotBase {
  month: string
  ab: number
  ba: number
  dimensions: Record<Dimension, number>
  acts: number
  firm: number
  evidence: { id: string; value: number }[]
  /**
   * In `flowList` order (a snapshot without acts after the base lists them as they are). Totals only:
   * a flow's evidence is that of the acts a relation reads, and stored states do not keep it.
   */
  flows: FlowTotal[]
}

/**
 * The pair as it stands on `day`. With a `base`, the history holds only the acts after the base's
 * month, and the base stands for all before: its values decay from its month's end to the day.
 */
export function snapshot(h: PairHistory, day: string, p: RelationParams, evidenceCount = 5, base?: SnapshotBase): PairSnapshot {
  const acts = h.acts.filter((x) => x.day <= day)
  const facts = h.facts.filter((f) => holdsOn(f, day))
  const carry = base ? decay(daysBetween(monthEnd(base.month), day), p) : 0
  const dimensions: Record<Dimension, number> = { military: 0, diplomatic: 0, economic: 0 }
  if (base) for (const d of Object.keys(dimensions) as Dimension[]) dimensions[d] = base.dimensions[d] * carry
  const directed = { ab: base ? base.ab * carry : 0, ba: base ? base.ba * carry : 0 }
  const evidence = base ? base.evidence.map((e) => ({ id: e.id, value: e.value * carry })) : []
  const tally = base ? Tally.of(base.acts, base.firm) : new Tally()
  // The base's flows are copied only when acts add to them: at a month's end none do, and inside a
  // month most acts carry nothing (a visit, an accusation).
  const flowing = acts.filter((x) => flowOf(x, p) !== null)
  const flows: FlowMap | null = flowing.length ? new Map(base?.flows.map((f) => [`${f.kind}|${f.from}>${f.to}`, { ...f, evidence: [] as string[] }])) : null
  for (const x of acts) {
    const v = valueAt(x, day, p)
    dimensions[dimensionOf(x, p)] += v
    if (x.source === h.a) directed.ab += v
    else directed.ba += v
    evidence.push({ id: x.id, value: v })
    tally.add(x)
  }
  if (flows) for (const x of flowing.sort((u, v) => u.day.localeCompare(v.day))) addFlow(flows, x, p)
  let standing = 0
  for (const f of facts) {
    const v = standingValue(f, p)
    standing += v
    dimensions[STANDING_DIMENSION[f.kind]] += v
  }
  directed.ab += standing
  directed.ba += standing
  const score = dimensions.military + dimensions.diplomatic + dimensions.economic
  const confidence = tally.confidence(facts, p)
  const round = (x: number) => Math.round(x * 100) / 100
  return {
    score: round(score),
    directed: { ab: round(directed.ab), ba: round(directed.ba) },
    state: confidence === 'low' ? 'neutral' : stateOf(score, p),
    confidence,
    dimensions: { military: round(dimensions.military), diplomatic: round(dimensions.diplomatic), economic: round(dimensions.economic) },
    flows: flows ? flowList(flows) : base ? base.flows : [],
    standing: facts,
    acts: tally.count,
    sources: tally.outlets.size,
    evidence: topEvidence(evidence, evidenceCount).map((e) => ({ id: e.id, value: round(e.value) })),
  }
}

export interface MonthPoint { month: string; score: number; state: RelationState }

/** The score at the end of each month from `from` to `to` (YYYY-MM). */
export function monthlySeries(h: PairHistory, from: string, to: string, p: RelationParams): MonthPoint[] {
  // One pass over the acts in date order: the decayed sum carries from month end to month end
  // (decay over a + b days is decay over a times decay over b), so a long series costs no more
  // than the acts it rests on.
  const acts = [...h.acts].sort((u, v) => u.day.localeCompare(v.day))
  let i = 0
  let decayed = 0
  let last: string | null = null
  const tally = new Tally()
  return monthsBetween(from, to).map((month) => {
    const day = monthEnd(month)
    if (last !== null) decayed *= decay(daysBetween(last, day), p)
    for (; i < acts.length && acts[i]!.day <= day; i++) {
      decayed += valueAt(acts[i]!, day, p)
      tally.add(acts[i]!)
    }
    last = day
    let score = decayed
    const facts = h.facts.filter((f) => holdsOn(f, day))
    for (const f of facts) score += standingValue(f, p)
    const thin = tally.confidence(facts, p) === 'low'
    return { month, score: Math.round(score * 100) / 100, state: thin ? 'neutral' : stateOf(score, p) }
  })
}

/** The direction of the least-squares line through the window's monthly scores. */
export function trendOf(h: PairHistory, day: string, windowMonths: number, p: RelationParams): { trend: Trend; change: number } {
  const months = Math.max(2, Math.round(windowMonths))
  const last = day.slice(0, 7)
  return trendOfSeries(monthlySeries(h, addMonths(last, -(months - 1)), last, p), p)
}

/** The direction of the least-squares line through monthly scores: its change from first to last month. */
export function trendOfSeries(points: MonthPoint[], p: RelationParams): { trend: Trend; change: number } {
  return trendOfScores(points.map((q) => q.score), p)
}

export function trendOfScores(scores: number[], p: RelationParams): { trend: Trend; change: number } {
  const n = scores.length
  if (n < 2) return { trend: 'stable', change: 0 }
  const mx = (n - 1) / 2
  const my = scores.reduce((s, q) => s + q, 0) / n
  let num = 0
  let den = 0
  scores.forEach((q, i) => { num += (i - mx) * (q - my); den += (i - mx) ** 2 })
  const change = Math.round((den ? (num / den) * (n - 1) : 0) * 100) / 100
  const trend: Trend = change > p.trendThreshold ? 'rising' : change < -p.trendThreshold ? 'falling' : 'stable'
  return { trend, change }
}

/** The first day of the pair's history: its earliest act or standing fact. */
export function firstDay(h: PairHistory): string | null {
  const days = [...h.acts.map((x) => x.day), ...h.facts.map((f) => f.from)].sort()
  return days[0] ?? null
}

/** The month the current state began: the state has held every month since. */
export function sinceOf(h: PairHistory, day: string, p: RelationParams): string | null {
  const start = firstDay(h)
  if (!start || start > day) return null
  const series = monthlySeries(h, start.slice(0, 7), day.slice(0, 7), p)
  const current = series.at(-1)!.state
  let i = series.length - 1
  while (i > 0 && series[i - 1]!.state === current) i--
  return series[i]!.month
}

export interface StateChange { month: string; from: RelationState; to: RelationState; score: number; causes: { id: string; value: number }[]; facts: StandingFact[] }

/** Each month the state changed, with the acts of that month (and standing facts that began or ended) that moved it. */
export function stateChanges(h: PairHistory, series: MonthPoint[], p: RelationParams): StateChange[] {
  const changes: StateChange[] = []
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1]!
    const cur = series[i]!
    if (prev.state === cur.state) continue
    const inMonth = (d: string | null) => d !== null && d.slice(0, 7) === cur.month
    const causes = h.acts.filter((x) => inMonth(x.day)).map((x) => ({ id: x.id, value: Math.round(valueOf(x, p) * 100) / 100 }))
      .sort((u, v) => Math.abs(v.value) - Math.abs(u.value)).slice(0, 5)
    const facts = h.facts.filter((f) => inMonth(f.from) || inMonth(f.to))
    changes.push({ month: cur.month, from: prev.state, to: cur.state, score: cur.score, causes, facts })
  }
  return changes
}
