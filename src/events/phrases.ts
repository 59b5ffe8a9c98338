import type { Mention, Token } from '../pipeline/document.ts'
import type { Grammar } from '../lang/schema.ts'
import { capitalised, exampleMarkerAt, inClause, looksAdjectival, prepositionFormsOf, type Clause } from './clauses.ts'
import { mentionTokenSet } from '../pipeline/spans.ts'
import { isGluedHyphen, phraseKey } from '../text/tokenize.ts'
import { fold } from '../text/normalize.ts'
import { isCompoundOf } from './lexicon.ts'
import { perGrammar } from '../lang/per-grammar.ts'

/** How an actor phrase attaches to its clause. */
export type Attachment = { kind: 'bare' } | { kind: 'prep'; prep: string } | { kind: 'gen' }

export interface Phrase {
  mentions: Mention[]
  /** Token range of the whole phrase (coordinated actors share one phrase). */
  from: number
  to: number
  attach: Attachment
  /** The noun a relative pronoun in the object's place refers to ("Xi, den Putin …"): never the subject. */
  notSubject?: boolean
  /** Examples of a group subject named at the clause's end ("…, darunter Deutschland und die USA"): no partners of each other. */
  examples?: boolean
}

const adverbials = perGrammar((g) => g.adverbialPhrases.map(phraseKey))
export const prepositionsOf = perGrammar((g): ReadonlySet<string> => new Set(g.prepositions))
/** Particles of comparison or role ("als", "wie"). */
export const comparersOf = perGrammar((g): ReadonlySet<string> => new Set(g.comparingSubordinators))
export const modifierWordsOf = perGrammar((g): ReadonlySet<string> => new Set(g.modifierWords))
const genitiveArticlesOf = perGrammar((g): ReadonlySet<string> => new Set(g.genitiveArticles))
export const groupNounsOf = perGrammar((g): ReadonlySet<string> => new Set(g.groupNouns))

/** How many words back a preposition may govern an actor: "in der von Russland geführten Militärallianz OVKS". */
const GOVERNING_REACH = 6

/** Words of closed classes (articles, prepositions, conjunctions, relative pronouns): none of them is a verb. */
const closedWords = perGrammar((g): ReadonlySet<string> => new Set([...g.determiners, ...g.prepositions, ...g.coordinators, ...g.subordinators, ...g.relativePronouns]))

/**
 * Whether only articles, counts and adjectives stand between the noun at `at` and the clause's
 * opening, or the finite auxiliary of a clause that opens with words naming no actor.
 */
function opensClause(tokens: Token[], at: number, clause: Clause, g: Grammar, actorTokens: Set<number>): boolean {
  const modifies = (t: Token) => t.kind === 'number' || g.determiners.includes(t.norm) || g.quantityWords.includes(t.norm) || g.quantityGlue.includes(t.norm) || looksAdjectival(t, g)
  let k = at - 1
  while (k >= clause.from && !g.finiteAuxiliaries.includes(tokens[k]!.norm) && modifies(tokens[k]!)) k--
  // "Anfang des Monats hatten Soldaten aus China … teilgenommen": or stands first after the finite
  // auxiliary of a clause that opens with something else.
  // Not after an actor there ("Die USA haben ihre Truppen aus Niger abgezogen": a place).
  if (k < clause.from) return true
  if (k === clause.from || !g.finiteAuxiliaries.includes(tokens[k]!.norm)) return false
  for (let n = clause.from; n < k; n++) if (actorTokens.has(n)) return false
  return true
}

