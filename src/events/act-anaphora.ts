// A reaction aimed at an act the text told before: "Die USA verhängten Sanktionen gegen Ankara. Die
// Türkei verurteilte die Entscheidung." The act noun ("die Entscheidung", "die Sanktionen") points
// back to that act, and the reaction is aimed at whoever did it. A charge with no such noun may
// continue its speaker's quarrel with the other party of the act told just before.
import type { Mention, Token } from '../pipeline/document.ts'

/** An act told earlier in the document: its type, who did it, and the sentence that told it. */
export interface ToldAct {
  type: string
  source: Mention
  /** Who it was done to, when the text names someone. */
  target?: Mention | null
  /** Whether it was an act of conflict (an attack, a charge, a summons). */
  conflict?: boolean
  /** Whether it was only said (praise, a statement): no decision. */
  statement?: boolean
  /** Whether an organisation did it (a council's resolution). */
  byOrganisation?: boolean
  sentence: number
}

/** Reactions whose unnamed counterpart may be the doer of an act told before. */
export const REACTIONS = new Set(['ACCUSE', 'PROTEST', 'REJECT', 'THREATEN'])

/** The key of `actNouns` whose nouns may name any act that is no reaction, demand or meeting ("die Entscheidung"). */
const ANY = 'any'
/** The key of `actNouns` whose nouns name an organisation's text ("die Resolution"): its latest decision, however far back. */
const DOCUMENT = 'document'
const NOT_DECISIONS = new Set([...REACTIONS, 'CONSULT', 'REQUEST'])
/** Whether an act is a decision a noun like "die Entscheidung" may name: not a reaction, a demand, a meeting or mere words. */
const decision = (act: ToldAct) => !NOT_DECISIONS.has(act.type) && !act.statement

/** How many sentences back a noun naming an act's kind ("den Protest") may point. */
const NAMED_KIND_WINDOW = 5

/** At most this many words (adjectives) between the determiner and the act noun: "die jüngste Entscheidung". */
const MODIFIERS = 2

/**
 * The doer of the act a definite act noun in `tokens[from, to)` points back to: the latest act of
 * a type the noun may name, told at most `window` sentences before (or earlier in this sentence),
 * whose doer is not among `own`; or, for an adverb of `adverbs`, the latest such act of the sentence
 * before or of this one. Null when the clause has no such word or no act fits.
 */
export function actAntecedent(tokens: Token[], from: number, to: number, actNouns: Record<string, string[]>, determiners: ReadonlySet<string>, acts: readonly ToldAct[], sentence: number, window: number, own: ReadonlySet<string>, skip: ReadonlySet<number>, adverbs: ReadonlySet<string> = new Set(), prepositions: ReadonlySet<string> = new Set()): Mention | null {
  // "Tokio legte dagegen Protest ein": an adverb that points back to what was just said names the act of the sentence before.
  const nouns = nounTypes(tokens, from, to, actNouns, determiners, skip, prepositions)
  const adverb = !nouns && tokens.slice(from, to).some((t, n) => adverbs.has(t.norm) && !skip.has(from + n))
  const types = adverb ? new Set([ANY]) : nouns
  if (!types) return null
  // A noun that names the act's own kind ("den Protest", "die Sanktionen") reaches further back than one
  // that may name any decision: the latest such act is meant, paragraphs before.
  const reach = adverb ? 1 : types.has(ANY) || types.has(DOCUMENT) ? window : Math.max(window, NAMED_KIND_WINDOW)
  for (let k = acts.length - 1; k >= 0; k--) {
    const act = acts[k]!
    if (act.sentence < sentence - reach) break
    if (own.has(act.source.actor)) continue
    if (types.has(ANY) ? decision(act) : types.has(act.type)) return act.source
  }
  // "Die Huthis wiesen den Beschluss zurück", "begrüßte die Resolution": an organisation's text, named
  // paragraphs after it was adopted, is its latest decision.
  if (types.has(DOCUMENT)) for (let k = acts.length - 1; k >= 0; k--) if (acts[k]!.byOrganisation && decision(acts[k]!) && !own.has(acts[k]!.source.actor)) return acts[k]!.source
  return null
}

/**
 * The act types the first definite act noun of the range may name, or null. An organisation's text
 * is named only as the verb's object: "stimmte gegen die Resolution" votes, it answers no text told before.
 */
function nounTypes(tokens: Token[], from: number, to: number, actNouns: Record<string, string[]>, determiners: ReadonlySet<string>, skip: ReadonlySet<number>, prepositions: ReadonlySet<string>): Set<string> | null {
  for (let k = from; k < to; k++) {
    if (skip.has(k)) continue
    const types = Object.keys(actNouns).filter((type) => actNouns[type]!.includes(tokens[k]!.text))
    if (!types.length) continue
    for (let d = k - 1; d >= from && d >= k - 1 - MODIFIERS; d--) {
      const t = tokens[d]!
      if (determiners.has(t.norm)) return new Set(prepositions.has(tokens[d - 1]?.norm ?? '') ? types.filter((type) => type !== DOCUMENT) : types)
      if (t.kind !== 'word' || skip.has(d)) break
    }
  }
  return null
}

/**
 * "Moskau bestellte den britischen Attaché ein. … Sacharowa nannte die Fahrt eine Provokation": a
 * reaction with no counterpart named continues the quarrel its speaker was last told in, within
 * `window` sentences before: the other party of that act of conflict. Null when there is none, or
 * when the text between starts another paragraph (`sameParagraph`).
 */
export function quarrelCounterpart(acts: readonly ToldAct[], speakers: ReadonlySet<string>, sentence: number, window: number, sameParagraph: (from: number) => boolean): Mention | null {
  for (let k = acts.length - 1; k >= 0; k--) {
    const act = acts[k]!
    if (act.sentence < sentence - window || !sameParagraph(act.sentence)) break
    if (act.sentence >= sentence || !act.conflict || !act.target) continue
    if (speakers.has(act.source.actor) && !speakers.has(act.target.actor)) return act.target
    if (speakers.has(act.target.actor) && !speakers.has(act.source.actor)) return act.source
  }
  return null
}
