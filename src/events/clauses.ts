import type { Token } from '../pipeline/document.ts'
import type { Grammar } from '../lang/schema.ts'
import { perGrammar } from '../lang/per-grammar.ts'
import { isGluedHyphen, phraseKey } from '../text/tokenize.ts'

export interface Clause {
  /** Token range [from, to) into the document's tokens. */
  from: number
  to: number
  /** Stretches inside the range that belong to other clauses (appositions, parentheses, relative clauses). */
  skips?: [number, number][]
  /** Opened by a subordinating conjunction or relative pronoun. */
  subordinate: boolean
  /** Opened by a relative pronoun as its subject: the antecedent is the subject. */
  relative: boolean
  /** Opened by "und", "aber" … or a dash: may share the previous clause's subject. */
  coordinated: boolean
  /** An apposition or a parenthesis: describes, says nothing of its own. */
  apposition: boolean
  /** A verb phrase in a list that shares the previous clause's subject ("…, den Botschafter einbestellte"). */
  sharedSubject?: boolean
  /** What a speaker said ("sagte, die Verantwortung liege bei Kiew"): the speaker stands behind it. */
  reported?: boolean
  /** A conjunct that shares the finite auxiliary of the sentence's first clause, and its subject ("hatte erklärt, …, und Peking um Hilfe gebeten"). */
  sharesFirst?: boolean
}

export function inClause(c: Pick<Clause, 'from' | 'to' | 'skips'>, i: number): boolean {
  return i >= c.from && i < c.to && !(c.skips ?? []).some(([a, b]) => i >= a && i < b)
}

const HARD = new Set([';', ':', '–', '—'])
const QUOTES = new Set(['„', '“', '"', '»', '«', '‚', '‘', '”'])

/** A quotation mark: it marks words, it ends no clause ("warnte Teheran vor „verheerenden Folgen“"). */
export const isQuote = (t: Token | undefined): boolean => !!t && QUOTES.has(t.text)

type Opening = Pick<Clause, 'subordinate' | 'relative' | 'coordinated' | 'sharedSubject' | 'reported' | 'sharesFirst'>
const MAIN: Opening = { subordinate: false, relative: false, coordinated: false }

/** True when tokens [from, to) are actor names with at most articles between them. */
function onlyActors(tokens: Token[], from: number, to: number, actorTokens: Set<number>, g: Grammar): boolean {
  if (to <= from) return false
  let actors = 0
  for (let k = from; k < to; k++) {
    if (actorTokens.has(k)) { actors++; continue }
    if (tokens[k]!.kind === 'word' && (g.determiners.includes(tokens[k]!.norm) || g.coordinationFillers.includes(tokens[k]!.norm)) || tokens[k]!.text === ',') continue
    return false
  }
  return actors > 0
}

/** The language's present participle pattern ("adding"), compiled once. */
const examplePhrases = perGrammar((g) => g.exampleMarkers.map(phraseKey))

/** "darunter", "unter ihnen", "among them": the number of words of a list-of-examples marker at `k` (0 if none). */
export function exampleMarkerAt(tokens: Token[], k: number, g: Grammar): number {
  for (const words of examplePhrases(g)) if (words.every((w, n) => tokens[k + n]?.norm === w)) return words.length
  return 0
}

const participlePattern = perGrammar((g) => (g.participlePattern ? new RegExp(g.participlePattern, 'u') : null))
/** ", adding that …": a present participle (by the pack's pattern) opening a clause. */
export function isParticiple(t: Token | undefined, g: Grammar, form: (t: Token) => string = (w) => w.text): boolean {
  return !!t && t.kind === 'word' && !!participlePattern(g)?.test(form(t))
}

/** "Having signed the treaty, …", "After meeting Xi, …": a clause that opens with a present participle (capitalised or not), after a conjunction or not. */
export function opensWithParticiple(words: Token[], g: Grammar): boolean {
  const norm = (t: Token) => t.norm
  return isParticiple(words[0], g, norm) || (!!words[0] && g.subordinators.includes(words[0].norm) && isParticiple(words[1], g, norm))
}

/** The language's one-word zu-infinitive pattern ("auszusetzen"), compiled once. */
const infinitivePattern = perGrammar((g) => (g.infinitivePattern ? new RegExp(g.infinitivePattern, 'u') : null))

/**
 * Whether words hold an infinitive: a one-word zu-infinitive, or a marker before a lower-case word
 * that is no article ("to withdraw", "zu liefern"; not "admittance to Ghanaians", "zu den Gesprächen").
 */
export function hasInfinitive(words: Token[], g: Grammar): boolean {
  return words.some((t, k) => {
    if (!isInfinitiveWord(t, g)) return false
    if (!g.infinitiveMarkers.includes(t.norm)) return true
    const next = words[k + 1]
    return !!next && next.kind === 'word' && /^\p{Ll}/u.test(next.text) && !g.determiners.includes(next.norm)
  })
}

/** An infinitive marker ("zu", "um") or a one-word zu-infinitive ("auszusetzen"). */
export function isInfinitiveWord(t: Token, g: Grammar): boolean {
  return g.infinitiveMarkers.includes(t.norm) || !!infinitivePattern(g)?.test(t.norm)
}

/**
 * The word at `i` is the verb of an infinitive: after its marker ("zu liefern", "to supply"), with the
 * marker inside it ("abzuziehen"), or before a marker and the auxiliary that closes the clause
 * ("geliefert zu haben", "entsandt zu werden").
 */
export function isInfinitiveVerb(tokens: Token[], i: number, clause: Clause, g: Grammar): boolean {
  if (g.infinitiveMarkers.includes(tokens[i - 1]?.norm ?? '') || infinitivePattern(g)?.test(tokens[i]!.norm)) return true
  const marker = tokens[i + 1]
  const auxiliary = tokens[i + 2]
  const after = tokens[i + 3]
  return !!marker && !!auxiliary && g.infinitiveMarkers.includes(marker.norm) && auxiliary.kind === 'word' && i + 2 < clause.to
    && (!after || i + 3 >= clause.to || after.kind === 'punct')
}