/** The preposition governing the actor at token `i`, looking back over articles and adjectives. */
function governingPrep(tokens: Token[], i: number, clause: Clause, g: Grammar, actorTokens: Set<number> = new Set()): string | null {
  const preps = prepositionsOf(g)
  const mods = modifierWordsOf(g)
  for (let k = i - 1, steps = 0; k >= clause.from && steps < GOVERNING_REACH; k--, steps++) {
    const t = tokens[k]!
    const norm = g.contractions[t.norm] ?? t.norm
    // "an der vom Kreml geführten Organisation": an attributive agent inside the phrase is skipped.
    if (actorTokens.has(k)) {
      let a = k
      while (a > clause.from && actorTokens.has(a - 1)) a--
      const before = tokens[a - 1]
      if (before && g.agentPrepositions.includes(g.contractions[before.norm] ?? before.norm) && tokens[k + 1] && looksAdjectival(tokens[k + 1]!, g)) { k = a - 1; continue }
    }
    // "…, in der Moskau Moldau bedroht": the clause's opening "in der" governs the pronoun, not the noun.
    if (clause.relative && k === clause.from + 1 && g.relativePronouns.includes(t.norm) && preps.has(tokens[clause.from]!.norm)) return null
    // "on hundreds of Chinese companies": "hundreds of" counts, the preposition before it governs.
    // So does "a group of", "members of": the actor after a partitive head is who acts.
    if (k > clause.from && (g.quantityGlue.includes(norm) && g.quantityWords.includes(tokens[k - 1]!.norm) || g.partitiveGlue.includes(norm) && g.partitiveHeads.includes(tokens[k - 1]!.norm))) { k--; continue }
    // "Kriegsschiffe aus Russland, China und Iran haben … abgeschlossen": an origin at the clause's opening acts.
    if (k > clause.from && g.originGlue.includes(norm) && g.originHeads.includes(tokens[k - 1]!.norm) && opensClause(tokens, k - 1, clause, g, actorTokens)) { k--; continue }
    // "…, während Al-Qaida Bamako abschneidet": the word that opens a clause is its conjunction.
    if (k === clause.from && preps.has(norm) && g.subordinators.includes(norm)) return null
    // "unter anderem Mali": an adverbial phrase that starts like a preposition governs nothing.
    if (preps.has(norm) && adverbials(g).some((a) => a.every((w, n) => tokens[k + n]?.norm === w))) return null
    if (preps.has(norm)) return norm
    // "Wie die übrigen G7-Staaten hat Japan …": a main clause that opens with a comparing word
    // compares its actor; it does not act ("Wie Russland mitteilte, …" is a clause of its own).
    if (g.comparingSubordinators.includes(norm) && k === clause.from && !clause.subordinate) return norm
    // "Die USA hatten seine Freilassung ebenso verlangt wie die EU": after a word of comparison in the
    // clause, the actor the comparing word introduces is compared with the subject; it is no object.
    if (g.comparingSubordinators.includes(norm) && tokens.slice(clause.from, k).some((w) => g.comparisonWords.includes(w.norm))) return norm
    if (t.kind === 'word' && (mods.has(t.norm) || g.determiners.includes(t.norm) || looksAdjectival(t, g))) continue
    if (t.text === '-' ) continue
    // "gegen neun belarussische Staatsbetriebe", "an 20 russische Firmen": a count (not a year) stands in the phrase.
    // Words that only qualify the count ("gegen mehr als 20 …") are part of it when a preposition
    // stands before them; without one ("were sent about 11,000 …") the first of them is no preposition either.
    if (t.kind === 'number' && !/^(1[89]|20)\d\d$/.test(t.text) || g.quantityWords.includes(norm)) {
      let j = k
      const glue = (w: Token | undefined) => !!w && g.quantityGlue.includes(g.contractions[w.norm] ?? w.norm)
      while (j - 1 >= clause.from && glue(tokens[j - 1])) j--
      if (j === k) continue
      if (j === clause.from || !preps.has(g.contractions[tokens[j - 1]?.norm ?? ''] ?? tokens[j - 1]?.norm ?? '')) return null
      steps += k - j
      k = j
      continue
    }
    // "im Militärbündnis OVKS", "der Staat Israel": a class noun right before the name is its apposition.
    if (k === i - 1 && g.appositiveHeads.includes(t.norm)) continue
    // "mit dem Staatskonzern Rosatom": so is a company's class noun.
    if (k === i - 1 && t.kind === 'word' && /^\p{Lu}/u.test(t.text) && g.companyHeads.some((h) => t.norm === h.toLowerCase() || isCompoundOf(t, h))) continue
    return null
  }
  return null
}

/**
 * "an der Seite russischer Truppen": a demonym with a genitive ending right after a noun that is not
 * an actor; so is one that opens a role ("eine Beteiligung russischer Ermittler").
 */
