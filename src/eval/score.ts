import type { GoldFact } from './gold.ts'

/** The fields of a predicted event that scoring reads. */
export interface Prediction { doc: string; source: string; target: string; type: string; polarity: string; modality: string; date: string | null; id?: string; sentence?: string; rule?: string }

/**
 * Actors a scorer treats as one: the gold README's conventions, and the Security Council as the UN
 * (the gold codes its organs as the organisation, as it codes a state's ministries as the state).
 */
const SAME_ACTOR: Record<string, string> = { TALIBAN: 'AFG', AQ: 'JNIM', SUN: 'RUS', UNSC: 'UN' }
const MUTUAL_TYPES = new Set(['AGREE', 'CONSULT', 'COOPERATE'])

const canon = (a: string) => SAME_ACTOR[a] ?? a

function sameActors(p: Prediction, g: GoldFact, eitherWay: boolean): boolean {
  const [ps, pt, gs, gt] = [canon(p.source), canon(p.target), canon(g.source), canon(g.target)]
  return (ps === gs && pt === gt) || (eitherWay && ps === gt && pt === gs)
}

function typeMatches(p: Prediction, g: GoldFact): boolean {
  if (p.type === g.type) return true
  return (g.alt ?? []).some((alt) => {
    const [type, modality] = alt.split(':')
    return type === p.type && (!modality || modality === p.modality)
  })
}

export function strictMatch(p: Prediction, g: GoldFact): boolean {
  const mutual = MUTUAL_TYPES.has(g.type) || g.mode === 'treaty'
  return p.doc === g.doc && typeMatches(p, g) && sameActors(p, g, mutual)
}

export function relationMatch(p: Prediction, g: GoldFact): boolean {
  return p.doc === g.doc && p.polarity === g.polarity && sameActors(p, g, true)
}

export function datesAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  return a.startsWith(b) || b.startsWith(a)
}

/** Maximum bipartite matching (augmenting paths): each prediction and each fact used once. */
function maxMatching(preds: Prediction[], facts: GoldFact[], fits: (p: Prediction, g: GoldFact) => boolean, taken: Map<number, number>, usable: (gi: number) => boolean): void {
  const factOwner = new Map<number, number>()
  for (const [pi, gi] of taken) factOwner.set(gi, pi)
  const tryAssign = (pi: number, seen: Set<number>): boolean => {
    for (let gi = 0; gi < facts.length; gi++) {
      if (!usable(gi) || seen.has(gi) || !fits(preds[pi]!, facts[gi]!)) continue
      seen.add(gi)
      const owner = factOwner.get(gi)
      if (owner === undefined || tryAssign(owner, seen)) {
        factOwner.set(gi, pi)
        taken.set(pi, gi)
        return true
      }
    }
    return false
  }
  for (let pi = 0; pi < preds.length; pi++) if (!taken.has(pi)) tryAssign(pi, new Set())
}

export interface LevelScore {
  precision: number
  recall: number
  f1: number
  matchedPredictions: number
  predictions: number
  coreFound: number
  core: number
  pairs: [Prediction, GoldFact][]
}

/** Scores at one level: core facts are matched first (recall), then the others (precision). */
export function scoreLevel(preds: Prediction[], facts: GoldFact[], fits: (p: Prediction, g: GoldFact) => boolean): LevelScore {
  const taken = new Map<number, number>()
  // Among matchings of the same size, prefer pairs whose dates agree: a fact stated twice with two
  // dates should meet the report with its date. Augmenting paths never unmatch a matched fact.
  const dated = (p: Prediction, g: GoldFact) => fits(p, g) && datesAgree(p.date, g.date)
  maxMatching(preds, facts, dated, taken, (gi) => facts[gi]!.core)
  maxMatching(preds, facts, fits, taken, (gi) => facts[gi]!.core)
  maxMatching(preds, facts, dated, taken, () => true)
  maxMatching(preds, facts, fits, taken, () => true)
  const core = facts.filter((f) => f.core).length
  const coreFound = [...taken.values()].filter((gi) => facts[gi]!.core).length
  const precision = preds.length ? taken.size / preds.length : 0
  const recall = core ? coreFound / core : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, matchedPredictions: taken.size, predictions: preds.length, coreFound, core, pairs: [...taken].map(([pi, gi]) => [preds[pi]!, facts[gi]!]) }
}

export interface EvalReport {
  strict: LevelScore
  relation: LevelScore
  dateAccuracy: number
  datesRight: number
  datesScored: number
  missed: GoldFact[]
  spurious: Prediction[]
  /** Predictions whose pair and polarity match a fact but whose type matches none (counted against strict precision). */
  mistyped: Prediction[]
}

/**
 * `inScope` says which actors the gold speaks of (by default all): events with a generic party
 * ("police", "rebels") are outside the gold's actor codes and neither right nor wrong.
 */
export function evaluate(preds: Prediction[], facts: GoldFact[], inScope: (actor: string) => boolean = () => true): EvalReport {
  const docs = new Set(facts.map((f) => f.doc))
  const scoped = preds.filter((p) => docs.has(p.doc) && inScope(p.source) && inScope(p.target))
  const strict = scoreLevel(scoped, facts, strictMatch)
  const relation = scoreLevel(scoped, facts, relationMatch)
  const datesRight = strict.pairs.filter(([p, g]) => datesAgree(p.date, g.date)).length
  const matchedFacts = new Set(strict.pairs.map(([, g]) => g))
  const matchedPreds = new Set(relation.pairs.map(([p]) => p))
  const strictPreds = new Set(strict.pairs.map(([p]) => p))
  return {
    strict, relation,
    dateAccuracy: strict.pairs.length ? datesRight / strict.pairs.length : 0,
    datesRight, datesScored: strict.pairs.length,
    missed: facts.filter((f) => f.core && !matchedFacts.has(f)),
    spurious: scoped.filter((p) => !matchedPreds.has(p)),
    mistyped: scoped.filter((p) => matchedPreds.has(p) && !strictPreds.has(p)),
  }
}