/** The stretch from `from` to the next comma or the end closes with "zu" + a word: an infinitive clause. */
function infinitiveFollows(tokens: Token[], from: number, to: number, g: Grammar): boolean {
  const words = tokens.slice(from, segmentEnd(tokens, from, to)).filter((t) => t.kind === 'word')
  // Not "… seine Grenze zu Belarus": where nouns are capitalised, a verb is not.
  const verb = words.at(-1)
  if (words.length >= 2 && g.infinitiveMarkers.includes(words[words.length - 2]!.norm) && !(g.capitalisesNouns && /^\p{Lu}/u.test(verb!.text))) return true
  return words.length >= 1 && !!infinitivePattern(g)?.test(words.at(-1)!.norm)
}

/** Where the stretch from `from` ends: at the next comma, or at a semicolon, colon or dash. */
function segmentEnd(tokens: Token[], from: number, to: number): number {
  let e = from
  while (e < to && tokens[e]!.text !== ',' && !HARD.has(tokens[e]!.text)) e++
  return e
}

/** "…, ein halbes Jahr bevor sich Eriwan … unterwarf,": the verb before this comma closes a clause nested without a comma. */
function nestedClause(tokens: Token[], start: number, at: number, subs: Set<string>, g: Grammar): boolean {
  let from = at - 1
  while (from > start && tokens[from]!.text !== ',') from--
  // Past the comma and the word that opens the clause.
  const first = tokens[from]!.text === ',' ? from + 2 : from + 1
  const { preps } = clauseWords(g)
  // "als „Freund“ bezeichnet": a comparing word opens a clause only before a pronoun ("als er …").
  // "der erst seit Mai im Amt ist": a conjunction that is also a preposition governs the article,
  // number or noun after it.
  const governs = (next: Token | undefined) => !!next && (next.kind === 'number' || g.determiners.includes(next.norm) || capitalised(next))
  return tokens.slice(first, at).some((t, k, seg) => t.kind === 'word' && subs.has(t.norm)
    && !(preps.has(t.norm) && governs(seg[k + 1]))
    && (!g.comparingSubordinators.includes(t.norm) || (!!seg[k + 1] && g.subjectPronouns.includes(seg[k + 1]!.norm))))
}

/** A lower-case word with an adjective ending ("gemeinsamen"): may stand between a preposition and its noun. */
export function looksAdjectival(t: Token, g: Grammar): boolean {
  return /^\p{Ll}/u.test(t.text) && t.text.length > 4 && g.adjectiveEndings.some((e) => e && t.norm.endsWith(e))
}

export const capitalised = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.text)

/** The grammar's prepositions and the contractions that hold one ("im", "zum"), as a set. */
export const prepositionFormsOf = perGrammar((g): ReadonlySet<string> => new Set([...g.prepositions, ...Object.keys(g.contractions)]))

/** The grammar's word lists the clause splitter asks about, as sets (built once per grammar). */
const clauseWords = perGrammar((g) => ({
  subs: new Set(g.subordinators),
  rels: new Set(g.relativePronouns),
  preps: prepositionFormsOf(g),
  coords: new Set(g.clauseCoordinators),
  pronouns: new Set(g.subjectPronouns),
  quantifierSubjects: new Set(g.quantifierSubjects),
  reportedAuxiliaries: new Set(g.reportedAuxiliaries),
  auxiliaries: new Set(g.finiteAuxiliaries),
  finiteVerbs: new Set([...g.finiteAuxiliaries, ...g.futureAuxiliaries, ...g.passiveAuxiliaries, ...g.copulas]),
  appositive: new Set(g.appositionOpeners),
  speech: new Set(g.speechVerbs),
  speechNouns: new Set(g.speechNouns),
  heads: new Set(g.complementHeads),
  listWords: new Set([...g.determiners, ...g.prepositions, ...Object.keys(g.contractions), ...g.coordinators, ...g.coordinationFillers]),
}))

/**
 * In a verb-final language, ", der viertgrößten Stadt Russlands," ends on a noun and is followed
 * by the rest of the clause: an apposition. ", der im März … erlassen hatte," is a relative clause.
 */
function isApposition(tokens: Token[], k: number, end: number, to: number, g: Grammar): boolean {
  if (!g.verbFinalSubordinates || end >= to) return false
  const words = tokens.slice(k, end).filter((t) => t.kind === 'word')
  const after = tokens[end + 1]
  if (!capitalised(words.at(-1)) || !after || after.kind !== 'word' || capitalised(after) && !g.finiteAuxiliaries.includes(after.norm)) return false
  const second = words[1]
  const { preps } = clauseWords(g)
  // ", mit Kremlchef Wladimir Putin, der …": a phrase that opens with a preposition is one of the
  // clause's own, set off by commas; it describes no noun.
  if (preps.has(words[0]!.norm) && tokens[end]?.text === ',') return false
  return !(g.relativePronouns.includes(words[0]!.norm) && second && preps.has(second.norm))
}

/**
 * Whether the stretch from `from` (up to `segmentEnd`) ends on a capitalised word that is no finite
 * auxiliary: where nouns are capitalised, a noun, so no verb-final clause ends there.
 */
function endsOnNoun(tokens: Token[], from: number, to: number, g: Grammar): boolean {
  const last = tokens.slice(from, segmentEnd(tokens, from, to)).filter((t) => t.kind === 'word').at(-1)
  return capitalised(last) && !g.finiteAuxiliaries.includes(last!.norm)
}

/** The grammar's pattern of past participles (`pastParticiplePattern`), or null. */
const pastParticipleOf = perGrammar((g) => (g.pastParticiplePattern ? new RegExp(g.pastParticiplePattern, 'u') : null))

/** The language's set phrases that comment on a clause (`asidePhrases`), as folded words. */
const asidePhrasesOf = perGrammar((g) => g.asidePhrases.map(phraseKey))

/** How many words may stand between a verb or noun that takes a clause and the conjunction that opens it. */
const HEAD_GAP = 4