function isGenitiveAdjective(tokens: Token[], m: Mention, clause: Clause, g: Grammar, actorTokens: Set<number>): boolean {
  const demonymRole = m.kind === 'role' && m.rule.endsWith('+adjective')
  if (m.kind !== 'adjective' && !demonymRole || !g.capitalisesNouns || m.tokenStart - 1 <= clause.from) return false
  const noun = tokens[m.tokenStart - 1]!
  const word = tokens[m.tokenStart]!
  const head = tokens[m.tokenEnd]
  const weak = !demonymRole && g.weakGenitiveAdjectiveEndings.some((e) => word.norm.endsWith(e)) && !!head && head.kind === 'word' && /^\p{Lu}/u.test(head.text)
    && !actorTokens.has(m.tokenEnd) && g.genitiveNounEndings.some((e) => head.norm.endsWith(e))
  return noun.kind === 'word' && /^\p{Lu}/u.test(noun.text) && !actorTokens.has(m.tokenStart - 1) && !g.prepositions.includes(noun.norm)
    && (g.genitiveAdjectiveEndings.some((e) => word.norm.endsWith(e)) || weak)
}

/** "die Anerkennung der Taliban": a genitive article right after a noun that is not an actor. */
function isGenitiveAttribute(tokens: Token[], i: number, clause: Clause, g: Grammar, actorTokens: Set<number>): boolean {
  const arts = genitiveArticlesOf(g)
  const mods = modifierWordsOf(g)
  let k = i - 1
  // "an der Seite des Generals Haftar": a title may stand between the article and the name.
  // So may a compound glued with a hyphen ("des Nato-Verbündeten Litauen").
  const title = (at: number) => at - 2 > clause.from && isGluedHyphen(tokens, at - 1) ? at - 2 : at
  if (k > clause.from && capitalised(tokens[k]) && !actorTokens.has(k) && arts.has(tokens[title(k) - 1]?.norm ?? '')) k = title(k) - 1
  // Adjectives inside the noun phrase ("der staatlichen russischen Nachrichtenagentur"), back to the article.
  while (k > clause.from && tokens[k]!.kind === 'word' && (mods.has(tokens[k]!.norm) || looksAdjectival(tokens[k]!, g) && (actorTokens.has(k + 1) || looksAdjectival(tokens[k + 1]!, g))) && !arts.has(tokens[k]!.norm)) k--
  const art = tokens[k]
  const noun = tokens[k - 1]
  if (!art || !noun || k - 1 < clause.from || !arts.has(art.norm)) return false
  const preps = prepositionsOf(g)
  // A sentence's first word is capitalised whatever it is ("Auch der russische Außenminister …").
  const sentenceStart = k - 1 === 0 || tokens[k - 2]!.sentence !== noun.sentence
  return noun.kind === 'word' && /^\p{Lu}/u.test(noun.text) && !sentenceStart && !actorTokens.has(k - 1) && !preps.has(noun.norm)
}

/** The token of the partitive head a genitive actor depends on ("Vertreter der Hamas"), or -1. */
function partitiveHead(tokens: Token[], i: number, clause: Clause, g: Grammar, actorTokens: Set<number>): number {
  if (!g.partitiveGenitiveHeads.length) return -1
  const arts = genitiveArticlesOf(g)
  // Back over adjectives and a describing demonym ("der russischen Gruppe Wagner") to the article.
  let k = i - 1
  while (k > clause.from && tokens[k]!.kind === 'word' && (actorTokens.has(k) || looksAdjectival(tokens[k]!, g)) && !arts.has(tokens[k]!.norm)) k--
  if (k <= clause.from || !arts.has(tokens[k]!.norm)) return -1
  return isPartitiveHead(tokens[k - 1]!, g) ? k - 1 : -1
}

/** A partitive head, or a compound ending in one ("Militärausbilder"). */
function isPartitiveHead(t: Token, g: Grammar): boolean {
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text) && g.partitiveGenitiveHeads.some((h) => t.norm === h || isCompoundOf(t, h))
}

