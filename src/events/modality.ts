import type { Modality, Token } from '../pipeline/document.ts'
import type { ModalityData } from '../lang/schema.ts'
import { phraseKey } from '../text/tokenize.ts'
import { inClause as tokenInClause } from './clauses.ts'

export interface ModalityCues {
  hedged: string[][]
  reportedMarkers: string[][]
  reportedVerbs: string[][]
  planned: string[][]
  denied: string[][]
  negation: string[][]
  notNegation: string[][]
  notPlanned: string[][]
  conditional: string[][]
  refusal: string[][]
  forwardNegation: string[][]
  threat: string[][]
  hostileThreat: string[][]
  ultimatum: string[][]
  claim: string[][]
  perfectInfinitives: string[][]
  intent: string[][]
  appeal: string[][]
  decline: string[][]
  ruleOut: string[][]
  complementizers: string[][]
}

const cache = new WeakMap<ModalityData, ModalityCues>()

export function modalityCues(data: ModalityData): ModalityCues {
  let c = cache.get(data)
  if (!c) {
    const keys = (list: string[]) => list.map(phraseKey)
    c = {
      hedged: keys(data.hedged), reportedMarkers: keys(data.reportedMarkers), reportedVerbs: keys(data.reportedVerbs),
      planned: keys(data.planned), denied: keys(data.denied), negation: keys(data.negation), notNegation: keys(data.notNegation), notPlanned: keys(data.notPlanned),
      conditional: keys(data.conditional), refusal: keys(data.refusal), forwardNegation: keys(data.forwardNegation),
      threat: keys(data.threat), hostileThreat: keys(data.hostileThreat), ultimatum: keys(data.ultimatum), claim: keys(data.claim), perfectInfinitives: keys(data.perfectInfinitives), intent: keys(data.intent), appeal: keys(data.appeal), decline: keys(data.decline), ruleOut: keys(data.ruleOut), complementizers: keys(data.complementizers),
    }
    cache.set(data, c)
  }
  return c
}

/** Phrases by their first word, in list order (an empty phrase names nothing and is left out). */
const byFirstWord = new WeakMap<string[][], Map<string, string[][]>>()

function phraseIndex(phrases: string[][]): Map<string, string[][]> {
  let index = byFirstWord.get(phrases)
  if (!index) {
    index = new Map()
    for (const p of phrases) {
      if (!p.length) continue
      const list = index.get(p[0]!)
      if (list) list.push(p)
      else index.set(p[0]!, [p])
    }
    byFirstWord.set(phrases, index)
  }
  return index
}

/** Whether a word is one of the one-word cues of a list ("ob", "that", "dass"). */
export function isWordCue(list: string[][], norm: string | undefined): boolean {
  return norm !== undefined && (phraseIndex(list).get(norm)?.some((p) => p.length === 1) ?? false)
}

/** A word of a cue phrase that any one word fills ("nach * Angaben"). */
const ANY_WORD = '*'

/** Positions in [from, to) where one of the phrases starts. */
export function findPhrases(tokens: Token[], from: number, to: number, phrases: string[][]): { at: number; len: number }[] {
  const hits: { at: number; len: number }[] = []
  const index = phraseIndex(phrases)
  for (let i = from; i < to; i++) {
    const candidates = index.get(tokens[i]!.norm)
    if (!candidates) continue
    for (const p of candidates) {
      if (i + p.length > to) continue
      let k = 1
      // "*" stands for any one word: "nach * Angaben" is "nach russischen Angaben".
      while (k < p.length && (tokens[i + k]!.norm === p[k] || p[k] === ANY_WORD && tokens[i + k]!.kind === 'word')) k++
      if (k === p.length) hits.push({ at: i, len: p.length })
    }
  }
  return hits
}

/** How many tokens after a forward negation ("without", "ohne") the act it negates may stand. */
const FORWARD_SCOPE = 5

/** `attribution`: the cue that says who vouches for the act ("according to", "said"), also for a plan. */
export interface ModalityResult {
  modality: Modality
  cue: string | null
  cueAt: number | null
  attribution: string | null
  /** The act is only supposed: a condition or an open question ("falls Finnland beitritt", "Ob Armenien das Bündnis verlässt, ist offen"). */
  supposed?: boolean
}

