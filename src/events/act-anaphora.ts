// A reaction aimed at an act the text told before: "Die USA verhängten Sanktionen gegen Ankara. Die
// Türkei verurteilte die Entscheidung." The act noun ("die Entscheidung", "die Sanktionen") points
// back to that act, and the reaction is aimed at whoever did it. A charge with no such noun may
// continue its speaker's quarrel with the other party of the act told just before.
import type { Mention, Token } from '../pipeline/document.ts'
import { UNLISTED } from '../pipeline/stages/mentions.ts'

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
  /** Whether both parties did it together (a joint exercise, a meeting): its partner is a doer too. */
  joint?: boolean
  sentence: number
}

/** Reactions whose unnamed counterpart may be the doer of an act told before. */
export const REACTIONS = new Set(['ACCUSE', 'PROTEST', 'REJECT', 'THREATEN'])

/** Quotation marks of any language. */
const QUOTES = /^[\p{Pi}\p{Pf}"'„“”‚‘’«»‹›]+$/u

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

/** The words that point back to an act: act nouns after a determiner, adverbs, and pronouns standing alone. */
export interface ActWords {
  /** Act nouns by the act types they may name (`actNouns` of coref.yaml). */
  nouns: Record<string, string[]>
  determiners: ReadonlySet<string>
  /** Adverbs that point back ("dagegen"). */
  adverbs: ReadonlySet<string>
  pronouns: ReadonlySet<string>
  prepositions: ReadonlySet<string>
  /** Particles of comparison or role ("als"), which start no noun phrase after a pronoun. */
  comparers: ReadonlySet<string>
}

/** What a clause points back to: the doers found, and whether a pronoun or adverb points back at all. */
export interface Antecedents {
  doers: Mention[]
  /** A pronoun standing alone or an adverb points back, whether or not a told act fits it. */
  pointsBack: boolean
}

/** Whether a told act's doer may be answered: not the one who answers, nor a party the text does not name. */
const answerable = (m: Mention, own: ReadonlySet<string>) => !own.has(m.actor) && m.actor !== UNLISTED

/**
 * The doers of the act a word of `tokens[from, to)` points back to, whose doers are not among `own`:
 * - a definite act noun: the latest act of a type the noun may name, told at most `window` sentences
 *   before (or earlier in this sentence);
 * - an adverb (`withAdverbs`: "drohte dagegen" is as often "on the other hand"): the latest such act
 *   of the sentence before or of this one;
 * - a pronoun standing alone: the latest act told in sentence `pronounFrom` or after, whatever its
 *   type, with the doers coordinated in it.
 * No doers when the clause has no such word or no act fits.
 */
export function actAntecedents(tokens: Token[], from: number, to: number, words: ActWords, acts: readonly ToldAct[], sentence: number, window: number, own: ReadonlySet<string>, skip: ReadonlySet<number>, pronounFrom: number, withAdverbs: boolean): Antecedents {
  const nouns = nounTypes(tokens, from, to, words.nouns, words.determiners, skip, words.prepositions)
  const pronoun = demonstrative(tokens, from, to, words.pronouns, skip, words.prepositions, words.comparers) !== null
  const adverb = withAdverbs && tokens.slice(from, to).some((t, n) => words.adverbs.has(t.norm) && !skip.has(from + n))
  const pointsBack = pronoun || adverb
  // "Moskau wies das zurück": a pronoun standing alone names whatever was told last, a charge or a claim included.
  if (!nouns && pronoun) return { doers: latestActDoers(acts, pronounFrom, own), pointsBack }
  // "Tokio legte dagegen Protest ein": an adverb that points back to what was just said names the act of the sentence before.
  const types = nouns ?? (adverb ? new Set([ANY]) : null)
  if (!types) return { doers: [], pointsBack }
  return { doers: nounOrAdverbDoers(types, !nouns, acts, sentence, window, own), pointsBack }
}

/** The doers of the latest act of `types` (an act noun's, or any decision for an adverb) within reach. */
function nounOrAdverbDoers(types: ReadonlySet<string>, adverb: boolean, acts: readonly ToldAct[], sentence: number, window: number, own: ReadonlySet<string>): Mention[] {
  // A noun that names the act's own kind ("den Protest", "die Sanktionen") reaches further back than one
  // that may name any decision: the latest such act is meant, paragraphs before.
  const reach = adverb ? 1 : types.has(ANY) || types.has(DOCUMENT) ? window : Math.max(window, NAMED_KIND_WINDOW)
  for (let k = acts.length - 1; k >= 0; k--) {
    const act = acts[k]!
    if (act.sentence < sentence - reach) break
    if (!answerable(act.source, own)) continue
    if (types.has(ANY) ? decision(act) : types.has(act.type)) return coordinatedDoers(acts, k, own)
  }
  // "Die Huthis wiesen den Beschluss zurück", "begrüßte die Resolution": an organisation's text, named
  // paragraphs after it was adopted, is its latest decision.
  if (types.has(DOCUMENT)) for (let k = acts.length - 1; k >= 0; k--) if (acts[k]!.byOrganisation && decision(acts[k]!) && !own.has(acts[k]!.source.actor)) return [acts[k]!.source]
  return []
}

/**
 * The doers of the latest act told in sentence `earliest` or after: its coordinated doers ("Polen und
 * Litauen warfen Minsk vor …") each, latest first. None when that act is the speaker's own.
 */
function latestActDoers(acts: readonly ToldAct[], earliest: number, own: ReadonlySet<string>): Mention[] {
  const told = acts.at(-1)?.sentence
  if (told === undefined || told < earliest) return []
  // "Minsk warf Moskau vor, Kämpfer geschickt zu haben. Moskau wies das zurück": the speaker's own act
  // told in that sentence is what it was charged with; the charge is what it answers.
  let k = acts.length - 1
  while (k >= 0 && acts[k]!.sentence === told && !answerable(acts[k]!.source, own)) k--
  return k >= 0 && acts[k]!.sentence === told ? coordinatedDoers(acts, k, own) : []
}

/** The doer of act `at` and of the acts told just before it that it was told with (same sentence, type and partner); the partner of a joint act. */
function coordinatedDoers(acts: readonly ToldAct[], at: number, own: ReadonlySet<string>): Mention[] {
  const last = acts[at]!
  const doers: Mention[] = []
  for (let k = at; k >= 0; k--) {
    const act = acts[k]!
    if (act.sentence !== last.sentence || act.type !== last.type || act.target?.actor !== last.target?.actor) break
    if (answerable(act.source, own) && !doers.some((d) => d.actor === act.source.actor)) doers.push(act.source)
  }
  // "Die USA und Südkorea begannen eine gemeinsame Übung. Pjöngjang verurteilte das Manöver": both did it.
  const partner = last.joint ? last.target : null
  if (partner && answerable(partner, own) && !doers.some((d) => d.actor === partner.actor)) doers.push(partner)
  return doers
}

/**
 * The index of a demonstrative pronoun of `pronouns` in `tokens[from, to)` that stands alone, or null:
 * not a relative pronoun after a comma, and no determiner of a noun ("das Urteil", "das harte Urteil").
 * A word after it that is capitalised, or is no preposition and is followed by a capitalised word, is its noun.
 */
export function demonstrative(tokens: Token[], from: number, to: number, pronouns: ReadonlySet<string>, skip: ReadonlySet<number>, prepositions: ReadonlySet<string>, comparers: ReadonlySet<string> = new Set()): number | null {
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.text[0] !== t.text[0]!.toLowerCase()
  for (let k = from; k < to; k++) {
    if (!pronouns.has(tokens[k]!.norm) || skip.has(k)) continue
    if (tokens[k - 1]?.text === ',') continue
    // Quotation marks are no words: "das brasilianische „Verständnis“" has its noun after them.
    const words = tokens.slice(k + 1, k + 6).filter((t) => t.kind !== 'punct' || !QUOTES.test(t.text))
    if (capital(words[0])) continue
    // "wies das als Verleumdung zurück": a preposition or a particle of comparison starts no noun phrase.
    if (words[0]?.kind === 'word' && !prepositions.has(words[0].norm) && !comparers.has(words[0].norm) && capital(words[1])) continue
    return k
  }
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