/** Can the tokens between two actors be read as part of a list ("X, aber auch die Nachbarländer Y und Z")? */
function coordinationGap(tokens: Token[], from: number, to: number, g: Grammar, prep: string | null = null): boolean {
  if (to - from > 6) return false
  // "nach Nicaragua oder nach Syrien": the first actor's preposition may be repeated.
  const fillers = new Set([...g.coordinationFillers, ...g.determiners, ...(prep ? [prep] : [])])
  let sawLink = false
  let otherPrep = false
  let nouns = 0
  for (let k = from; k < to; k++) {
    const t = tokens[k]!
    if (t.text === ',') { sawLink = true; continue }
    // "…, unter ihnen Polen, …": a marker of examples links the list.
    const marker = exampleMarkerAt(tokens, k, g)
    if (marker > 0) { k += marker - 1; continue }
    // "Nato-Staaten, darunter den USA": a compound on a name is part of it.
    if (t.text === '-' && k === from && tokens[k + 1]?.kind === 'word') { nouns--; continue }
    // "polnische F-16 und niederländische F-35": a type designation glued by a hyphen is one noun.
    if (t.text === '-' && k > from && tokens[k - 1]!.end === t.start && tokens[k + 1]?.start === t.end) continue
    if (t.kind === 'number' && tokens[k - 1]?.text === '-' && tokens[k - 1]!.end === t.start) continue
    if (t.kind !== 'word') return false
    if (fillers.has(t.norm)) { if (g.coordinators.includes(t.norm)) sawLink = true; continue }
    // "Putin und der damalige Regierungschef Abe": after the link, an adjective of the next member.
    if (sawLink && looksAdjectival(t, g) && tokens[k - 1]!.kind === 'word' && g.determiners.includes(tokens[k - 1]!.norm)) continue
    // "nach Saudi-Arabien, in die Emirate und nach Katar": a list of places may change its
    // preposition right after a comma or conjunction, with no noun of its own between.
    if (prep !== null && prepositionFormsOf(g).has(t.norm) && (tokens[k - 1]!.text === ',' || g.coordinators.includes(tokens[k - 1]!.norm))) { otherPrep = true; continue }
    if (/^\p{Lu}/u.test(t.text) && ++nouns <= 1) continue
    return false
  }
  return sawLink && !(otherPrep && nouns > 0)
}

/** "… to Russia, Seoul said", "… blocked the road, Armenian media reported": the actor in [start, end) is a speaker, a speech verb right after it and a comma between `from` and it. */
export function speaksAfterComma(tokens: Token[], from: number, start: number, end: number, g: Grammar): boolean {
  return g.speechVerbs.includes(tokens[end]?.norm ?? '') && tokens.slice(from, start).some((t) => t.text === ',')
}

/**
 * The last comma in `[from, start)` that a marker of examples follows ("…, unter ihnen", "…, darunter"),
 * with nothing but articles between the marker and the mention at `start`; else -1.
 */
function exampleListComma(tokens: Token[], from: number, start: number, g: Grammar): number {
  let comma = -1
  for (let k = from; k < start; k++) if (tokens[k]!.text === ',') comma = k
  if (comma < 0) return -1
  const marker = exampleMarkerAt(tokens, comma + 1, g)
  return marker === 0 || tokens.slice(comma + 1 + marker, start).some((t) => !g.determiners.includes(t.norm)) ? -1 : comma
}

/**
 * "Sanktionen gegen elf Generäle verhängt, unter ihnen Min Aung Hlaing": the preposition of the noun
 * with no actor whose examples a marker after a comma opens a list of, for the mention at `start`;
 * else null. Verbs that close the clause before the comma are passed over, then the noun, its
 * articles, adjectives and count.
 */
function examplesPreposition(tokens: Token[], start: number, clause: Clause, g: Grammar, actorTokens: Set<number>): string | null {
  const comma = exampleListComma(tokens, Math.max(clause.from, start - 5), start, g)
  if (comma < 0) return null
  let k = comma - 1
  while (k > clause.from && tokens[k]!.kind === 'word' && /^\p{Ll}/u.test(tokens[k]!.text) && !looksAdjectival(tokens[k]!, g)) k--
  if (!capitalised(tokens[k]) || actorTokens.has(k)) return null
  const preps = prepositionsOf(g)
  for (let n = k - 1; n >= clause.from && k - n <= 4; n--) {
    const t = tokens[n]!
    const norm = g.contractions[t.norm] ?? t.norm
    if (preps.has(norm)) return norm
    if (!(t.kind === 'number' || g.determiners.includes(t.norm) || g.quantityWords.includes(t.norm) || looksAdjectival(t, g))) return null
  }
  return null
}

/**
 * "Rund 80 Staaten unterzeichneten die Erklärung, darunter Deutschland und die USA", "More than 40
 * countries condemned it, among them Canada": a list of examples that ends the clause names members
 * of a subject that is a group with no actor of its own (a group noun among the clause's first words,
 * no actor before it), not of the noun before the comma, unless that is such a group itself
 * ("unterstützte mehrere Länder, darunter Mali"). Checked for the mention at `start` after the
 * phrase ending at `from`.
 */