/** What modality needs to know of the act itself, beyond its clause. */
export interface ActContext {
  /** The trigger's token: a cue that is the trigger itself plans or negates nothing. */
  trigger?: number
  /** A gerund or an infinitive: "without" may negate it. */
  nonFinite?: boolean
  /** A cue that only describes a noun ("a planned visit"), not the act. */
  attributive?: (at: number) => boolean
  /** A word of a time expression is no cue ("in May" hedges nothing). */
  inTime?: (at: number) => boolean
  /** Whether words of intent plan this act: a promise of support is support already, a promise of aid is not aid yet. */
  intentPlans?: boolean
  /** Only a cue before the trigger plans it: a verb whose objects follow it (English "rejected a call for troops to be sent"). */
  plannedBefore?: boolean
  /**
   * The conjunction right before a verb that opens a conjunct of its own ("bestreitet jede Beteiligung
   * und verlangt …"): a negation or a denial before it belongs to the conjunct before.
   */
  conjunctAt?: number
  /** A cue at this index opens a conjunct of its own after the act ("wies … aus und kündigte an, …"): it plans that conjunct, not the act. */
  opensConjunct?: (at: number) => boolean
  /** Where the main clause the act depends on begins: a denial before it denies another conjunct ("bestreitet … und räumte ein, …"). */
  conjunctFrom?: number
  /** A denial elsewhere in the sentence at or after this index denies what the act tells, not the act (a charge and its denial). */
  deniedUntil?: number
}

/**
 * The modality of an event from the cues in its clause (and, for hedges and attribution,
 * its sentence). Denial outranks negation; a hedge outranks a plan ("will offenbar liefern" is
 * hedged), and a plan outranks attribution: what someone says will happen has not happened
 * ("Russia will send troops, Kyiv said" is planned). The attribution is kept all the same.
 */
