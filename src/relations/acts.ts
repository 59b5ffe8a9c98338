import type { Dimension, RelationParams } from './params.ts'
import { daysBetween } from './dates.ts'

/**
 * One act between two actors: a cluster of reports of the same event, placed on one day.
 * The relation model reads only these; the store and the clustering feed them.
 */
export interface Act {
  /** The report that stands for the act (the most confident one). */
  id: string
  /** Every report of the act. */
  ids: string[]
  source: string
  target: string
  type: string
  mode: string
  modality: string
  confidence: number
  /** The day the act is placed on (YYYY-MM-DD). */
  day: string
  /** True when the text dates the act; false when it takes the article's publication date. */
  stated: boolean
  /** The independent sources (publishers, else files) that report it. */
  outlets: string[]
  quantity: string | null
  /** A MOBILIZE into the target ("stationierte Truppen in Belarus"), not against it. */
  hosted: boolean
  /** For a bloc leader's share of an act towards its bloc: the bloc. */
  via?: string
  /** How many acts this one stands for (a group of the relation series); 1 when absent. */
  count?: number
}

/**
 * The trace step of a deployment whose target follows one of its pack's `hostingPrepositions`
 * ("stationierte Truppen in Belarus"): such a MOBILIZE hosts troops rather than threatening the
 * target. The relation service reads it from reports, the relation series from stored traces.
 */
export const HOSTING_STEP = 'target:hosting'

export const isHosting = (type: string, trace: readonly string[]): boolean => type === 'MOBILIZE' && trace.includes(HOSTING_STEP)

/** How many acts a list stands for. */
export const actCount = (acts: Act[]): number => acts.reduce((n, x) => n + (x.count ?? 1), 0)

/** The act's weight on the conflict–cooperation scale (-10 … +10), by type and mode. */
export function weightOf(act: Act, p: RelationParams): number {
  const type = act.type as keyof RelationParams['types']
  const w = p.modes[type]?.[act.mode] ?? p.types[type] ?? 0
  return act.type === 'MOBILIZE' && act.hosted ? w * p.hostedDeployment : w
}

/**
 * What the act adds to the pair's score on its own day: weight/10, times how much the article
 * vouches for it, its confidence, and its independent sources. A negated cooperative act counts
 * a little against; a negated hostile act ("griff nicht an") counts for nothing.
 */
export function valueOf(act: Act, p: RelationParams): number {
  const w = weightOf(act, p) / 10
  const modality = act.modality as keyof RelationParams['modality']
  const vouch = p.modality[modality] ?? 0
  const sources = Math.min(p.maxSourceFactor, 1 + p.extraSource * (Math.max(1, act.outlets.length) - 1))
  const via = act.via ? p.leaderShare : 1
  const base = act.modality === 'negated' ? (w > 0 ? vouch * w : 0) : vouch * w
  return base * act.confidence * sources * via * (act.count ?? 1)
}

/** The share of a value left after `days`, halved every half-life. */
export function decay(days: number, p: RelationParams): number {
  return days <= 0 ? 1 : Math.pow(0.5, days / (p.halfLifeMonths * 30.44))
}

/** The act's contribution on `day` (0 before it happened). */
export function valueAt(act: Act, day: string, p: RelationParams): number {
  const age = daysBetween(act.day, day)
  return age < 0 ? 0 : valueOf(act, p) * decay(age, p)
}

export function dimensionOf(act: Act, p: RelationParams): Dimension {
  for (const [dim, modes] of Object.entries(p.dimensions) as [Dimension, string[]][]) if (modes.includes(act.mode)) return dim
  return p.typeDimensions[act.type as keyof RelationParams['types']] ?? 'diplomatic'
}

/** What the act carries from source to target (arms, troops, money …), if anything. */
export function flowOf(act: Act, p: RelationParams): string | null {
  if (!['AID', 'COOPERATE', 'SUPPORT'].includes(act.type) && !(act.type === 'MOBILIZE' && act.hosted)) return null
  if (act.modality === 'negated' || act.modality === 'denied') return null
  for (const [kind, modes] of Object.entries(p.flows)) if (modes.includes(act.mode)) return kind
  return null
}