function examplesOfSubject(tokens: Token[], from: number, start: number, clause: Clause, g: Grammar, actorTokens: Set<number>): boolean {
  const groups = groupNounsOf(g)
  if (!groups.size) return false
  const comma = exampleListComma(tokens, from, start, g)
  if (comma < 0) return false
  if (groups.has(tokens[comma - 1]?.norm ?? '')) return false
  // The list runs to the clause's end: actors, their articles, commas and conjunctions.
  for (let k = start; k < clause.to; k++) {
    const t = tokens[k]!
    if (!actorTokens.has(k) && t.kind === 'word' && !g.determiners.includes(t.norm) && !g.coordinators.includes(t.norm) && !looksAdjectival(t, g)) return false
  }
  const lead = tokens.slice(clause.from, Math.min(clause.to, clause.from + 5))
  const head = lead.findIndex((t) => groups.has(t.norm))
  return head >= 0 && !lead.slice(0, head).some((_, n) => actorTokens.has(clause.from + n))
}

/** Groups a clause's actor mentions into phrases and says how each attaches. */
export function clausePhrases(mentions: Mention[], tokens: Token[], clause: Clause, g: Grammar, isState: (actor: string) => boolean = () => false): Phrase[] {
  const members = mentions.filter((m) => inClause(clause, m.tokenStart) && inClause(clause, m.tokenEnd - 1))
  const actorTokens = mentionTokenSet(members)
  const phrases: Phrase[] = []
  // Where a dropped describing mention began: the preposition before it governs the head.
  let describedFrom: number | null = null
  // The last phrase read through a partitive head ("Vertreter der Hamas").
  let partitive: Phrase | null = null
  for (const [n, m] of members.entries()) {
    // "die russische Söldnergruppe Wagner": the named group after the noun is the actor, the demonym
    // only describes it. A state's name there is part of another name ("die litauische Stiftung Belarus Freedom").
    const following = members[n + 1]
    const describes = following && following.tokenStart - m.tokenEnd === 1 && tokens[m.tokenEnd]!.kind === 'word' && /^\p{Lu}/u.test(tokens[m.tokenEnd]!.text)
    if (describes && m.kind === 'adjective' && !isState(following.actor)) continue
    // "der russischen Gruppe Wagner": so does a demonym right before a group's name.
    if (m.kind === 'adjective' && following?.tokenStart === m.tokenEnd && following.kind === 'name' && !isState(following.actor)) continue
    // "Kasachstans Nachbarland Aserbaidschan": the genitive describes the actor named after the noun.
    if (describes && m.genitive && m.kind !== 'role') { describedFrom = m.tokenStart; continue }
    // "the Russian-led CSTO", "the US-brokered ceasefire": a name glued to a participle describes
    // what follows; it is no party of the clause.
    const glue = tokens[m.tokenEnd]
    const participle = tokens[m.tokenEnd + 1]
    if (glue?.text === '-' && glue.start === tokens[m.tokenEnd - 1]!.end && participle && g.attributiveParticiples.includes(participle.norm)) { describedFrom ??= m.tokenStart; continue }
    // "…, most of them Russian.": a demonym with no noun after it describes; it names no party.
    const afterAdjective = tokens[m.tokenEnd]
    // "russische, usbekische und tadschikische Soldaten": one followed by a comma and the next demonym is a member of their list.
    const listed = afterAdjective?.text === ',' && following?.kind === 'adjective' && following.tokenStart === m.tokenEnd + 1
    if (m.kind === 'adjective' && !listed && (!afterAdjective || afterAdjective.kind !== 'word' && afterAdjective.text !== '-')) continue
    const prev = phrases[phrases.length - 1]
    const prevPrep = prev?.attach.kind === 'prep' ? prev.attach.prep : null
    // "… to Russia, Seoul said.": an actor followed by a speech verb after a comma is the speaker, not a list member.
    const speaker = speaksAfterComma(tokens, prev?.to ?? m.tokenStart, m.tokenStart, m.tokenEnd, g)
    // "beide Länder": mentions on the same words name the parties of one phrase.
    const sameWords = !!prev && prev.mentions.some((x) => x.tokenStart === m.tokenStart && x.tokenEnd === m.tokenEnd)
    // "Kriegsschiffe Chinas und Russlands": genitives coordinated after a partitive head join its phrase.
    const partitiveList = !!prev && prev === partitive && m.genitive
    // "die Außenminister der Ukraine, Estlands und Lettlands": genitives after a role's own genitive name more holders.
    const holders = !!prev && m.genitive && prev.mentions[0]?.kind === 'role' && prev.mentions[0].rule.endsWith('+link')
    // "…, unter ihnen Dänemark und Irland, russische Diplomaten aus": where subject and object may both
    // follow the verb, a demonym past a mere comma after a name opens the next noun phrase; only a
    // conjunction joins it to the list.
    const demonymAfterName = !!prev && g.subjectAfterVerb && m.kind === 'adjective' && prev.mentions.at(-1)?.kind !== 'adjective' && !tokens.slice(prev.to, m.tokenStart).some((t) => g.coordinators.includes(t.norm))
    if (examplesOfSubject(tokens, prev?.to ?? clause.from, m.tokenStart, clause, g, actorTokens)) {
      phrases.push({ mentions: [m], from: m.tokenStart, to: m.tokenEnd, attach: { kind: 'bare' }, examples: true })
      partitive = null
      describedFrom = null
      continue
    }
    // "In Minsk, Putin criticised NATO": two names parted by a mere comma are a list only where it goes on after the second.
    const commaOnly = !!prev && tokens.slice(prev.to, m.tokenStart).every((t) => t.text === ',' || g.determiners.includes(t.norm))
    const listGoesOn = tokens[m.tokenEnd]?.text === ',' || g.coordinators.includes(tokens[m.tokenEnd]?.norm ?? '')
    if (prev && (sameWords || !speaker && !demonymAfterName && !(commaOnly && !listGoesOn) && coordinationGap(tokens, prev.to, m.tokenStart, g, prevPrep) && (!m.genitive || partitiveList || holders))) {
      // "mehrere EU-Staaten, unter ihnen Italien": the members named act, not the group their compound names.
      const members = prev.mentions.length === 1 && tokens[prev.to]?.text === '-' && tokens.slice(prev.to, m.tokenStart).some((_, n) => exampleMarkerAt(tokens, prev.to + n, g) > 0)
      if (members) prev.mentions.length = 0
      prev.mentions.push(m)
      prev.to = m.tokenEnd
      continue
    }
    // "Seoul zufolge": a postposition after the actor governs it as a preposition before it would.
    const after = tokens[m.tokenEnd]
    const post = after && inClause(clause, m.tokenEnd) && g.postpositions.includes(after.norm) ? after.norm : null
    // "Angehörige der chinesischen Küstenwache", "Vertreter der Hamas": the actor of a partitive
    // genitive is the party; the phrase attaches where its head noun does.
    // "bombardierte den von den Huthis kontrollierten Hafen": the holder stands for the place it holds.
    const held = heldPlace(tokens, m, clause, g)
    const start = held ?? describedFrom ?? m.tokenStart
    const head = post ? -1 : m.genitive ? (start > clause.from && isPartitiveHead(tokens[start - 1]!, g) ? start - 1 : -1) : partitiveHead(tokens, start, clause, g, actorTokens)
    // "hatte dort um Waffen gebeten": a place adverb stands for the preposition it replaces.
    const adverb = m.tokenEnd - m.tokenStart === 1 ? g.placeAdverbs[tokens[m.tokenStart]!.norm] : undefined
    // "Sanktionen gegen elf Generäle, unter ihnen Min Aung Hlaing": examples of a noun with no actor take its preposition.
    const prep = post ?? (adverb !== undefined ? fold(adverb) : examplesPreposition(tokens, start, clause, g, actorTokens) ?? governingPrep(tokens, head >= 0 ? head : start, clause, g, actorTokens))
    describedFrom = null
    const attach: Attachment = prep
      ? { kind: 'prep', prep }
      : head < 0 && (m.genitive || isGenitiveAttribute(tokens, m.tokenStart, clause, g, actorTokens) || isGenitiveAdjective(tokens, m, clause, g, actorTokens) || g.genitiveOnlyArticles.includes(tokens[m.tokenStart - 1]?.norm ?? '')) ? { kind: 'gen' } : { kind: 'bare' }
    // "Die Generalstabschefs Armeniens und Aserbaidschans": genitives joined by a conjunction alone are one coordination;
    // so are those of a list ("Die Marinen Südafrikas, Russlands und Chinas").
    const genitiveList = tokens[prev?.to ?? -1]?.text === ',' && m.genitive && !!prev?.mentions.every((p) => p.genitive)
    if (prev && prev.attach.kind === 'gen' && attach.kind === 'gen' && start === prev.to + 1 && (g.coordinators.includes(tokens[prev.to]!.norm) || genitiveList)) {
      prev.mentions.push(m)
      prev.to = m.tokenEnd
      partitive = null
      continue
    }
    // "mit dem Emir von Katar, Tamim bin Hamad Al Thani, und mit Palästinenserpräsident Abbas": after a
    // conjunction (past an aside), the same preposition, its articles and adjectives and a title
    // nobody listed open the next member of one coordination.
    if (prev && prev.attach.kind === 'prep' && (attach.kind === 'prep' ? attach.prep === prev.attach.prep : m.kind === 'person')) {
      let p = start - 1
      if (attach.kind !== 'prep' && p > prev.to && capitalised(tokens[p]) && !actorTokens.has(p)) p--
      while (p > prev.to && tokens[p]!.kind === 'word' && (g.determiners.includes(tokens[p]!.norm) || looksAdjectival(tokens[p]!, g))) p--
      const glue = tokens[p - 1]
      if (p > prev.to && (g.contractions[tokens[p]!.norm] ?? tokens[p]!.norm) === prev.attach.prep && glue && g.coordinators.includes(glue.norm)
        && tokens.slice(prev.to, p - 1).every((t, n) => t.kind === 'punct' || !inClause(clause, prev.to + n))) {
        prev.mentions.push(m)
        prev.to = m.tokenEnd
        partitive = null
        continue
      }
    }
    // "wo ihn Putin empfing": an object pronoun is never the subject.
    const objectForm = objectCase(tokens, start, clause, g) || m.tokenEnd - m.tokenStart === 1 && g.objectPronouns.includes(tokens[m.tokenStart]!.norm) || obliqueName(tokens, m, g)
    phrases.push({ mentions: [m], from: m.tokenStart, to: m.tokenEnd, attach, ...(attach.kind === 'bare' && objectForm ? { notSubject: true } : {}) })
    partitive = head >= 0 ? phrases.at(-1)! : null
  }
  // "Die von Moskau annektierten ukrainischen Gebiete hat Usbekistan nie anerkannt": a plural noun
  // phrase before a singular verb is no subject; the clause puts its object first.
  const plural = pluralLead(tokens, clause, g, actorTokens)
  if (plural > 0) for (const p of phrases) if (p.to <= plural) p.notSubject = true
  const verb = plural > 0 ? -1 : nounLead(tokens, clause, g, actorTokens)
  if (verb > 0) {
    // Up to the next comma or conjunction: what follows it may be a clause of its own.
    let end = verb + 1
    while (end < clause.to && tokens[end]!.kind !== 'punct' && !g.subordinators.includes(tokens[end]!.norm)) end++
    for (const p of phrases) if (p.from > verb && p.to <= end && p.attach.kind === 'bare') p.notSubject = true
  }
  return phrases
}