export function modalityOf(tokens: Token[], clause: { from: number; to: number; subordinate: boolean; skips?: [number, number][]; sharesFirst?: boolean }, sentence: { from: number; to: number }, cues: ModalityCues, act: ActContext = {}): ModalityResult {
  const { trigger = -1, nonFinite = false, attributive = () => false, inTime = () => false, intentPlans = true, plannedBefore = false, conjunctAt = -1, opensConjunct = () => false, conjunctFrom = -1, deniedUntil = Infinity } = act
  // A cue inside a relative clause or an aside the clause encloses is that clause's: "Brasilien, das
  // sich … enthalten hatte, stimmte für die Verurteilung" is no abstention.
  const inClause = (list: string[][]) => findPhrases(tokens, clause.from, clause.to, list).filter((h) => !inTime(h.at) && tokenInClause(clause, h.at))
  const inSentence = (list: string[][]) => findPhrases(tokens, sentence.from, sentence.to, list).filter((h) => !inTime(h.at))
  const ownConjunct = (h: { at: number }) => conjunctAt < 0 || h.at > conjunctAt
  const text = (h: { at: number; len: number }) => tokens.slice(h.at, h.at + h.len).map((t) => t.text).join(' ')
  const result = (modality: Modality, h?: { at: number; len: number }, by?: { at: number; len: number }): ModalityResult => ({ modality, cue: h ? text(h) : null, cueAt: h?.at ?? null, attribution: by ? text(by) : null })

  // A charge is not denied by a denial after it, in its clause either: "macht die Nato verantwortlich, bestreitet aber, …" denies another act.
  const denied = inClause(cues.denied).filter((h) => ownConjunct(h) && h.at < deniedUntil)[0] ?? inSentence(cues.denied).filter((h) => ownConjunct(h) && h.at >= conjunctFrom && h.at < deniedUntil)[0]
  if (denied) return result('denied', denied)
  /** Every word of the phrases of `list` in the clause. */
  const covered = (list: string[][]) => new Set(inClause(list).flatMap((h) => Array.from({ length: h.len }, (_, k) => h.at + k)))
  // Every word of a phrase that does not negate ("not only", "not least") is exempt.
  const exempt = covered(cues.notNegation)
  // "refused to send weapons": the cue negates the sending, not the refusing that it names itself.
  // "without consulting Kyiv", "ohne Kiew zu informieren": such a word negates only a gerund or an
  // infinitive that follows it closely, not "a partnership without limits" or "ohne Vorwarnung griff … an".
  const forward = new Set(inClause(cues.forwardNegation).map((h) => h.at))
  const outOfScope = (h: { at: number; len: number }) => forward.has(h.at) && (!nonFinite || trigger < 0 || h.at > trigger || trigger - h.at > FORWARD_SCOPE || tokens.slice(h.at, trigger).some((t) => t.text === ','))
  const negation = inClause(cues.negation).find((h) => !exempt.has(h.at) && h.at !== trigger && !outOfScope(h) && ownConjunct(h))
  if (negation) return result('negated', negation)
  // A condition or an open question ("Niemand weiß, ob …", "Liefert Peking Waffen?") asserts nothing.
  const opener = tokens.slice(clause.from, clause.to).find((t) => t.kind === 'word')
  const conditional = opener && isWordCue(cues.conditional, opener.norm) ? { at: tokens.indexOf(opener), len: 1 } : undefined
  if (conditional) return { ...result('hedged', conditional), supposed: true }
  const last = tokens[sentence.to - 1]
  if (last?.text === '?') return result('hedged', { at: sentence.to - 1, len: 1 })
  // A hedge covers its own clause and the clauses that depend on the sentence, not a second main clause.
  const hedged = inClause(cues.hedged)[0] ?? (clause.subordinate ? inSentence(cues.hedged)[0] : undefined)
  if (hedged) return result('hedged', hedged)
  const marker = inSentence(cues.reportedMarkers)[0]
  // "…, Putin said on Friday, …": a speech verb in an aside of the clause attributes it too.
  const aside = (at: number) => (clause.skips ?? []).some(([a, b]) => at >= a && at < b)
  // "Russia moved warheads to Belarus, Putin said.": a speech verb after a comma that follows the act.
  const trailing = (at: number) => trigger >= 0 && at > trigger && tokens.slice(trigger, at).some((t) => t.text === ',')
  // A conjunct that shares the first clause's auxiliary ("hatte erklärt, …, und Peking um Hilfe gebeten")
  // is its subject's own act: the speech verb before it reports what was said, not this act.
  const verb = inSentence(cues.reportedVerbs).find((h) => h.at < clause.from && !clause.sharesFirst || h.at >= clause.to || aside(h.at) || trailing(h.at))
  // "agreed to provide aid": the cue plans the act it governs, not the agreeing it names itself.
  // "welcomed the decision and said other countries would follow": a cue after a speech verb that
  // follows the act plans what is said, not the act. "cancelled a planned visit": a cue that
  // describes a noun plans that noun, not the clause's verb.
  const said = trigger >= 0 ? inClause(cues.reportedVerbs).filter((h) => h.at > trigger).map((h) => h.at) : []
  // "agreed in principle on Saturday to provide aid": a word of intent plans the infinitive it governs.
  const intended = intentPlans && nonFinite && trigger >= 0 ? inClause(cues.intent).find((h) => h.at < trigger) : undefined
  // "kamen wie geplant zusammen": an act done as planned is no plan.
  const done = covered(cues.notPlanned)
  const planned = inClause(cues.planned).find((h) => h.at !== trigger && !done.has(h.at) && !(plannedBefore && trigger >= 0 && h.at > trigger) && !said.some((at) => at < h.at) && !attributive(h.at) && !(trigger >= 0 && h.at > trigger && opensConjunct(h.at))) ?? intended
  const by = marker ?? verb
  // "Kiew will zwei Jets abgeschossen haben": wanting before a perfect infinitive claims what was
  // done; the subject reports it.
  const perfect = trigger >= 0 && findPhrases(tokens, trigger + 1, Math.min(trigger + 2, clause.to), cues.perfectInfinitives).length > 0
  if (planned && perfect && findPhrases(tokens, planned.at, planned.at + 1, cues.claim).length > 0) return result('reported', planned, by ?? planned)
  if (planned) return result('planned', planned, by)
  if (by) return result('reported', by, by)
  return result('asserted')
}

/** "China möchte Putins Krieg nicht mit Waffen unterstützen": a negated act its source does not want is a refusal. */
export function isRefusal(tokens: Token[], clause: { from: number; to: number }, mod: ModalityResult, cues: ModalityCues): boolean {
  return mod.modality === 'negated' && findPhrases(tokens, clause.from, clause.to, cues.refusal).length > 0
}