/** How many articles, numbers and modifiers may stand between a conjunction and the actor that is its clause's subject. */
const LEAD_WORDS = 3

/** The first token after `at` that is no article, number or modifier, looking at most LEAD_WORDS ahead. */
function subjectStart(tokens: Token[], at: number, to: number, g: Grammar, actorTokens: Set<number>): number {
  let k = at
  while (k < to && k - at < LEAD_WORDS && !actorTokens.has(k) && (g.determiners.includes(tokens[k]!.norm) || tokens[k]!.kind === 'number' || g.modifierWords.includes(tokens[k]!.norm))) k++
  return k
}

/**
 * Splits a sentence's tokens into clauses. A comma opens a clause only when a conjunction,
 * relative pronoun, subject pronoun or infinitive follows, or after a speech verb, so lists of
 * actors stay together; "und" opens one before a finite auxiliary. Appositions and parentheses
 * are set apart, and in verb-final languages a main clause resumes after a relative clause.
 */
export function splitClauses(tokens: Token[], from: number, to: number, g: Grammar, actorTokens: Set<number> = new Set()): Clause[] {
  const { subs, rels, preps, coords, pronouns, quantifierSubjects, reportedAuxiliaries, auxiliaries, finiteVerbs, appositive, speech, speechNouns, heads, listWords } = clauseWords(g)
  const clauses: Clause[] = []
  let start = from
  let open: Opening = MAIN
  let skips: [number, number][] = []
  /** The main clause interrupted by the current subordinate one, to resume after it. */
  let suspended: { start: number; open: Opening; skips: [number, number][] } | null = null
  const close = (end: number) => { if (end > start) clauses.push({ from: start, to: end, ...open, apposition: false, ...(skips.length ? { skips } : {}) }) }
  /** Opens a clause after the token at `at` (a comma), or with it (`withToken`: a conjunction with no comma). */
  const begin = (at: number, o: Opening, withToken = false) => {
    if (o.subordinate && !open.subordinate) {
      suspended = { start, open, skips }
    }
    close(at)
    start = withToken ? at : at + 1
    open = o
    skips = []
  }
  // "Als Rebellen … vorrückten, schickte Moskau …": a sentence that opens with a subordinate clause
  // has its main clause after the comma where that clause's verb meets the main clause's verb.
  const lower = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Ll}/u.test(t.text)
  /** A lower-case word that may be a finite verb: no conjunction, relative or subject pronoun, preposition or article. */
  const verbLike = (t: Token | undefined) => lower(t) && ![subs, rels, coords, pronouns, preps].some((set) => set.has(t!.norm)) && !g.determiners.includes(t!.norm)
  const verbMeetsVerb = (i: number) => tokens[i]!.text === ',' && lower(tokens[i - 1]) && verbLike(tokens[i + 1])
  // Where nouns are not capitalised (English), names meet at that comma too ("After meeting Xi,
  // Putin flew …"), unless the name after it continues a list ("After Russia, Belarus and Iran met, …").
  /** Where the run of actor tokens that starts at k ends. */
  const nameEnd = (k: number) => { let e = k; while (e < to && actorTokens.has(e)) e++; return e }
  const endOfList = (k: number) => { const e = nameEnd(k); return e > k && (tokens[e]?.text === ',' || coords.has(tokens[e]?.norm ?? '') || g.coordinators.includes(tokens[e]?.norm ?? '')) }
  const nameThenVerb = (k: number) => {
    if (tokens[k - 1]?.text !== ',') return false
    // "…, in Burkina Faso und Niger sind … stationiert": a place phrase may open the clause too.
    let at = k
    if (preps.has(tokens[k]?.norm ?? '') && !subs.has(tokens[k]!.norm) && actorTokens.has(k + 1)) {
      at = k + 1
      for (let e = nameEnd(at); g.coordinators.includes(tokens[e]?.norm ?? '') && actorTokens.has(e + 1); e = nameEnd(at)) at = e + 1
    }
    // "…, die USA würden die Ukraine weiter unterstützen": an article before the name, when an
    // auxiliary follows it and the clause goes on; "…, die Russland unterstützt," is a relative clause.
    if (g.determiners.includes(tokens[at]?.norm ?? '') && actorTokens.has(at + 1)) {
      const verb = tokens[nameEnd(at + 1)]
      const next = tokens[nameEnd(at + 1) + 1]
      return !!verb && verb.kind === 'word' && finiteVerbs.has(verb.norm) && next?.kind === 'word'
    }
    if (!actorTokens.has(at)) return false
    const after = tokens[nameEnd(at)]
    return verbLike(after) && !g.coordinators.includes(after!.norm)
  }
  // "…, die USA verlegten mehrere Tausend Soldaten …": an article, a name and a verb that more words
  // follow (no auxiliary, conjunction or infinitive marker): the verb stands second, where a relative
  // clause would end on it.
  const articleNameVerb = (k: number) => {
    if (!g.determiners.includes(tokens[k]?.norm ?? '') || !actorTokens.has(k + 1)) return false
    const verb = tokens[nameEnd(k + 1)]
    const next = tokens[nameEnd(k + 1) + 1]
    return verbLike(verb) && next?.kind === 'word' && !finiteVerbs.has(next.norm) && !coords.has(next.norm) && !g.infinitiveMarkers.includes(next.norm)
  }
  // "…, die Mehrheit der Mitglieder lehnte das aber ab": an article, capitalised nouns (with a
  // genitive's article between them), then a lower-case word and at least one more word before `end`.
  const nounPhraseThenVerb = (k: number, end: number) => {
    let j = k + 1
    let nouns = 0
    // A place after the noun belongs to it: "die Regierung in Minsk".
    while (j < end && tokens[j]!.kind === 'word' && (capitalised(tokens[j]) || g.determiners.includes(tokens[j]!.norm) || (looksAdjectival(tokens[j]!, g) || nouns > 0 && preps.has(tokens[j]!.norm)) && capitalised(tokens[j + 1]))) {
      if (capitalised(tokens[j])) nouns++
      j++
    }
    return nouns > 0 && verbLike(tokens[j]) && !actorTokens.has(j) && j + 1 < end && tokens[j + 1]!.kind === 'word' && !(g.listCoordinators ?? g.coordinators).includes(tokens[j + 1]!.norm)
  }
  // "…, zwei Tage später dankte er Lukaschenko", "„…“, sagte er und mahnte …": a few words (or
  // none), then a verb and the subject pronoun after it (verb second) open a main clause of their own.
  const verbThenPronoun = (k: number) => {
    if (!g.verbFinalSubordinates || tokens[k - 1]?.text !== ',' || subs.has(tokens[k]?.norm ?? '') || rels.has(tokens[k]?.norm ?? '') || coords.has(tokens[k]?.norm ?? '')) return false
    for (let j = k; j <= k + 3 && j + 1 < to; j++) {
      const t = tokens[j]!
      if (t.kind !== 'word' && t.kind !== 'number') return false
      if (verbLike(t) && pronouns.has(tokens[j + 1]!.norm) && !g.infinitiveMarkers.includes(t.norm)) return true
    }
    return false
  }
  // "…, auf Antrag Frankreichs befasste sich der Sicherheitsrat …", "…, im März dieses Jahres leiteten
  // beide Staaten …": a prepositional phrase (a preposition, articles and adjectives, a noun and its
  // genitive), then a lower-case verb and the start of its subject, open a main clause of their own.
  // "…, Sanktionen gegen Russland lehnte López Obrador jedoch ab": so do a noun put first (one that
  // names no actor, with its adjectives, genitives and one prepositional phrase), a verb and its subject.
  const phraseThenVerb = (k: number) => {
    // ("…, für die Resolution stimmte auch Indien": an article that could be a relative pronoun before
    // a noun that names no actor; a relative clause ends on its verb, so the verb and a subject after
    // it tell them apart. "…, in der Russland Bürger schikaniert" is a relative clause.)
    if (!g.verbFinalSubordinates || tokens[k - 1]?.text !== ',' || subs.has(tokens[k]?.norm ?? '') || rels.has(tokens[k + 1]?.norm ?? '') && !(capitalised(tokens[k + 2]) && !actorTokens.has(k + 2))) return false
    // "…, in dessen Grenzdörfern mehrfach Geschosse einschlugen, …": a pronoun that is never an article opens a relative clause.
    if (g.relativeOnlyPronouns.includes(tokens[k + 1]?.norm ?? '')) return false
    // Not a title before a name ("Kommissionschefin Ursula von der Leyen sicherte …"): that is the subject.
    const nounFirst = capitalised(tokens[k]) && !actorTokens.has(k) && !actorTokens.has(k + 1)
    if (!nounFirst && !preps.has(tokens[k]?.norm ?? '')) return false
    const article = (t: Token | undefined) => !!t && t.kind === 'word' && g.determiners.includes(t.norm)
    // An adjective stands before its noun; after a noun, only behind an article (a genitive: "des
    // russischen Präsidenten"). "leiteten beide Staaten": a word with an adjective's ending that no
    // noun follows is the verb.
    const attributive = (n: number, nouns: number): boolean => looksAdjectival(tokens[n]!, g)
      && (nouns === 0 || article(tokens[n - 1]) || looksAdjectival(tokens[n - 1]!, g))
      && (capitalised(tokens[n + 1]) || !!tokens[n + 1] && looksAdjectival(tokens[n + 1]!, g) && attributive(n + 1, nouns))
    let j = k + 1
    let nouns = nounFirst ? 1 : 0
    let inner = nounFirst ? 1 : 0
    while (j < to && j <= k + 7) {
      const t = tokens[j]!
      if (capitalised(t) || t.kind === 'number') { if (capitalised(t)) nouns++; j++ } else if (article(t) || attributive(j, nouns)) j++
      else if (inner-- > 0 && preps.has(t.norm)) j++
      else break
    }
    const verb = tokens[j]
    // "stimmte auch Indien": a modifier may stand between the verb and its subject.
    let at = j + 1
    while (at < to - 1 && g.focusParticles.includes(tokens[at]!.norm)) at++
    const subject = tokens[at]
    if (!nouns || !verbLike(verb) || listWords.has(verb!.norm) || !subject || subject.kind !== 'word' || at + 1 >= to) return false
    // A noun put first needs a subject that is surely one: an actor, an article or a pronoun
    // ("Scheich Tamim bin Hamad" is a name with a lower-case particle, no verb).
    if (nounFirst) return !actorTokens.has(j) && (actorTokens.has(at) || [g.determiners, g.subjectPronouns].some((list) => list.includes(subject.norm)))
    return capitalised(subject) || actorTokens.has(at) || [g.determiners, g.subjectPronouns, g.reflexivePronouns, g.quantityWords].some((list) => list.includes(subject.norm))
  }
  // "war nach Saudi-Arabien, in die Emirate und nach Katar gereist": a preposition and an article,
  // a noun, then a conjunction and another preposition go on with a list of places; the article is
  // no relative pronoun.
  const placeList = (k: number) => {
    let j = k + 2
    let nouns = 0
    while (j < to && (capitalised(tokens[j]) || looksAdjectival(tokens[j]!, g) || tokens[j]!.text === '-')) { if (capitalised(tokens[j])) nouns++; j++ }
    return nouns > 0 && coords.has(tokens[j]?.norm ?? '') && preps.has(tokens[j + 1]?.norm ?? '')
  }
  // "seine Forderung, die Ukraine müsse ihre Truppen abziehen": after a noun of saying, an actor (with
  // its article) and a verb that more words follow report what was said; "die Erklärung, die Russland
  // unterzeichnete" ends on its verb and is a relative clause.
  const saidAfterNoun = (k: number) => {
    if (!g.verbFinalSubordinates || tokens[k - 1]?.text !== ',' || !speechNouns.has(tokens[k - 2]?.norm ?? '')) return false
    const at = g.determiners.includes(tokens[k]?.norm ?? '') ? k + 1 : k
    if (!actorTokens.has(at)) return false
    const verb = tokens[nameEnd(at)]
    const after = tokens[nameEnd(at) + 1]
    return verbLike(verb) && !!after && after.kind !== 'punct' && nameEnd(at) + 1 < to
  }
  const namesMeet = (i: number) => !g.capitalisesNouns && tokens[i]!.text === ',' && actorTokens.has(i + 1) && !endOfList(i + 1)
  /** Where the main clause begins after a subordinate clause that opens at `at`, or -1. */
  const leadingEndFrom = (at: number) => {
    if (tokens[at]?.kind !== 'word' || !subs.has(tokens[at]!.norm)) return -1
    // "Um Serbien den Beitritt zu erleichtern, stellt Brüssel … bereit": a purpose marker opens a
    // leading clause only with the infinitive that closes it ("Um zehn Uhr traf …" opens none).
    if (g.purposeMarkers.includes(tokens[at]!.norm)) {
      const end = segmentEnd(tokens, at, to)
      return g.verbFinalSubordinates && end < to - 1 && infinitiveFollows(tokens, at, to, g) && verbMeetsVerb(end) ? end : -1
    }
    for (let i = at + 2; i < to - 1; i++) {
      // "Seit Russland begann, ukrainische Häfen anzugreifen, fallen …": an infinitive after the comma
      // still belongs to the leading clause; the main clause begins after it.
      if (verbMeetsVerb(i) && g.verbFinalSubordinates && infinitiveFollows(tokens, i + 1, to, g)) continue
      if (verbMeetsVerb(i) || namesMeet(i)) return i
    }
    return -1
  }
  let leadingEnd = leadingEndFrom(from)
  if (leadingEnd > 0) open = { subordinate: true, relative: false, coordinated: false }
  const setApart = (a: number, b: number) => {
    if (b > a + 1) clauses.push({ from: a + 1, to: b, ...MAIN, apposition: true })
    skips.push([a, b + 1])
  }

  // "kündigte an, ihre Zusammenarbeit in der Energie, der Landwirtschaft und im Rüstungssektor
  // auszubauen": short noun phrases separated by commas that end in a zu-infinitive are one
  // infinitive clause. The end of that stretch, or -1.
  const listInfinitiveEnd = (k: number): number => {
    let segment = k
    for (let n = 0; n < 6 && segment < to; n++) {
      const end = segmentEnd(tokens, segment, to)
      // A purpose clause ("…, um Assad zu stützen") is a clause of its own.
      const opener = tokens.slice(segment, end).find((w) => w.kind === 'word')
      if (opener && (subs.has(opener.norm) || g.purposeMarkers.includes(opener.norm))) return -1
      if (infinitiveFollows(tokens, segment, to, g)) return n > 0 ? end : -1
      const words = tokens.slice(segment, end).filter((w) => w.kind === 'word')
      // Each lower-case word is an article, a preposition, a conjunction, or an adjective before its noun.
      const attributive = (n: number): boolean => looksAdjectival(words[n]!, g) && !!words[n + 1] && (capitalised(words[n + 1]) || attributive(n + 1))
      // A count and an example marker stand in such a phrase too: "sechs afrikanischen Staaten, darunter Mali und Eritrea".
      const counts = (w: Token) => g.quantityWords.includes(w.norm) || g.exampleMarkers.includes(w.norm)
      if (!words.length || words.length > 6 || words.some((w, n) => lower(w) && !listWords.has(w.norm) && !counts(w) && !attributive(n))) return -1
      segment = end + 1
    }
    return -1
  }
  // "das Russland, die Türkei und der Iran gegründet hatten": a relative pronoun whose stretch up to
  // the comma is an actor, with the list going on after it, opens a relative clause, not an aside.
  const relativeList = (k: number, end: number): boolean => {
    if (!rels.has(tokens[k]!.norm) || end <= k + 1) return false
    for (let j = k + 1; j < end; j++) if (!actorTokens.has(j)) return false
    let item = end + 1
    if (g.determiners.includes(tokens[item]?.norm ?? '')) item++
    let itemEnd = item
    while (itemEnd < to && actorTokens.has(itemEnd)) itemEnd++
    return itemEnd > item && (tokens[itemEnd]?.text === ',' || coords.has(tokens[itemEnd]?.norm ?? ''))
  }
  /** Where the words after the last marker of examples between `a` and `b` begin (-1 if none). */
  const examplesFrom = (a: number, b: number): number => {
    for (let k = b - 1; k > a; k--) {
      if (tokens[k - 1]!.text !== ',') continue
      const len = exampleMarkerAt(tokens, k, g)
      if (len > 0) return k + len
    }
    return -1
  }
  const pastParticiple = pastParticipleOf(g)
  /** Whether the conjunct opening at `k` has no finite verb and ends on a past participle that a finite auxiliary before it governs. */
  const sharesAuxiliary = (k: number): boolean => {
    if (!pastParticiple) return false
    const words = tokens.slice(k + 1, segmentEnd(tokens, k + 1, to)).filter((t) => t.kind === 'word')
    const last = words.at(-1)
    return !!last && pastParticiple.test(last.norm) && !words.some((t) => finiteVerbs.has(t.norm))
      && tokens.slice(from, k).some((t) => g.finiteAuxiliaries.includes(t.norm))
  }
  /**
   * "hatten sich die Außenminister …, Mnazakanjan und Bajramow, in der Nacht zum Samstag auf eine
   * Feuerpause verständigt": a stretch after the comma at `comma` that ends on the participle a finite
   * auxiliary of the clause still waits for goes on with that clause; a preposition and an article
   * there open no relative clause (one would end on its own finite verb).
   */
  const closesBracket = (comma: number): boolean => {
    if (!pastParticiple || !sharesAuxiliary(comma)) return false
    let aux = -1
    for (let j = start; j < comma; j++) if (g.finiteAuxiliaries.includes(tokens[j]!.norm)) aux = j
    return aux >= 0 && !tokens.slice(aux + 1, comma).some((t) => lower(t) && pastParticiple.test(t.norm))
  }
  /**
   * Whether the stretch after the comparing word at `k` (up to `end`) is a noun phrase with no verb
   * of its own: capitalised words, articles, adjectives, prepositions and numbers, ending the sentence
   * or closing on the past participle that a finite auxiliary before the comma at `comma` waits for.
   */
  const comparedPhrase = (k: number, end: number, comma: number): boolean => {
    // The first part of a compound ("euro-atlantische") is no word of its own.
    const words = tokens.slice(k + 1, end).filter((t, n) => (t.kind === 'word' || t.kind === 'number') && !isGluedHyphen(tokens, k + 2 + n))
    const last = words.at(-1)
    if (!last) return false
    const closing = !!pastParticiple && lower(last) && pastParticiple.test(last.norm) && sharesAuxiliary(comma)
    if (!closing && end < to - 1) return false
    const phrase = closing ? words.slice(0, -1) : words
    return phrase.length > 0 && phrase.every((t) => t.kind === 'number' || capitalised(t) || g.determiners.includes(t.norm) || preps.has(t.norm) || looksAdjectival(t, g))
  }
  let hold = -1
  const asides = asidePhrasesOf(g)
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (i < hold && t.text === ',') continue
    // "kamen wie geplant mit Lawrow zusammen": a set phrase that comments on the clause is an aside;
    // it compares nothing and takes no part in the clause's phrases.
    const aside = asides.find((a) => a.every((w, n) => i + n < to && tokens[i + n]!.norm === w))
    if (aside) {
      skips.push([i, i + aside.length])
      i += aside.length - 1
      continue
    }
    let k = i + 1
    while (k < to && QUOTES.has(tokens[k]!.text)) k++
    const next = k < to ? tokens[k] : undefined
    const dash = t.text === '-' && i > from && tokens[i - 1]!.end < t.start && next && next.start > t.end
    if (t.text === '(') {
      let close = i + 1
      while (close < to && tokens[close]!.text !== ')') close++
      setApart(i, Math.min(close, to - 1))
      i = close
      continue
    }
    // "… Sicherheit – Moskaus Antwort auf die NATO – ein.": paired dashes enclose an aside.
    if ((t.text === '–' || t.text === '—' || dash) && !skips.some(([a]) => a === i)) {
      let pair = i + 1
      while (pair < to && tokens[pair]!.text !== t.text) pair++
      if (pair < to - 1) {
        setApart(i, pair)
        i = pair
        continue
      }
    }
    if (HARD.has(t.text) || dash) {
      suspended = null
      const opensSubordinate = !!next && subs.has(next.norm)
      begin(i, { subordinate: opensSubordinate, relative: false, coordinated: t.text !== ':' })
      // "… ein Pakt: Wie CNN berichtet, will Russland …": a subordinate clause after the break
      // opens a new period, whose main clause follows it; it interrupts nothing before the break.
      if (opensSubordinate) {
        suspended = null
        const end = leadingEndFrom(k)
        if (end > 0) leadingEnd = end
      }
      continue
    }
    if (i === leadingEnd) {
      suspended = null
      begin(i, MAIN)
      continue
    }
    // "Moscow withdrew its troops after Armenia complained": where no comma marks it (English), a
    // conjunction followed by an actor and a lower-case word opens a subordinate clause. Not "after
    // Russia's invasion": a possessive makes the actor part of a noun phrase.
    // "demanded on Friday that Israel ease …": after a verb or noun that takes a clause (and a few
    // words more), a conjunction that can also be a relative pronoun opens a complement clause.
    if (i > start && subs.has(t.norm) && rels.has(t.norm) && heads.size > 0) {
      let k = i - 1
      while (k > start && i - k <= HEAD_GAP && tokens[k]!.kind !== 'punct' && !heads.has(tokens[k]!.norm)) k--
      if (heads.has(tokens[k]!.norm) && tokens[i + 1]?.kind === 'word') {
        begin(i, { subordinate: true, relative: false, coordinated: false }, true)
        continue
      }
    }
    // "hours after the other 26 EU leaders agreed": an article, a number or a modifier may come first.
    const lead = !g.capitalisesNouns && i > start && subs.has(t.norm) && !rels.has(t.norm) ? subjectStart(tokens, i + 1, to, g, actorTokens) : -1
    if (lead >= 0 && actorTokens.has(lead)) {
      let e = lead
      while (e < to && actorTokens.has(e)) e++
      const after = tokens[e]
      const possessive = !!g.genitive && tokens[e - 1]!.norm.endsWith(g.genitive.suffix)
      if (lower(after) && !possessive && ![preps, coords, subs, rels].some((set) => set.has(after!.norm)) && !g.determiners.includes(after!.norm)) {
        begin(i, { subordinate: true, relative: false, coordinated: false })
        continue
      }
    }
    const listEnd = t.text === ',' && next && g.verbFinalSubordinates ? listInfinitiveEnd(k) : -1
    if (listEnd > 0) {
      hold = listEnd
      // After the verb that governs it (or its particle), the stretch opens the infinitive clause;
      // inside a noun phrase, it goes on.
      const previous = tokens[i - 1]
      if (previous && lower(previous) && !g.determiners.includes(previous.norm) && !looksAdjectival(previous, g)) begin(i, { subordinate: true, relative: false, coordinated: false })
      continue
    }
    if (t.text === ',' && next) {
      const end = segmentEnd(tokens, k, to)
      const after = tokens[k + 1]
      const resume = suspended as { start: number; open: Opening; skips: [number, number][] } | null
      const afterVerb = i > from && tokens[i - 1]!.kind === 'word' && !capitalised(tokens[i - 1])
      // "sagte (dagegen), …": what follows a speech verb is what was said.
      const afterSpeech = i > from && (speech.has(tokens[i - 1]!.norm) || i - 1 > from && speech.has(tokens[i - 2]!.norm) && afterVerb)
      // "…, sechs weitere Länder aufzunehmen, darunter Iran": a list of examples stays with its clause.
      const examples = exampleMarkerAt(tokens, k, g) > 0
      const canResume = g.verbFinalSubordinates && open.subordinate && !!resume && afterVerb && !examples && !nestedClause(tokens, start, i, subs, g)
      // "…, dem es … vorwirft, bis zuletzt verhindert": a word that is a preposition as well as a
      // conjunction, in a stretch that names no subject, resumes the interrupted clause.
      const prepResumes = canResume && preps.has(next.norm) && subs.has(next.norm)
        && tokens.slice(k + 1, end).every((t) => t.kind !== 'word' || !capitalised(t) && !pronouns.has(t.norm))
      // "…, an dem auch Biden teilnahm, als Bedrohung bezeichnet": "als" before a noun phrase that ends
      // the sentence, or ends on the participle the interrupted clause's auxiliary waits for, is that
      // clause's predicate (a clause it opened would end on a finite verb of its own).
      const predicateResumes = canResume && g.comparingSubordinators.includes(next.norm) && comparedPhrase(k, end, i)
      // "kündigte an, Moldau Strom zu liefern": a zu-infinitive after it is no report but the
      // speaker's own act, with no subject of its own.
      // "Deutschland, Frankreich, die Niederlande und weitere Staaten bestellten …": a list of actors
      // goes on while the next item is an actor (after an article) followed by a comma or conjunction.
      let item = k
      if (g.determiners.includes(next.norm)) item++
      let itemEnd = item
      while (itemEnd < to && actorTokens.has(itemEnd)) itemEnd++
      // So does a list of examples: "… wiesen mehrere Staaten, unter ihnen Italien, Spanien und Schweden, …".
      const listFrom = examplesFrom(start, i)
      // So does the list of agents of an attribute: "Die von Russland, den USA und Jordanien vereinbarte Waffenruhe".
      const agentsFrom = g.capitalisesNouns && g.determiners.includes(tokens[start]?.norm ?? '') && g.agentPrepositions.includes(tokens[start + 1]?.norm ?? '') ? start + 2 : -1
      const listGoesOn = itemEnd > item && (tokens[itemEnd]?.text === ',' || coords.has(tokens[itemEnd]?.norm ?? ''))
        && (onlyActors(tokens, start, i, actorTokens, g) || listFrom > 0 && onlyActors(tokens, listFrom, i, actorTokens, g) || agentsFrom > 0 && onlyActors(tokens, agentsFrom, i, actorTokens, g))
      if (listGoesOn) {
        // the comma joins two items of one list
      } else if (afterSpeech && !subs.has(next.norm) && !canResume && !(g.verbFinalSubordinates && infinitiveFollows(tokens, k, to, g))) {
        begin(i, { subordinate: false, relative: false, coordinated: false, reported: true })
      } else if (saidAfterNoun(k) && !infinitiveFollows(tokens, k, to, g)) {
        begin(i, { subordinate: false, relative: false, coordinated: false, reported: true })
      } else if (examples) {
        // "…, including Iran and Saudi Arabia": the examples stay in the clause whose noun they list.
      } else if (g.capitalisesNouns && !open.subordinate && nameThenVerb(k) && !infinitiveFollows(tokens, k, to, g)
        && tokens.slice(start, i).some((w) => speech.has(w.norm)) && !g.promiseParticles.includes(tokens[i - 1]!.norm)) {
        // "erklärte Blinken zudem, Iran habe …": after a main clause whose verb is one of speech, a
        // name and a verb open what was said.
        begin(i, { subordinate: false, relative: false, coordinated: false, reported: true })
      } else if (g.capitalisesNouns && !open.subordinate && verbLike(next) && !g.speakerPronouns.includes(next.norm) && reportedAuxiliaries.has(tokens[k + 1]?.norm ?? '')) {
        // "stellte klar, verhandelt hätten allein Washington und Moskau": a participle and an auxiliary of
        // reported speech open what was said.
        begin(i, { subordinate: false, relative: false, coordinated: false, reported: true })
      } else if (g.capitalisesNouns && !open.subordinate && nameThenVerb(k) && !infinitiveFollows(tokens, k, to, g)) {
        // "… wiesen ihre Botschafter aus, Lettland schloss sich an": a name and a verb after the
        // comma open a main clause of their own (where nouns are capitalised, a lower-case word after
        // a name is no noun); not an infinitive clause ("vorgeworfen, Russland Waffen geliefert zu
        // haben") nor what a speech verb before it introduces.
        begin(i, { subordinate: false, relative: false, coordinated: true })
      } else if (g.capitalisesNouns && !open.subordinate && phraseThenVerb(k) && !infinitiveFollows(tokens, k, to, g)) {
        begin(i, { subordinate: false, relative: false, coordinated: true })
      } else if (!open.subordinate && (verbThenPronoun(k) || quantifierSubjects.has(next.norm) && verbLike(tokens[k + 1])) && !infinitiveFollows(tokens, k, to, g)) {
        // "…, einige schwenkten russische Fahnen": a quantifier standing alone as the subject, then a verb.
        begin(i, { subordinate: false, relative: false, coordinated: true })
      } else if (isParticiple(next, g)) {
        // ", accusing it of …", ", adding that …": a participle clause with the main clause's subject.
        begin(i, { subordinate: true, relative: false, coordinated: true, sharedSubject: true })
      } else if (isApposition(tokens, k, end, to, g) && (rels.has(next.norm) || appositive.has(next.norm) || !subs.has(next.norm)) && !relativeList(k, end)
        // ", und bezichtigte die USA, …": a conjunction and a lower-case word that is no article or preposition (a verb) coordinate a clause.
        && !(coords.has(next.norm) && !!tokens[k + 1] && tokens[k + 1]!.kind === 'word' && !capitalised(tokens[k + 1]) && !listWords.has(tokens[k + 1]!.norm))
        // "Sisi, dessen Land viel Weizen kauft, drängte Moskau zu einer Lösung, die …": after a
        // relative clause closed by its verb, a verb resumes the main clause; it opens no aside.
        && !(canResume && !capitalised(next) && !listWords.has(next.norm) && !subs.has(next.norm) && !rels.has(next.norm))) {
        setApart(i, end)
        // The comma that closes the aside may open the next clause (", in der Russland …").
        const opener = tokens[end + 1]
        // "…, dem Tag des Angriffs, als „inakzeptabel“ verurteilt": "als" before a lower-case word that is
        // no article or pronoun is a predicate's, and the main clause goes on.
        const predicate = tokens.slice(end + 2, to).find((t) => t.kind === 'word')
        const comparing = !!opener && g.comparingSubordinators.includes(opener.norm) && !!predicate && !capitalised(predicate) && !listWords.has(predicate.norm) && !pronouns.has(predicate.norm)
        // "…, Marija Sacharowa, die Ausweisungen … als unfreundlichen Akt.": an article that reads like a
        // relative pronoun opens no relative clause where no verb ends the stretch (verb-final clauses).
        const article = !!opener && g.capitalisesNouns && g.determiners.includes(opener.norm) && endsOnNoun(tokens, end + 2, to, g)
        const placeOfClause = !!opener && preps.has(opener.norm) && closesBracket(end)
        i = opener && !comparing && (subs.has(opener.norm) || rels.has(opener.norm) && !article || preps.has(opener.norm) && tokens[end + 2] && rels.has(tokens[end + 2]!.norm) && !placeOfClause) ? end - 1 : end
      } else if (g.capitalisesNouns && open.subordinate && !open.relative && articleNameVerb(k) && !infinitiveFollows(tokens, k, to, g)) {
        // "…, 350 Soldaten nach Litauen zu schicken, die USA verlegten Tausende …": an article, a
        // name and a verb that more words follow open a main clause with a subject of its own.
        begin(i, { subordinate: false, relative: false, coordinated: false })
      } else if (g.verbFinalSubordinates && open.subordinate && !open.relative && afterVerb && g.determiners.includes(next.norm) && !nestedClause(tokens, start, i, subs, g) && !infinitiveFollows(tokens, k, to, g) && nounPhraseThenVerb(k, end)) {
        // "…, die Hilfen zu kürzen, die Mehrheit der Mitglieder lehnte das ab": a noun phrase, a verb
        // and more words open a main clause with a subject of its own (a list of verb phrases ends on its verb).
        begin(i, { subordinate: false, relative: false, coordinated: false })
      } else if (g.verbFinalSubordinates && open.subordinate && !open.relative && afterVerb && g.determiners.includes(next.norm) && !nestedClause(tokens, start, i, subs, g) && !infinitiveFollows(tokens, k, to, g)) {
        // "indem es die Besuche absagte, den Botschafter einbestellte …": a list of verb phrases
        // with one subject, not a relative clause.
        begin(i, { subordinate: true, relative: false, coordinated: true, sharedSubject: true })
      } else if ((rels.has(next.norm) || preps.has(next.norm) && after && rels.has(after.norm) && !placeList(k))
        // "drohte am Montag, die Beziehungen abzubrechen": an article that reads like a relative
        // pronoun opens an infinitive clause when the stretch closes with one.
        // So does a preposition and an article ("…, von der Moskauer Schutzmacht abzurücken").
        && !((g.determiners.includes(next.norm) || preps.has(next.norm) && !!after && g.determiners.includes(after.norm)) && infinitiveFollows(tokens, k, to, g))
        // "mit Xi Jinping, dem indischen Premierminister Narendra Modi und Gastgeber Cyril Ramaphosa.": an
        // article whose stretch ends the sentence on a noun opens no relative clause (one ends on its verb).
        && !(g.capitalisesNouns && g.verbFinalSubordinates && g.determiners.includes(next.norm) && end >= to && endsOnNoun(tokens, k, to, g)
          && tokens.slice(k + 1, end).every((t) => t.kind !== 'word' || capitalised(t) || listWords.has(t.norm) || looksAdjectival(t, g)))) {
        begin(i, { subordinate: true, relative: true, coordinated: false })
      } else if (subs.has(next.norm) && !prepResumes && !predicateResumes) {
        begin(i, { subordinate: true, relative: false, coordinated: false })
      } else if (coords.has(next.norm) && onlyActors(tokens, start, i, actorTokens, g)) {
        // "Kasachstan, aber auch Usbekistan …": the head of a list of subjects, not a clause.
      } else if (coords.has(next.norm) || pronouns.has(next.norm)) {
        // "hatte erklärt, …, und Peking um Hilfe gebeten": a conjunct with no finite verb that ends on a past
        // participle shares the finite auxiliary of the sentence's first clause, and so its subject.
        const shared = coords.has(next.norm) && sharesAuxiliary(k)
        begin(i, { subordinate: false, relative: false, coordinated: coords.has(next.norm), ...(shared ? { sharesFirst: true } : {}) })
      } else if (infinitiveFollows(tokens, k, to, g)) {
        begin(i, { subordinate: true, relative: false, coordinated: false })
      } else if (g.verbFinalSubordinates && open.subordinate && resume && !examples && tokens[i - 1]!.kind === 'word' && !capitalised(tokens[i - 1]) && !nestedClause(tokens, start, i, subs, g)) {
        // "…, in dem Russland eine Rolle spielte, nach einer Offensive …": the relative clause
        // ended on its verb; the main clause it interrupted goes on.
        close(i)
        const interrupted = clauses.findIndex((c) => c.from === resume.start && !c.subordinate)
        const gapStart = interrupted >= 0 ? clauses[interrupted]!.to : start
        if (interrupted >= 0) clauses.splice(interrupted, 1)
        start = resume.start
        open = resume.open
        skips = [...resume.skips, [gapStart, i + 1]]
        suspended = null
      } else if (i > from && speech.has(tokens[i - 1]!.norm)) {
        begin(i, { subordinate: false, relative: false, coordinated: false, reported: true })
      }
    } else if (coords.has(t.norm) && next && auxiliaries.has(next.norm) && i > start) {
      // "… und hat sich Russland als Verbündeter angeboten": a finite verb right after the
      // conjunction means the subject is left out; it is the first clause's.
      begin(i, { subordinate: false, relative: false, coordinated: true, sharedSubject: true })
    }
  }
  close(to)
  return clauses.sort((a, b) => a.from - b.from)
}