/**
 * "Die Junta hatte Kiew vorgeworfen …", "Mehrere Regierungen werfen Minsk vor …": where a main clause
 * opens with a noun phrase that may be a subject and names no actor, and a verb follows it, that phrase
 * is the subject; returns the verb's index (-1 if the clause opens otherwise). The actors after the
 * verb are its objects.
 */
function nounLead(tokens: Token[], clause: Clause, g: Grammar, actorTokens: Set<number>): number {
  if (clause.subordinate || clause.relative || !g.subjectDeterminers.includes(tokens[clause.from]?.norm ?? '')) return -1
  const closed = closedWords(g)
  for (let k = clause.from + 1; k < clause.to && k < clause.from + 6; k++) {
    const t = tokens[k]!
    if (t.kind !== 'word' || actorTokens.has(k)) return -1
    if (/^\p{Ll}/u.test(t.text)) {
      if (looksAdjectival(t, g)) continue
      return -1
    }
    // The head noun, and a name nobody listed in apposition to it ("die staatliche Exportbank Exim"):
    // a lower-case word that may be the verb must follow.
    let v = k + 1
    while (v < clause.to && v < k + 4 && tokens[v]!.kind === 'word' && /^\p{Lu}/u.test(tokens[v]!.text) && !actorTokens.has(v)) v++
    const next = tokens[v]
    // "Die Nutzung beider Anlagen hatte Moskau …": an adjective before another noun continues the phrase, so no verb is known.
    const after = tokens[v + 1]
    // So does a demonym that opens a role ("Eine Beteiligung russischer Ermittler verweigerten …").
    const attribute = !!next && looksAdjectival(next, g) && !!after && after.kind === 'word' && /^\p{Lu}/u.test(after.text) && (!actorTokens.has(v + 1) || actorTokens.has(v))
    return next && next.kind === 'word' && v < clause.to && /^\p{Ll}/u.test(next.text) && !closed.has(next.norm) && !attribute ? v : -1
  }
  return -1
}

