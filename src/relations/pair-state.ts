import { decay, dimensionOf, valueAt } from './acts.ts'
import { addMonths, daysBetween, monthEnd, monthIndex, monthRange } from './dates.ts'
import type { Dimension, RelationParams } from './params.ts'
import {
  addFlow, firstDay, flowList, standingValue, stateOf, Tally, topEvidence, trendOfScores,
  type FlowMap, type PairHistory, type RelationState, type SnapshotBase, type Trend,
} from './pair.ts'
import { holdsOn, type StandingFact } from './standing.ts'

/** Acts a state keeps as candidates for a snapshot's evidence (a snapshot lists at most this many). */
export const STATE_EVIDENCE = 5

/**
 * A pair at the end of a month in which it had acts: what all its acts up to then add up to,
 * decayed to the month's end (standing facts are added when it is read, for the day asked about),
 * its counts, its state and the month that state began, its weightiest acts and its flows.
 *
 * Because a contribution decays by the same factor whatever its size, the pair on any later day
 * is this state decayed to that day plus the acts since: one stored row per counterpart answers
 * what the whole history would. Evidence stays exact too: acts keep their order as they decay.
 */
export interface PairState extends SnapshotBase {
  state: RelationState
  since: string
  /** What the acts added up to at the end of each of the last RECENT_MONTHS months, this one last (for trends). */
  recent: number[]
}

/** Months of act values a state keeps for trends: a trend over a longer window reads more states. */
export const RECENT_MONTHS = 24

const standingOn = (facts: StandingFact[], day: string, p: RelationParams) => {
  let s = 0
  for (const f of facts) if (holdsOn(f, day)) s += standingValue(f, p)
  return s
}

const stateAt = (score: number, tally: Tally, facts: StandingFact[], day: string, p: RelationParams): RelationState =>
  tally.confidence(facts.filter((f) => holdsOn(f, day)), p) === 'low' ? 'neutral' : stateOf(score, p)

/**
 * The pair's state at the end of each month it had acts, walking its history once from its first
 * day (first act or standing fact), as `monthlySeries` and `sinceOf` do.
 */
export function statesOf(h: PairHistory, p: RelationParams): PairState[] {
  const acts = [...h.acts].sort((u, v) => u.day.localeCompare(v.day))
  const start = firstDay(h)
  if (!acts.length || !start) return []
  const last = acts.at(-1)!.day.slice(0, 7)
  const dimensions: Record<Dimension, number> = { military: 0, diplomatic: 0, economic: 0 }
  const directed = { ab: 0, ba: 0 }
  const tally = new Tally()
  const flows: FlowMap = new Map()
  let evidence: { id: string; value: number }[] = []
  let previous: string | null = null
  let state: RelationState | null = null
  let since = start.slice(0, 7)
  const recent: number[] = new Array<number>(RECENT_MONTHS).fill(0)
  const out: PairState[] = []
  let i = 0
  // Before the first act only standing facts move the state: months between their starts and ends are skipped.
  const firstAct = acts[0]!.day.slice(0, 7)
  const turns = [...new Set(h.facts.flatMap((f) => [f.from, f.to ?? '']).map((d) => d.slice(0, 7)))].filter((m) => m && m < firstAct).sort()
  const next = (month: string) => (month >= firstAct ? addMonths(month, 1) : turns.find((m) => m > month) ?? firstAct)
  for (let month = start.slice(0, 7); month <= last; month = next(month)) {
    const day = monthEnd(month)
    if (previous !== null) {
      const f = decay(daysBetween(previous, day), p)
      for (const d of Object.keys(dimensions) as Dimension[]) dimensions[d] *= f
      directed.ab *= f
      directed.ba *= f
      for (const e of evidence) e.value *= f
    }
    previous = day
    const added = i
    for (; i < acts.length && acts[i]!.day <= day; i++) {
      const x = acts[i]!
      const v = valueAt(x, day, p)
      dimensions[dimensionOf(x, p)] += v
      if (x.source === h.a) directed.ab += v
      else directed.ba += v
      tally.add(x)
      addFlow(flows, x, p)
      evidence.push({ id: x.id, value: v })
    }
    const total = dimensions.military + dimensions.diplomatic + dimensions.economic
    recent.shift()
    recent.push(total)
    const score = total + standingOn(h.facts, day, p)
    const now = stateAt(score, tally, h.facts, day, p)
    if (now !== state) { state = now; since = month }
    if (i === added) continue
    evidence = topEvidence(evidence, STATE_EVIDENCE)
    out.push({
      month, ab: directed.ab, ba: directed.ba, dimensions: { ...dimensions }, acts: tally.count, firm: tally.firm, state: now, since, recent: [...recent],
      evidence: evidence.map((e) => ({ ...e })), flows: flowList(flows).map(({ evidence: _, ...f }) => f),
    })
  }
  return out
}

/**
 * The state and its start at the end of `month`, from the pair's latest state before it (no acts
 * in between: its score only decays, and standing facts begin or end).
 */
export function carryState(s: PairState, facts: StandingFact[], month: string, p: RelationParams): { state: RelationState; since: string } {
  let { state, since } = s
  const total = s.ab + s.ba
  const tally = Tally.of(s.acts, s.firm)
  const from = monthEnd(s.month)
  for (let m = addMonths(s.month, 1); m <= month; m = addMonths(m, 1)) {
    const day = monthEnd(m)
    const now = stateAt(total * decay(daysBetween(from, day), p) + standingOn(facts, day, p), tally, facts, day, p)
    if (now !== state) { state = now; since = m }
  }
  return { state, since }
}

/**
 * The trend over the months `from`…`to` from the pair's states: `states` in month order, with the
 * latest one before `from` if there is one. Scores are rounded as `monthlySeries` rounds them.
 */
export function trendOfStates(states: { month: string; ab: number; ba: number }[], facts: StandingFact[], from: string, to: string, p: RelationParams): { trend: Trend; change: number } {
  const scores: number[] = []
  let k = -1
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    while (k + 1 < states.length && states[k + 1]!.month <= m) k++
    const day = monthEnd(m)
    const s = states[k]
    const acts = s ? (s.ab + s.ba) * decay(daysBetween(monthEnd(s.month), day), p) : 0
    scores.push(Math.round((acts + standingOn(facts, day, p)) * 100) / 100)
  }
  return trendOfScores(scores, p)
}

/**
 * The trend over the months `from`…`to` from the pair's latest state up to `to` alone, when the
 * window fits in its recent months; null when it does not (read the states of the window instead).
 */
export function trendOfRecent(s: PairState | undefined, facts: StandingFact[], from: string, to: string, p: RelationParams): { trend: Trend; change: number } | null {
  // Asked for every counterpart over the same window: no string is built per month.
  const months = monthRange(from, to)
  const scores = new Array<number>(months.length)
  const last = s ? monthIndex(s.month) : 0
  const end = s ? monthEnd(s.month) : ''
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!
    const day = monthEnd(m)
    let acts = 0
    if (s && m <= s.month) {
      const back = last - monthIndex(m)
      if (back >= RECENT_MONTHS) return null
      acts = s.recent[RECENT_MONTHS - 1 - back] ?? 0
    } else if (s) acts = (s.ab + s.ba) * decay(daysBetween(end, day), p)
    scores[i] = Math.round((acts + standingOn(facts, day, p)) * 100) / 100
  }
  return trendOfScores(scores, p)
}
