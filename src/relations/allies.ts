import type { Bloc } from '../kb/schema.ts'
import type { Act } from './acts.ts'
import type { RelationParams } from './params.ts'
import { indexActs, pairHistory, scoreOn, sinceOf, snapshot, STATES, trendOf, type PairSnapshot, type RelationState, type Trend } from './pair.ts'

export interface Counterpart extends PairSnapshot {
  actor: string
  trend: Trend
  /** Change of the trend line over the window, in score units. */
  change: number
  since: string | null
}

/** Everyone the actor has acts with, and everyone it shares a bloc with on the day. */
export function counterpartsOf(actor: string, acts: Act[], blocs: Bloc[], day: string): string[] {
  const others = new Set<string>()
  for (const x of acts) {
    if (x.day > day) continue
    if (x.source === actor && x.target !== actor) others.add(x.target)
    if (x.target === actor && x.source !== actor) others.add(x.source)
  }
  for (const m of blocMatesOf(actor, blocs, day)) others.add(m)
  return [...others].sort()
}

/** Everyone who shares a bloc with the actor on the day. */
export function blocMatesOf(actor: string, blocs: Bloc[], day: string): string[] {
  const out: string[] = []
  for (const bloc of blocs) {
    const member = (id: string) => bloc.members.some((m) => m.actor === id && m.from <= day && (!m.to || day < m.to))
    if (!member(actor)) continue
    for (const m of bloc.members) if (m.actor !== actor && member(m.actor)) out.push(m.actor)
  }
  return out
}

/**
 * Every counterpart of an actor on a day, from most cooperative to most hostile: the state, the
 * trend over the window, when the state began, its dimensions, flows and evidence.
 */
export function alliesOf(actor: string, acts: Act[], blocs: Bloc[], day: string, windowMonths: number, p: RelationParams): Counterpart[] {
  const out: Counterpart[] = []
  const index = indexActs(acts)
  for (const other of counterpartsOf(actor, acts, blocs, day)) {
    const h = pairHistory(actor, other, index, blocs)
    const snap = snapshot(h, day, p)
    if (snap.acts === 0 && snap.standing.length === 0) continue
    out.push({ actor: other, ...snap, ...trendOf(h, day, windowMonths, p), since: sinceOf(h, day, p) })
  }
  return out.sort((u, v) => v.score - u.score || u.actor.localeCompare(v.actor))
}

export interface Change {
  actor: string
  from: { state: RelationState; score: number }
  to: { state: RelationState; score: number }
  /** How many states it moved (positive: towards allied). */
  steps: number
  delta: number
}

/** Who moved from one state to another between two days, ranked by how far. */
export function changesOf(actor: string, acts: Act[], blocs: Bloc[], fromDay: string, toDay: string, p: RelationParams): Change[] {
  const others = new Set([...counterpartsOf(actor, acts, blocs, fromDay), ...counterpartsOf(actor, acts, blocs, toDay)])
  const out: Change[] = []
  const index = indexActs(acts)
  for (const other of others) {
    const h = pairHistory(actor, other, index, blocs)
    const a = snapshot(h, fromDay, p)
    const b = snapshot(h, toDay, p)
    if (a.state === b.state) continue
    const round = (x: number) => Math.round(x * 100) / 100
    out.push({
      actor: other,
      from: { state: a.state, score: a.score },
      to: { state: b.state, score: b.score },
      steps: STATES.indexOf(b.state) - STATES.indexOf(a.state),
      delta: round(scoreOn(h, toDay, p) - scoreOn(h, fromDay, p)),
    })
  }
  return out.sort((u, v) => Math.abs(v.steps) - Math.abs(u.steps) || Math.abs(v.delta) - Math.abs(u.delta) || u.actor.localeCompare(v.actor))
}