/**
 * "den von den Huthis kontrollierten Hafen", "im von Russland besetzten Gebiet": an actor after an
 * agent preposition and before a participle of holding names the place it holds. Returns the index
 * of the agent preposition, where the place's noun phrase attaches, or null.
 */
function heldPlace(tokens: Token[], m: Mention, clause: Clause, g: Grammar): number | null {
  if (!g.controlParticiples.includes(tokens[m.tokenEnd]?.norm ?? '')) return null
  let k = m.tokenStart - 1
  if (k > clause.from && g.determiners.includes(tokens[k]!.norm)) k--
  const prep = tokens[k]
  return prep && k >= clause.from && g.agentPrepositions.includes(g.contractions[prep.norm] ?? prep.norm) ? k : null
}

/**
 * Where a clause opens with a plural noun phrase ("Die … annektierten Gebiete": a plural article and
 * an adjective with the plural ending) that a singular finite verb follows ("hat"), the index of that
 * verb; else -1.
 */
function pluralLead(tokens: Token[], clause: Clause, g: Grammar, actorTokens: Set<number>): number {
  if (!g.pluralDeterminers.length || !g.pluralDeterminers.includes(tokens[clause.from]?.norm ?? '')) return -1
  const preps = prepositionsOf(g)
  let adjective = false
  for (let k = clause.from + 1; k < clause.to && k < clause.from + 12; k++) {
    const t = tokens[k]!
    if (t.kind !== 'word') return -1
    if (actorTokens.has(k) || preps.has(t.norm)) continue
    if (/^\p{Ll}/u.test(t.text)) {
      if (!looksAdjectival(t, g)) return -1
      adjective ||= g.pluralAdjectiveEndings.some((e) => t.norm.endsWith(e))
      continue
    }
    // The head noun: a singular finite verb must follow it.
    return adjective && g.singularFiniteVerbs.includes(tokens[k + 1]?.norm ?? '') ? k + 1 : -1
  }
  return -1
}

const obliqueNamesOf = perGrammar((g): ReadonlySet<string> => new Set(g.obliqueNames.map((n) => phraseKey(n).join(' '))))

/** "Der Ukraine hat Island Hilfe geleistet": a feminine or plural name right after an article that for it marks the dative or genitive. */
function obliqueName(tokens: Token[], m: Mention, g: Grammar): boolean {
  if (!g.obliqueArticles.includes(tokens[m.tokenStart - 1]?.norm ?? '')) return false
  // "Eine Arbeitsgruppe der Vereinten Nationen": after a noun the name is its genitive attribute, which may name the subject.
  if (capitalised(tokens[m.tokenStart - 2]) && tokens[m.tokenStart - 2]!.sentence === m.sentence) return false
  return obliqueNamesOf(g).has(tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.norm).join(' '))
}

/**
 * "bestellte das Ministerium den russischen Botschafter ein": an article that marks the accusative
 * or dative ("den", "dem", "einen") opens an object, never the clause's subject.
 */
function objectCase(tokens: Token[], start: number, clause: Clause, g: Grammar): boolean {
  for (let k = start - 1; k >= clause.from && k >= start - 3; k--) {
    const t = tokens[k]!
    // "Xi, den Putin einen Freund nennt": the pronoun that opens a relative clause is no article.
    if (clause.relative && k <= clause.from + 1) return false
    if (g.objectDeterminers.includes(t.norm)) return true
    // "Der finnischen Regierung warf Moskau vor": at the clause's start, "der" before an adjective in -en is no nominative.
    const adjective = tokens[k + 1]
    if (g.obliqueAdjectiveEnding && k === clause.from && g.obliqueArticles.includes(t.norm) && !!adjective && looksAdjectival(adjective, g) && adjective.norm.endsWith(g.obliqueAdjectiveEnding)) return true
    if (t.kind !== 'word' || g.determiners.includes(t.norm) || g.relativePronouns.includes(t.norm) || !(looksAdjectival(t, g) || g.modifierWords.includes(t.norm))) return false
  }
  return false
}
