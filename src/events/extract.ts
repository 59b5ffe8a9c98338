import type { Doc, Mention, Polarity, RelationEvent, Token } from '../pipeline/document.ts'
import { perGrammar, perPack } from '../lang/per-grammar.ts'
import type { LanguagePack } from '../lang/pack.ts'
import { COOPERATIVE_TYPES, eventLexicon, isCompoundOf, objectModeOf, triggersOf, type EventLexicon, type TriggerRef } from './lexicon.ts'
import { capitalised, hasInfinitive, inClause, isInfinitiveVerb, isInfinitiveWord, isParticiple, isQuote, looksAdjectival, opensWithParticiple, prepositionFormsOf, splitClauses, type Clause } from './clauses.ts'
import { clausePhrases, groupNounsOf, modifierWordsOf, prepositionsOf, comparersOf, speaksAfterComma, type Phrase } from './phrases.ts'
import { assignRoles } from './roles.ts'
import { findPhrases, isRefusal, isWordCue, modalityCues, modalityOf, type ModalityCues } from './modality.ts'
import { governorOf, opensWithConjunction } from './governor.ts'
import { destinationOf, speakerRoles, topicOf } from './implied.ts'
import { firstTokenFrom, mentionTokenSet, namesPerson, sentenceTokenRanges, timeTokenSet, tokenStartingAt } from '../pipeline/spans.ts'
import { fold } from '../text/normalize.ts'
import { UNLISTED } from '../pipeline/stages/mentions.ts'
import { isGluedHyphen, phraseKey } from '../text/tokenize.ts'
import { presentPeriod } from '../time/present.ts'
import { mediations, type MediationWords } from './mediation.ts'
import { actAntecedents, quarrelCounterpart, REACTIONS, type ActWords, type ToldAct } from './act-anaphora.ts'
import { threatsShareCharges } from './shared-target.ts'
import { contactAdjuncts } from './contact-adjunct.ts'
import { datedSettings, occasionOf, settingDate, settingFormsOf, type Dated, type SettingWords } from './settings.ts'
import { authoredText, TEXT_TYPES, voteEvents, type VotedText, type VoteWords } from './votes.ts'
import { claimedAccusations } from './claims.ts'
import { presences, type PresenceWords } from './presence.ts'
import { meetingPartners, meetingsOf } from './meeting-partner.ts'
import { pairKey } from '../relations/pair.ts'

/** Confidence kept for a one-sided act: a reading with no partner is the least certain one. */
const ONE_SIDED = 0.5
/** Acts that news reports also when it cannot name who did them: the author is an unlisted party. */
const UNKNOWN_AGENT = new Set(['ASSAULT'])
/** Confidence kept by an act that is not the main clause's: in a subordinate clause, or a gerund or infinitive. */
const EMBEDDED = 0.8
/** How far a word of intent or refusal may stand before the infinitive it frames ("refused to deploy", "agreed on Friday to send"). */
const FRAME_WORDS = 4
/** Acts that always have a counterpart: with none named, the passage's topic is the likely one. */
const TOPICAL = new Set(['AID', 'RETREAT', 'SANCTION'])
/** Acts that go somewhere: an unnamed partner may be the destination another clause names (implied.ts destinationOf). */
const DESTINED = new Set(['AID'])
/** Confidence kept when the target is the passage's topic rather than a role of the clause. */
const TOPIC = 0.6
/** How many sentences back a reaction with nobody named may continue its speaker's quarrel (act-anaphora.ts quarrelCounterpart). */
const QUARREL_WINDOW = 2
/** Reactions that continue a quarrel: a charge or a threat. A refusal ("wies das zurück") answers whatever was said last, not always the quarrel's other party. */
const QUARRELS = new Set(['ACCUSE', 'THREATEN'])
/** Steps that take a partner from earlier in the text, not from a word of this sentence: the partner's span points back to where it was named. */
export const POINTED_BACK: ReadonlySet<string> = new Set(['target:condition', 'target:topic', 'target:recipient', 'target:act-anaphora', 'target:said-before', 'target:meeting-partner-before', 'target:quarrel', 'target:venue'])
/** Roles of an event noun's own words for its doer: "die Sanktionen der USA", "die amerikanischen Sanktionen", "von der EU". */
const NOUN_OWN_SOURCES = new Set(['source:gen', 'source:adj', 'source:prep:von'])
/** Speech acts: the same charge or demand by another speaker is another act (dedupe). */
const SPEECH_ACTS = new Set(['ACCUSE', 'PROTEST', 'REQUEST', 'THREATEN', 'REJECT'])
/** Acts that take two parties: a meeting or a visit with no partner named is no act ("the bloc flew in troops"). */
const TWO_PARTY = new Set(['CONSULT'])
/** At most this many tokens from an event noun to a genitive that may be its partner ("Lieferung von Waffen Russlands"). */
const NOUN_GENITIVE_REACH = 5
/** Confidence kept when the target is the genitive of the verb's object rather than a role the rule names. */
const GENITIVE_FALLBACK = 0.85
/** The `mod` of a time expression that sets a deadline (`time.yaml`). */
const DEADLINE = 'deadline'
const UNTIL = 'until'
/** Acts that a promise already performs: promising support is taking a stand ("Die Nato versprach, der Türkei beizustehen"). */
const STANCES = new Set(['SUPPORT'])
/** Acts of leaving something (talks, a treaty): its partner is theirs. */
const LEAVING_TYPES = new Set(['RETREAT', 'REJECT'])
/** Acts done by speaking: as the means of a response they aim at what is answered, not at a partner of their own. */
const SPOKEN_TYPES = new Set(['ACCUSE', 'PROTEST', 'REJECT', 'SUPPORT', 'REQUEST', 'THREATEN'])
/** The `requires` entry that a person or an office holder satisfies. */
const PERSON = '{person}'
/** The `requires` entry that an international organisation satisfies. */
const ORGANISATION = '{organisation}'
/** At most this many words of a subject's noun phrase after its owner's genitive ("Taiwan's deputy foreign minister"). */
const PRENOMINAL_HEAD = 5
/** PLOVER's cooperative types; REQUEST is an appeal (CAMEO 02, verbal cooperation). */
export const COOPERATIVE = COOPERATIVE_TYPES

interface SentenceState {
  lastSubject: Phrase | null
  /** The last subject state of the paragraph's earlier sentences, with the sentence it was named in. */
  topic: { mention: Mention; sentence: number } | null
  /** Per sentence, the last date its own clauses state (not a relative clause's or an aside's). */
  narrative: Map<number, Dated>
  /** The time expressions that may date an event, by sentence (computed once per document). */
  times: Map<number, Doc['times']>
  /** The tokens inside time expressions: no modality cue ("in May" hedges nothing). */
  timeTokens: Set<number>
  /** The publication month, when the document reports the present (undated acts happened then). */
  present: Dated | null
  /** The occasions dated so far ("seiner Rede" → its day), for acts set in them later (settings.ts). */
  settings: Map<string, Dated>
  /** The latest text an organisation charged or summoned an actor with, for votes on it (votes.ts). */
  votedText: VotedText | null
  /** The acts told so far, in order: an act noun of a later reaction may point back to one. */
  acts: ToldAct[]
  /** The meetings of the latest sentence that told any, for acts of the next sentence with no partner (meeting-partner.ts). */
  meetings: { sentence: number; events: RelationEvent[] } | null
}

/** The first word of a clause ("nachdem", "als"), '' when it has none. */
function clauseOpener(tokens: Token[], clause: Clause): string {
  return tokens.slice(clause.from, clause.to).find((t) => t.kind === 'word')?.norm ?? ''
}

function clauseTokens(tokens: Token[], clause: Clause): Token[] {
  return tokens.slice(clause.from, clause.to).filter((_, k) => inClause(clause, clause.from + k))
}

/** "gemeinsam mit Mali", "together with Iran": a phrase whose preposition follows a word of acting together. */
function comitative(tokens: Token[], p: Phrase, g: LanguagePack['grammar']): boolean {
  if (p.attach.kind !== 'prep' || !g.comitativePrepositions.includes(p.attach.prep)) return false
  for (let k = p.from - 1; k >= 1 && k >= p.from - 4; k--) {
    if (tokens[k]!.norm === p.attach.prep) return g.comitativeWords.includes(tokens[k - 1]!.norm)
  }
  return false
}

/** "im Ukraine-Krieg", "nach dem Abzug": an event noun in a background adjunct reports nothing new. */
function isBackground(tokens: Token[], at: number, clause: Clause, bg: Set<string>, mods: Set<string>, mentionTokens: Set<number>): boolean {
  for (let k = at - 1; k >= clause.from && k >= at - 5; k--) {
    const t = tokens[k]!
    if (bg.has(t.norm)) return true
    if (mentionTokens.has(k) || t.text === '-' || t.kind === 'word' && (mods.has(t.norm) || /^\p{Ll}/u.test(t.text)) || t.kind === 'word' && k === at - 2 && tokens[k + 1]!.text === '-') continue
    return false
  }
  return false
}

/** "haben", "soll", "worden": a word of the verb cluster around a participle or an infinitive. */
function isAuxiliary(norm: string, g: LanguagePack['grammar']): boolean {
  return g.finiteAuxiliaries.includes(norm) || g.passiveAuxiliaries.includes(norm) || g.futureAuxiliaries.includes(norm)
}

/** "und", "aber", "sowie": a word that joins two conjuncts. */
function coordinates(t: Token, g: LanguagePack['grammar']): boolean {
  return g.coordinators.includes(t.norm) || g.clauseCoordinators.includes(t.norm)
}

/**
 * A split verb's particle closes its clause or the coordinated part of it:
 * "bestellte den Botschafter ein und verlangte …".
 */
function particleCloses(ref: TriggerRef, tokens: Token[], at: number, clause: Clause, g: LanguagePack['grammar'], actEnd: number): boolean {
  // "stellte sich hinter Finnland und warf Russland Lügen vor": a particle past the next act's verb (`actEnd`) is that verb's.
  for (let k = at + 1; k < actEnd; k++) {
    if (!inClause(clause, k) || tokens[k]!.norm !== ref.particle) continue
    let n = k + 1
    while (n < clause.to && isQuote(tokens[n])) n++
    const next = tokens[n]
    if (n >= clause.to || !next || next.kind === 'punct' || coordinates(next, g)) return true
  }
  return false
}

/**
 * Where the act of the verb at `at` ends: at a coordinator that a verb of another act follows
 * ("nannte das Vorgehen angemessen und warf dem Westen Heuchelei vor"), else at `to`.
 */
function nextActAt(tokens: Token[], at: number, from: number, to: number, lex: EventLexicon, g: LanguagePack['grammar'], skips: readonly [number, number][] = []): number {
  // "hatte die Stationierung angekündigt und dabei auf … verwiesen": a verb that closes the bracket a
  // finite auxiliary opened ends its conjunct at the word that joins the next one.
  const next = tokens[at + 1]
  if (next && at + 1 < to && g.clauseCoordinators.includes(next.norm) && tokens.slice(from, at).some((t) => g.finiteAuxiliaries.includes(t.norm))) return at + 1
  for (let k = at + 1; k + 1 < to; k++) {
    // "traf Sarif wie erwartet Lawrow": a set phrase set apart as an aside opens no conjunct.
    if (skips.some(([a, b]) => k >= a && k < b)) continue
    if (coordinates(tokens[k]!, g) && triggersOf(lex, tokens[k + 1]!).some((r) => r.kind !== 'noun')) return k
  }
  return to
}

/** The plan words that are adjectives (`plannedAttributes`), folded as tokens are. */
const plannedAttributesOf = perPack((pack): ReadonlySet<string> => new Set(pack.modality.plannedAttributes.map(fold)))
const abstainWordsOf = perPack((pack): ReadonlySet<string> => new Set(pack.modality.abstain.map(fold)))
const leadingPhrasesOf = perGrammar((g): string[][] => g.leadingPhrases.map((p) => phraseKey(p)))

/** How many words a fronted noun phrase may run before the finite verb a nominative pronoun follows. */
const NOMINATIVE_REACH = 14

/** A subject pronoun right after the finite verb of a main clause whose first words name no actor ("Zudem drohte er"). */
function invertedPronoun(opening: Token[], mentionTokens: Set<number>, tokens: Token[], g: LanguagePack['grammar'], functionWords: ReadonlySet<string>): Token | undefined {
  // "Die Regierung kritisierte sie": a noun phrase first may be the subject, the pronoun its object;
  // not a pronoun that is never an object ("Das Treffen sagte er ab").
  if (!opening[0]) return undefined
  if (g.determiners.includes(opening[0].norm)) {
    // "Der finnischen Regierung warf es vor", "Den USA warf sie Einmischung vor": after a phrase in an
    // object's case, any subject pronoun is the subject.
    const second = opening[1]
    const oblique = g.objectDeterminers.includes(opening[0].norm) || !!g.obliqueAdjectiveEnding && g.obliqueArticles.includes(opening[0].norm)
      && !!second && looksAdjectival(second, g) && second.norm.endsWith(g.obliqueAdjectiveEnding)
    // The fronted phrase may name actors ("Das Treffen mit Kanzlerin Merkel sagte er ab"): the first
    // verb-like word, right before such a pronoun, closes it.
    for (let n = 1; n < opening.length && n <= NOMINATIVE_REACH; n++) {
      const t = opening[n]!
      const verb = opening[n - 1]!
      if (verb.text !== verb.text.toLowerCase() || functionWords.has(verb.norm) || mentionTokens.has(tokens.indexOf(verb)) || oblique && n === 1) continue
      return g.nominativePronouns.includes(t.norm) || oblique && g.subjectPronouns.includes(t.norm) ? t : undefined
    }
    return undefined
  }
  // "Mit Vizeregierungschef Nowak vereinbarte er …": the actors of a fronted prepositional phrase are no subject.
  const fronted = g.prepositions.includes(opening[0].norm)
  for (let n = 1; n < opening.length && n <= 6; n++) {
    const t = opening[n]!
    const verb = opening[n - 1]!
    // ("Dort dankte er …": a place adverb that stands for a state is no subject.)
    if (mentionTokens.has(tokens.indexOf(verb)) && g.placeAdverbs[verb.norm] === undefined && !fronted) return undefined
    if (!g.subjectPronouns.includes(t.norm) || g.expletives.includes(t.norm)) continue
    return verb.text === verb.text.toLowerCase() && !functionWords.has(verb.norm) ? t : undefined
  }
  return undefined
}

/**
 * Where the conjunct of the verb at `at` begins: after the joining word that follows another act's
 * verb closing the bracket a finite auxiliary opened ("hatte Polen bereist und in Brüssel Vertreter
 * der EU getroffen"), when the conjunct names an actor that can be the verb's partner; else at the clause's start. Verbs
 * side by side ("kritisiert und sanktioniert") and a second verb with no actor of its own ("hatte
 * Niger mit Sanktionen belegt und mit einer Intervention gedroht") share the objects before them.
 */
function conjunctStart(tokens: Token[], at: number, clause: Clause, g: LanguagePack['grammar'], lex: EventLexicon, phrases: Phrase[], targets: string[], actEnd: number): number {
  const fillsTarget = (p: Phrase) => p.attach.kind === 'bare' ? targets.includes('object') : p.attach.kind === 'prep' && targets.includes(`prep:${p.attach.prep}`)
  // "kritisierte Moskau und kündigte die Lieferung von Panzern an Kiew an", "delivered tanks to Syria
  // and sent troops to Mali": a verb right after the joining word takes its partner after it, when one stands there.
  if (at - 1 > clause.from && g.clauseCoordinators.includes(tokens[at - 1]!.norm)) {
    return phrases.some((p) => p.from > at && p.to <= actEnd && fillsTarget(p)) ? at : clause.from
  }
  // The bracket of a finite auxiliary and a closing verb is German.
  if (!g.capitalisesNouns) return clause.from
  for (let k = at - 1; k > clause.from + 1; k--) {
    const verb = tokens[k - 1]!
    if (!g.clauseCoordinators.includes(tokens[k]!.norm) || !triggersOf(lex, verb).some((r) => r.kind !== 'noun')) continue
    if (!tokens.slice(clause.from, k - 1).some((t) => g.finiteAuxiliaries.includes(t.norm))) continue
    return phrases.some((p) => p.from > k && p.to <= at && fillsTarget(p)) ? k + 1 : clause.from
  }
  return clause.from
}

/**
 * Whether a separable particle closes the stretch after the verb at `at`, up to the next comma or
 * joining word: "drängte die georgischen Truppen zurück und …", "kündigte an, …".
 */
function closingParticle(tokens: Token[], at: number, clause: Clause, g: LanguagePack['grammar']): boolean {
  if (!g.separableParticles.length) return false
  let end = at + 1
  while (end < clause.to && (tokens[end]!.kind !== 'punct' || isQuote(tokens[end])) && !coordinates(tokens[end]!, g)) end++
  let lastAt = end - 1
  while (lastAt > at && isQuote(tokens[lastAt])) lastAt--
  end = lastAt + 1
  const last = tokens[end - 1]
  return end - 1 > at && !!last && inClause(clause, end - 1) && g.separableParticles.includes(last.norm)
}

/**
 * A two-word cue whose second word is a particle closing the clause and whose first word stands
 * before it ("sicherte … zu", "kündigte … an"): where the first word stands, and the cue, or null.
 */
function splitCue(tokens: Token[], clause: Clause, cues: string[][]): { at: number; text: string } | null {
  let last = clause.to - 1
  while (last > clause.from && tokens[last]!.kind !== 'word') last--
  const particle = tokens[last]!.norm
  for (const cue of cues) {
    if (cue.length !== 2 || cue[1] !== particle) continue
    for (let k = clause.from; k < last - 1; k++) if (inClause(clause, k) && tokens[k]!.norm === cue[0]) return { at: k, text: `${tokens[k]!.text} … ${tokens[last]!.text}` }
  }
  return null
}

/**
 * Whether a trigger's conditions hold in its clause, and how far from the trigger the word that
 * satisfies them stands (0 when it needs none): the nearer evidence wins between two readings.
 */
function triggerEvidence(ref: TriggerRef, at: number, tokens: Token[], clause: Clause, lex: EventLexicon, g: LanguagePack['grammar'], spans: { names: Set<number>; people: Set<number>; organisations: Set<number>; starts: Set<number> }, actEnd: number, complement?: Clause): number | null {
  if (ref.kind === 'split' && !particleCloses(ref, tokens, at, clause, g, actEnd)) return null
  // "auf Antrag Frankreichs": the noun counts only in a phrase one of the rule's prepositions opens (an adjective may come between).
  if (ref.kind === 'noun' && ref.rule.noun_after.length) {
    let k = at - 1
    while (k > clause.from && looksAdjectival(tokens[k]!, g) && !ref.rule.noun_after.includes(tokens[k]!.norm)) k--
    if (k < clause.from || !ref.rule.noun_after.includes(tokens[k]!.norm)) return null
  }
  const window = ref.kind === 'noun' ? undefined : g.evidenceWindow
  const positions = (hit: (t: Token, k: number) => boolean) => {
    const found: number[] = []
    // The window counts words: "U.N." is one. A relative clause or an aside the clause skips counts none
    // ("die Kandidatur Estlands, dem es … vorwirft, verhindert").
    const step = (k: number, dir: number, words: number) => { while (words > 0 && k + dir >= clause.from && k + dir < clause.to) { k += dir; if (tokens[k]!.kind !== 'punct' && inClause(clause, k)) words-- } return k }
    const lo = window ? step(at, -1, window.before) : clause.from
    // "nannte das Vorgehen angemessen und warf dem Westen Heuchelei vor": a verb's evidence ends where
    // a coordinated verb of another act begins.
    const hi = Math.min(window ? step(at, 1, window.after) + 1 : clause.to, ref.kind === 'noun' ? clause.to : actEnd)
    // "troops captured a stronghold": for some rules the subject before the verb is no evidence, only a passive's.
    const before = (k: number) => k < at && ref.rule.evidence_after && !tokens.slice(k + 1, at).some((t) => g.passiveAuxiliaries.includes(t.norm))
    for (let k = lo; k < hi; k++) if (inClause(clause, k) && !before(k) && hit(tokens[k]!, k)) found.push(Math.abs(k - at))
    // "… mit den Sanktionen, die Tokio gegen Moskau verhängt hat": a relative clause speaks of the
    // noun before its comma, or of the noun before the verb it follows ("… mit den Sanktionen begründet, die …").
    const head = clause.relative && tokens[clause.from - 1]?.text === ',' ? relativeHead(tokens, clause.from - 1, g) : -1
    if (head >= 0 && hit(tokens[head]!, head)) found.push(at - head)
    return found
  }
  // -1: the rule asks for no evidence, so it competes with no other reading (but a visit, see nearestEvidence).
  let distance = -1
  const req = lex.requires.get(ref.rule)!
  const nouns = lex.requiredNouns.get(ref.rule)!
  if (req.size > 0) {
    // "joining the European Union" asks for no union: a word of an actor's name is no evidence (a
    // role's noun is: "summoned the Azerbaijani ambassador").
    // `{person}`: a person or an office holder after the trigger will do ("Putin hosted Kim Jong Un");
    // `{organisation}`: an international organisation after it ("Mali left ECOWAS").
    const person = req.has(PERSON)
    const organisation = req.has(ORGANISATION)
    // A verb that closes its clause has its object before it: "sein Land werde die OVKS verlassen".
    const closesClause = ref.kind !== 'noun' && (at + 1 >= clause.to || tokens[at + 1]!.kind !== 'word')
    const found = positions((t, k) => (organisation && (k > at || closesClause) && spans.organisations.has(k)) || !spans.names.has(k) && (req.has(t.norm) || nouns.some((n) => isCompoundOf(t, n))))
    // The person met is the verb's object wherever it stands in the clause, past the evidence window:
    // "traf Anfang Mai in Moskau Präsident Wladimir Putin".
    if (person) {
      const met = tokens.findIndex((_, k) => k > at && k < clause.to && inClause(clause, k) && spans.people.has(k))
      if (met > 0) found.push(met - at)
      // "hatte … Fernández Putin im Kreml getroffen (und …)": a verb that closes its clause, or its
      // stretch of it, has its object before it: a person named after another actor (the subject).
      else if (closesClause || g.clauseCoordinators.includes(tokens[at + 1]?.norm ?? '')) {
        const actor = (k: number) => spans.people.has(k) || spans.names.has(k) || spans.organisations.has(k)
        let runs = 0
        for (let k = clause.from; k < at; k++) {
          if (!inClause(clause, k) || !actor(k) || !spans.starts.has(k)) continue
          if (runs++ > 0 && spans.people.has(k)) { found.push(at - k); break }
        }
      }
    }
    // "forderte den Botschafter auf, das Land zu verlassen": the required word in the infinitive complement.
    if (!found.length && complement && ref.rule.evidence_in_complement) {
      const inComplement = tokens.findIndex((t, k) => k >= complement.from && k < complement.to && req.has(t.norm))
      if (inComplement > 0) found.push(inComplement - at)
    }
    if (!found.length) return null
    distance = Math.min(...found)
    const also = lex.requiresAlso.get(ref.rule)!
    if (also.size > 0 && !positions((t) => also.has(t.norm)).length) return null
  }
  if (ref.rule.requires_object) {
    const objs = lex.objects.get(ref.rule)!
    // "kündigte den Abzug seiner Truppen an": an object word that completes an event noun of another
    // type ("Abzug") is that noun's, not the verb's: the verb announces the withdrawal, no dispatch.
    const completesNoun = (k: number) => {
      if (ref.kind === 'noun' || k <= at) return false
      for (let j = k - 1; j > at && k - j <= 3; j--) {
        const t = tokens[j]!
        if (/^\p{Lu}/u.test(t.text)) return triggersOf(lex, t).some((r) => r.kind === 'noun' && r.rule.type !== ref.rule.type)
        if (t.kind !== 'word') return false
      }
      return false
    }
    const found = positions((t, k) => objectModeOf(objs, t.norm) !== undefined && !completesNoun(k))
    if (!found.length) return null
    distance = Math.max(distance, Math.min(...found))
  }
  return distance
}

/**
 * "the equipment seized last year", "the agreement signed in March 2001": a verb form right after a
 * lower-case noun (no actor, pronoun, auxiliary or function word) and right before a time expression
 * (or a preposition and one) earlier than the document's date is a participle that describes the noun.
 */
function describesPast(tokens: Token[], at: number, from: number, mentionTokens: Set<number>, g: LanguagePack['grammar'], times: Doc['times'], docDate: string | undefined): boolean {
  const prev = at > from ? tokens[at - 1]! : undefined
  const next = tokens[at + 1]
  if (!docDate || !prev || !next || prev.kind !== 'word' || !/^\p{Ll}/u.test(prev.text) || mentionTokens.has(at - 1)) return false
  if (functionWordsOf(g).has(prev.norm)) return false
  const after = g.prepositions.includes(next.norm) ? tokens[at + 2] : next
  const time = after && times.find((t) => t.start === after.start || t.start === next.start)
  return !!time && !!time.date && time.date < docDate.slice(0, time.date.length)
}

/** The generic party a people stands for: its civilians ("Young Algerians blocked roads"). */
const PEOPLE_PARTY = 'CIVILIANS'

/**
 * Who acts at a trigger, as a rule's `not_by` and `only_by` read it: a generic party ("protesters"),
 * a state through one of its generic parties ("Palestinian youths": the civilians), a people
 * without an article ("100 ethnic Albanians", "Young Algerians": civilians; "the Russians" is
 * often the state itself), or else the actor. A people form that a lower-case word other than
 * the trigger, an auxiliary or a preposition follows modifies a noun ("Chinese coast guard
 * vessels"); where that noun is a generic party, the party acts ("French paper workers").
 */
function partyOf(m: Mention, trigger: number, tokens: Token[], g: LanguagePack['grammar'], isSector: (actor: string) => boolean, mentions: Mention[]): string {
  if (isSector(m.actor)) return m.actor
  if (m.party) return m.party
  if (m.kind !== 'people') return m.actor
  const before = tokens[m.tokenStart - 1]
  const next = tokens[m.tokenEnd]
  const modifies = m.tokenEnd !== trigger && next?.kind === 'word' && /^\p{Ll}/u.test(next.text) && !g.finiteAuxiliaries.includes(next.norm) && !g.prepositions.includes(next.norm)
  if (modifies) {
    const head = mentions.find((o) => o.tokenStart > m.tokenEnd && o.tokenStart - m.tokenEnd <= 2 && isSector(o.actor) && o.tokenStart < trigger)
    const between = head ? tokens.slice(m.tokenEnd, head.tokenStart) : []
    return head && between.every((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text)) ? head.actor : m.actor
  }
  return before && g.determiners.includes(before.norm) ? m.actor : PEOPLE_PARTY
}

/**
 * German capitalises nouns: "Angriff" is the noun, "angriff" the verb. A noun trigger needs a
 * capital; a verb form needs lower case unless it opens the sentence. Languages that do not
 * capitalise nouns list their nouns in lower case, so the check only bites where it means something.
 */
function caseFits(ref: TriggerRef, token: Token, sentenceStart: boolean): boolean {
  const capital = /^\p{Lu}/u.test(token.text)
  if (ref.kind === 'noun') return capital || !/^\p{Lu}/u.test(ref.surface)
  return !capital || sentenceStart || /^\p{Lu}/u.test(ref.surface)
}

/** "die vom Westen unterstützte Regierung": a participle between an agent phrase and its noun describes, it does not report. */
function isAttributive(tokens: Token[], at: number, clause: Clause, mentionTokens: Set<number>, g: LanguagePack['grammar'], descriptionTokens: Set<number>): boolean {
  // "the Israeli-occupied West Bank", "the Russian-backed separatists": a participle glued to a name describes;
  // "its long-threatened invasion", "a much-delayed visit": so does one glued to an adverb.
  if (isGluedHyphen(tokens, at - 1) && (mentionTokens.has(at - 2) && g.attributiveParticiples.includes(tokens[at]!.norm) || g.attributiveAdverbs.includes(tokens[at - 2]!.norm))) return true
  // The noun follows, perhaps after adjectives ("die dort stationierten russischen Friedenssoldaten").
  let n = at + 1
  while (n < clause.to && tokens[n]!.kind === 'word' && (looksAdjectival(tokens[n]!, g) || mentionTokens.has(n) && /^\p{Ll}/u.test(tokens[n]!.text))) n++
  const next = tokens[n]
  // A name there is the subject of a verb ("Im Mai unterstützte Russland …"); a description ("die vom Westen unterstützte Regierung") is the noun.
  if (!next || !inClause(clause, n) || next.kind !== 'word' || !/^\p{Lu}/u.test(next.text) || mentionTokens.has(n) && !descriptionTokens.has(n)) return false
  for (let k = at - 1; k >= Math.max(clause.from, at - 4); k--) {
    const t = tokens[k]!
    const norm = g.contractions[t.norm] ?? t.norm
    if (g.agentPrepositions.includes(norm)) return true
    // "wegen bewaffneten Aufruhrs": no finite verb follows a preposition directly.
    if (k === at - 1 && g.prepositions.includes(norm)) return true
    // "die russisch unterstützte Regierung": a determiner, then only lower-case words, then the participle.
    // "Die in Belarus stationierten Atomwaffen": a prepositional phrase may stand there too, but not a bare actor ("Die USA stationierten").
    const between = tokens.slice(k + 1, at)
    const lower = (w: Token) => w.kind === 'word' && /^\p{Ll}/u.test(w.text)
    const governed = (n: number) => mentionTokens.has(k + 1 + n) && between.slice(0, n).some((w) => g.prepositions.includes(g.contractions[w.norm] ?? w.norm))
    if (g.determiners.includes(t.norm) && between.every((w, n) => lower(w) || governed(n))) return true
    // "die vom Westen unterstützte Regierung": a noun the agent preposition governs.
    const prior = tokens[k - 1]
    if (k > clause.from && t.kind === 'word' && /^\p{Lu}/u.test(t.text) && prior && g.agentPrepositions.includes(g.contractions[prior.norm] ?? prior.norm)) return true
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !mentionTokens.has(k)) return false
  }
  return false
}

/**
 * In a language that writes nouns in lower case, "attacks" may be a verb ("Russia attacks Kyiv")
 * or a noun ("the attacks on Kyiv"). The word before decides: a subject, a pronoun, an auxiliary
 * or "to" makes a verb; anything else (an article, an adjective, a preposition) a noun.
 */
function homographReading(refs: TriggerRef[], tokens: Token[], i: number, from: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): TriggerRef[] {
  // "China hit back", "handed the villages back": a particle is a verb only where a verb can stand.
  if (g.particles.includes(tokens[i]!.norm) && !verbalPosition(tokens, i, from, g, mentionTokens)) return refs.filter((r) => r.kind === 'noun')
  if (g.capitalisesNouns || !refs.some((r) => r.kind === 'noun') || !refs.some((r) => r.kind !== 'noun')) return refs
  const next = tokens[i + 1]
  const prev = i > from ? tokens[i - 1] : undefined
  // "After meeting Xi, …": a gerund after a conjunction or a preposition that takes an actor as its object.
  // ", killing one person": a present participle right after a comma opens a clause (clauses.ts).
  const gerund = !!prev && (g.subordinators.includes(prev.norm) || g.prepositions.includes(prev.norm)) && mentionTokens.has(i + 1)
    || prev?.text === ',' && isParticiple(tokens[i], g)
  // "US sanctions on Iran": a preposition right after makes it a noun all the same.
  const verbal = gerund || verbalPosition(tokens, i, from, g, mentionTokens) && !(next && g.prepositions.includes(next.norm))
  return refs.filter((r) => (verbal ? r.kind !== 'noun' : r.kind === 'noun'))
}

/** A word right after an actor, a subject pronoun, an auxiliary, "to" or a relative pronoun stands where a verb stands. */
function verbalPosition(tokens: Token[], i: number, from: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): boolean {
  const prev = i > from ? tokens[i - 1]! : undefined
  return !!prev && (mentionTokens.has(i - 1) && !g.determiners.includes(prev.norm)
    || [...g.subjectPronouns, ...g.finiteAuxiliaries, ...g.infinitiveMarkers, ...g.relativeSubjects].includes(prev.norm))
}

/** The genitive attribute of a clause's first noun phrase, before the verb: "Eine Arbeitsgruppe der UN …". */
function firstPhraseGenitive(phrases: Phrase[], tokens: Token[], clause: Clause, verb: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): Phrase | null {
  const gen = phrases.find((p) => p.attach.kind === 'gen' && p.to <= verb)
  if (!gen) return null
  let nouns = 0
  for (let k = clause.from; k < gen.from; k++) {
    if (!inClause(clause, k)) continue
    if (isPreposition(tokens[k]!, g)) return null
    // "Die Staats- und Regierungschefs": a truncated first part of a compound is no noun of its own.
    if (isBareNoun(tokens[k]!, k, g, mentionTokens) && tokens[k + 1]?.text !== '-') nouns++
  }
  return nouns === 1 ? gen : null
}

/** A passive's subject named in its clause; where the auxiliary follows it directly (English), right before it. */
function passiveSubjectHere(p: Phrase, c: Clause, aux: number, g: LanguagePack['grammar']): boolean {
  return p.from >= c.from && p.to <= c.to && (g.verbFinalSubordinates || (p.to <= aux && aux - p.to <= 1))
}

/** Whether the clause's first word is an article only objects take ("Den", "Einem"). */
function opensWithObject(tokens: Token[], clause: Clause, g: LanguagePack['grammar']): boolean {
  const first = tokens.slice(clause.from, clause.to).find((t, n) => t.kind === 'word' && inClause(clause, clause.from + n))
  return !!first && g.objectDeterminers.includes(first.norm)
}

/**
 * "Unter Vermittlung Moskaus hatten Vertreter Haftars und Sarradschs verhandelt": where a phrase opens
 * the clause, the subject follows its auxiliary; a noun with no actor right after the auxiliary, with
 * a genitive after it, names by that genitive who acts (before a trigger that ends the clause).
 */
function genitiveAfterAuxiliary(phrases: Phrase[], tokens: Token[], verb: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): Phrase | null {
  const gen = phrases.find((p) => p.attach.kind === 'gen' && p.to <= verb && p.mentions.every((m) => m.genitive))
  if (!gen || gen.from < 2) return null
  const noun = tokens[gen.from - 1]!
  const aux = tokens[gen.from - 2]!
  return capitalised(noun) && !mentionTokens.has(gen.from - 1) && g.finiteAuxiliaries.includes(aux.norm) ? gen : null
}

/**
 * "Taiwan's deputy foreign minister visited Russia", "Russlands Oberstes Gericht hob … auf": a
 * genitive that opens the clause names who owns the noun phrase standing as the subject. The words
 * between it and the verb are that noun phrase: no preposition, no punctuation, no other actor.
 */
function prenominalGenitive(phrases: Phrase[], tokens: Token[], clause: Clause, verb: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): Phrase | null {
  const gen = phrases[0]
  if (!gen || gen.attach.kind !== 'gen' || gen.to >= verb || !gen.mentions.every((m) => m.genitive)) return null
  const openers = sentenceWords(g).genitiveOpeners
  for (let k = clause.from; k < gen.from; k++) if (inClause(clause, k) && !openers.has(tokens[k]!.norm)) return null
  const head = tokens.slice(gen.to, verb).filter((_, n) => inClause(clause, gen.to + n))
  if (!head.length || head.length > PRENOMINAL_HEAD) return null
  return head.every((t, n) => t.kind === 'word' && !isPreposition(t, g) && !mentionTokens.has(gen.to + n) && !g.subordinators.includes(t.norm)) ? gen : null
}

/**
 * "aus Gesprächen mit Den Haag", "aus dem Abkommen mit Iran": the actor phrase `p` is the "mit"
 * complement of a noun that a preposition among the rule's target roles governs.
 */
function roleNounComplement(tokens: Token[], p: Phrase, clause: Clause, g: LanguagePack['grammar'], targets: string[], mentionTokens: Set<number>): boolean {
  // A demonym describes ("aus den Dörfern mit russischer Bevölkerung"); only a named party is a partner.
  if (p.attach.kind !== 'prep' || !g.comitativePrepositions.includes(p.attach.prep) || p.mentions.some((m) => m.kind === 'adjective')) return false
  const describing = (t: Token) => t.kind === 'word' && (g.determiners.includes(t.norm) || g.modifierWords.includes(t.norm) || looksAdjectival(t, g))
  let k = p.from - 1
  while (k > clause.from && describing(tokens[k]!) && !g.comitativePrepositions.includes(tokens[k]!.norm)) k--
  if (!g.comitativePrepositions.includes(tokens[k]?.norm ?? '')) return false
  // The noun the complement belongs to, right before "mit", then its article and adjectives.
  k--
  if (k <= clause.from || !isBareNoun(tokens[k]!, k, g, mentionTokens)) return false
  k--
  while (k > clause.from && describing(tokens[k]!)) k--
  const prep = tokens[k]
  if (!prep || k < clause.from || !inClause(clause, k)) return false
  return targets.includes(`prep:${g.contractions[prep.norm] ?? prep.norm}`)
}

/** The preposition before token `i` past articles and adjectives only ("in die Nato", "aus der neuen Vereinbarung"), not before `from`; or -1. */
function prepositionBefore(tokens: Token[], i: number, from: number, g: LanguagePack['grammar']): number {
  let k = i - 1
  while (k >= from && tokens[k]!.kind === 'word' && (g.determiners.includes(tokens[k]!.norm) || looksAdjectival(tokens[k]!, g))) k--
  return k >= from && prepositionFormsOf(g).has(tokens[k]!.norm) ? k : -1
}

/** "die Aufnahme in die Nato": whether the phrase's preposition follows a noun that names membership (an object of mode `membership`). */
function membershipComplement(tokens: Token[], p: Phrase, objects: Map<string, string>, g: LanguagePack['grammar']): boolean {
  const k = prepositionBefore(tokens, p.from, 1, g)
  const noun = k > 0 ? tokens[k - 1] : undefined
  return !!noun && capitalised(noun) && objectModeOf(objects, noun.norm) === 'membership'
}

/** "reagierte mit neuen Einreiseverboten": the noun at `i` is the means a verb of response in its clause names. */
function respondsWith(tokens: Token[], i: number, clause: Clause, words: Token[], g: LanguagePack['grammar']): boolean {
  return governedByInstrument(tokens, i, clause, g) && words.some((t) => g.responseVerbs.includes(t.norm))
}

/** A word that stands before a noun in its phrase: an article, a quantifier, a modifier or an adjective. */
function leadsNoun(t: Token, g: LanguagePack['grammar']): boolean {
  return t.kind === 'word' && (g.determiners.includes(t.norm) || g.modifierWords.includes(t.norm) || g.quantityWords.includes(t.norm) || looksAdjectival(t, g))
}

/** "mit neuen Einreiseverboten": the noun at `i` stands after a preposition of means, past its article and adjectives. */
function governedByInstrument(tokens: Token[], i: number, clause: Clause, g: LanguagePack['grammar']): boolean {
  for (let k = i - 1; k >= clause.from && k >= i - 4; k--) {
    const t = tokens[k]!
    if (g.instrumentPrepositions.includes(t.norm)) return true
    if (!leadsNoun(t, g)) return false
  }
  return false
}

/** A capitalised word that is no article and no part of an actor's name: a noun of the clause. */
function isBareNoun(t: Token, k: number, g: LanguagePack['grammar'], mentionTokens: Set<number>): boolean {
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !g.determiners.includes(t.norm) && !mentionTokens.has(k)
}

const isPreposition = (t: Token, g: LanguagePack['grammar']) => g.prepositions.includes(g.contractions[t.norm] ?? t.norm)

/**
 * The word a relative clause opened at `comma` speaks of: the one before the comma, or, where nouns
 * are capitalised and a clause ends on its verb, the noun before that verb (a relative clause may
 * follow the verb: "… dies mit den Sanktionen begründet, die Tokio verhängt hat"). -1 if none.
 */
function relativeHead(tokens: Token[], comma: number, g: LanguagePack['grammar']): number {
  const before = comma - 1
  if (before < 0 || tokens[before]!.kind !== 'word') return -1
  if (!g.capitalisesNouns || !g.verbFinalSubordinates || capitalised(tokens[before]!)) return before
  // At most a participle and an auxiliary ("verhängt worden", "begründet hat") stand between.
  for (let k = before - 1; k >= Math.max(0, before - 2); k--) {
    const t = tokens[k]!
    if (t.kind !== 'word') return before
    if (capitalised(t)) return k
  }
  return before
}

/** The role a relative clause's pronoun gives the noun it refers to, when not the subject: "den" (object), "gegen den" (prep:gegen). */
function relativeRoleOf(tokens: Token[], clause: Clause, g: LanguagePack['grammar']): { at: number; prep: string | null } | null {
  const first = tokens[clause.from]
  const second = tokens[clause.from + 1]
  if (!first || first.kind !== 'word') return null
  if (g.relativeObjects.includes(first.norm)) return { at: clause.from, prep: null }
  if (isPreposition(first, g) && second && g.relativePronouns.includes(second.norm)) return { at: clause.from + 1, prep: first.norm }
  return null
}

/**
 * The clause a relative clause's comma follows: the one that holds the word before that comma. An
 * aside set apart earlier ("telefonierte Tokajew, gerade erst im Amt, mit Putin, der …") comes
 * between them in the list of clauses, but not before the comma.
 */
function clauseBefore(clauses: Clause[], ci: number): Clause | undefined {
  const word = clauses[ci]!.from - 2
  return clauses.slice(0, ci).reverse().find((c) => c.from <= word && word < c.to && !c.skips?.some(([a, b]) => a <= word && word < b)) ?? clauses[ci - 1]
}

/** Words of a predicate noun phrase: "ein wichtiger Partner", "a close ally". */
const PREDICATE_WORDS = 4

/**
 * The actor a relative clause refers back to: the last one right before its comma; or, `throughCopula`,
 * the subject of a copula whose predicate stands there ("Iran sei ein wichtiger Partner, mit dem …").
 */
function antecedentOf(previous: Clause | undefined, phrasesOf: Map<Clause, Phrase[]>, at: number, tokens: Token[], g: LanguagePack['grammar'], throughCopula = false): Phrase | null {
  if (!previous) return null
  // "… von Wladimir Putin empfangen worden, der …": the verb cluster may stand between.
  const verbCluster = (p: Phrase) => at - p.to <= 6 && tokens.slice(p.to, at).every((t) => t.kind === 'punct' || /^\p{Ll}/u.test(t.text))
  const phrases = phrasesOf.get(previous) ?? []
  const before = phrases.filter((p) => p.to <= at && (at - p.to <= 3 || verbCluster(p)))
  // "den Text der USA, Großbritanniens und Frankreichs, der …": a singular pronoun does not take up a coordination.
  const last = before.at(-1)
  if (last && last.mentions.length > 1 && g.singularRelativePronouns.includes(tokens[at]?.norm ?? '')) return null
  if (last) return last
  // Only for a pronoun that is not the subject: "ein Land, das Russland angegriffen hat" reads either way.
  if (!throughCopula) return null
  const predicate = (p: Phrase) => {
    const copula = tokens[p.to]
    if (!copula || copula.kind !== 'word' || !g.copulas.includes(copula.norm)) return false
    const words = tokens.slice(p.to + 1, at).filter((t) => t.text !== ',')
    return words.length > 0 && words.length <= PREDICATE_WORDS && words.every((t) => t.kind === 'word')
  }
  return phrases.find((p) => p.attach.kind === 'bare' && predicate(p)) ?? null
}

/** A noun for a document its author issues ("Positionspapier", "Resolutionsentwurf"), or a compound ending in one. */
function isDocumentNoun(t: Token | undefined, g: LanguagePack['grammar']): boolean {
  return !!t && t.kind === 'word' && g.documentNouns.some((n) => t.norm === n || isCompoundOf(t, n))
}

/** How many words back from the noun left a noun of leaving may stand ("den Ausstieg seines Landes aus der Vereinbarung"). */
const LEAVING_REACH = 6

/** Whether the noun at `i` is what a noun of leaving or refusal before it leaves ("Ausstieg … aus der Vereinbarung", "Rückzug aus dem Abkommen"). */
function leftBehind(tokens: Token[], i: number, clause: Clause, lex: EventLexicon, g: LanguagePack['grammar']): boolean {
  const k = prepositionBefore(tokens, i, clause.from, g)
  if (k < 0) return false
  for (let j = k - 1; j >= Math.max(clause.from, k - LEAVING_REACH); j--) {
    const t = tokens[j]!
    if (t.kind === 'punct') return false
    if (triggersOf(lex, t).some((r) => r.kind === 'noun' && LEAVING_TYPES.has(r.rule.type))) return true
  }
  return false
}

/** How far back from an attributive participle its article and agent preposition may stand ("Die von Russland, den USA und Jordanien vereinbarte"). */
const ATTRIBUTE_REACH = 12

/** Whether an article and an agent preposition ("die von …", "der durch …") open the noun phrase the participle at `i` stands in. */
function attributeAgent(tokens: Token[], i: number, clause: Clause, g: LanguagePack['grammar']): boolean {
  if (tokens[i + 1]?.kind !== 'word' || !capitalised(tokens[i + 1])) return false
  for (let k = i - 2; k >= Math.max(clause.from, i - ATTRIBUTE_REACH); k--) {
    const t = tokens[k]!
    if (g.agentPrepositions.includes(t.norm)) return g.determiners.includes(tokens[k - 1]?.norm ?? '') && k - 1 >= clause.from
    // A finite verb or another clause's word between: no attribute.
    if (t.kind === 'punct' && t.text !== ',') return false
  }
  return false
}

/** The relative clause right after an event noun at `i` whose verb carries it ("…, das Putin mit Trump führte"), and that verb's index. */
function carrierClause(tokens: Token[], i: number, clauses: Clause[], g: LanguagePack['grammar']): { clause: Clause; verb: number } | undefined {
  // English sets no comma before a relative clause that defines its noun ("a call that Putin held").
  const at = tokens[i + 1]?.text === ',' ? i + 2 : i + 1
  if (!g.relativePronouns.includes(tokens[at]?.norm ?? '')) return undefined
  const clause = clauses.find((c) => c.subordinate && c.from === at)
  if (!clause) return undefined
  let verb = -1
  for (let k = clause.from; k < clause.to; k++) if (inClause(clause, k) && tokens[k]!.kind === 'word' && g.carrierVerbs.includes(tokens[k]!.norm)) verb = k
  return verb >= 0 ? { clause, verb } : undefined
}

/** The clause's grammatical subject: a bare actor before the trigger, else the first after it. */
function subjectOf(phrases: Phrase[], trigger: number, after = true): Phrase | null {
  const bare = phrases.filter((p) => p.attach.kind === 'bare' && !p.notSubject)
  // Examples of a group subject at the clause's end stand for it in every word order.
  return bare.find((p) => p.to <= trigger) ?? bare.find((p) => p.from > trigger && (after || p.examples)) ?? null
}

function modeOf(ref: TriggerRef, tokens: Token[], clause: Clause, lex: EventLexicon): string {
  const objs = lex.objects.get(ref.rule)!
  for (let i = clause.from; i < clause.to; i++) {
    if (!inClause(clause, i)) continue
    const mode = objectModeOf(objs, tokens[i]!.norm)
    if (mode) return mode
  }
  return ref.rule.mode
}

function quantityOf(ref: TriggerRef, tokens: Token[], clause: Clause, lex: EventLexicon, pack: LanguagePack, text: string): string | null {
  const objs = lex.objects.get(ref.rule)!
  const { quantityWords: qwords, quantityGlue: glue } = sentenceWords(pack.grammar)
  for (let i = clause.from; i < clause.to; i++) {
    const t = tokens[i]!
    if (t.kind !== 'number' && !qwords.has(t.norm)) continue
    if (t.kind === 'number' && /^(1[89]|20)\d\d$/.test(t.text)) continue
    for (let k = i + 1; k < Math.min(clause.to, i + 5); k++) {
      const w = tokens[k]!
      if (objectModeOf(objs, w.norm) !== undefined) return text.slice(t.start, w.end)
      if (!glue.has(w.norm) && w.kind !== 'number' && w.text !== '-') break
    }
  }
  return null
}

/** What eventDate answers for a long-running or repeated act: no date, and none from the publication either. */
const UNDATED: Dated = { date: '', rule: 'habitual' }

/** Whether the clause tells a long-running or repeated act (`habitualPhrases`). */
function habitual(tokens: Token[], clause: Clause, g: LanguagePack['grammar']): boolean {
  return findPhrases(tokens, clause.from, clause.to, habitualPhrasesOf(g)).length > 0
}
const habitualPhrasesOf = perGrammar((g) => g.habitualPhrases.map(phraseKey))

/** The date rule of an act a report of current events tells without a date: its publication month. */
const PRESENT_RULE = 'publication-month'
/** The mode of acts that are only said (praise, criticism): no decision an act noun may name. */
const STATEMENT_MODE = 'statement'
/** Date rules that borrow a date from outside the sentence. */
const BORROWED_DATE = ['+previous-sentence', PRESENT_RULE]

/**
 * The date of an event, from the closest context that gives one: a time expression in its own
 * clause; else one in a main clause of its sentence (not inside another clause's subordinate or
 * relative clause); else the last date stated earlier in the same paragraph (narrative
 * continuation); else null: the gold convention is "null when the text does not say",
 * and the relation model falls back to the publication date itself.
 */
type SentenceTimes = Doc['times']

/** The time expressions that may date an event, by sentence. */
function usableTimesBySentence(doc: Doc): Map<number, SentenceTimes> {
  const by = new Map<number, SentenceTimes>()
  // The end of a range ("… und 1989") dates nothing by itself: its start carries the range. Nor
  // does a deadline ("bis zum 7. Februar"): the act that sets it is done before it. So is an end
  // after the publication date ("verlängerten ihren Liefervertrag bis 2040").
  const published = doc.date?.value
  for (const t of doc.times) {
    if (!t.anchorable || t.precision === 'decade' || t.rule.endsWith('.end') || t.mod === DEADLINE) continue
    if (t.mod === UNTIL && published && t.date.slice(0, published.length) > published.slice(0, t.date.length)) continue
    const list = by.get(t.sentence)
    if (list) list.push(t)
    else by.set(t.sentence, [t])
  }
  return by
}

/** Whether tokens `from` to `to` are written as one word ("Brics-Staaten"): no space between them. */
function joined(tokens: Token[], from: number, to: number): boolean {
  for (let j = from + 1; j <= to; j++) if (tokens[j]!.start !== tokens[j - 1]!.end) return false
  return true
}

/** Whether a span lies in one of the asides a clause skips (a relative clause, an apposition). */
function inSkip(c: Clause, t: { start: number; end: number }, tokens: Token[]): boolean {
  return (c.skips ?? []).some(([a, b]) => t.start >= tokens[a]!.start && t.end <= tokens[b - 1]!.end)
}

/**
 * "die 2017 verhängten Sanktionen": a time between an article and the adjectives and noun it
 * stands before dates that noun's act, not the narrative.
 */
function describedNoun(t: { start: number; end: number }, tokens: Token[], g: LanguagePack['grammar']): number {
  if (!g.capitalisesNouns) return -1
  const from = firstTokenFrom(tokens, t.start)
  const first = from < tokens.length ? from : -1
  let last = first
  while (tokens[last + 1] && tokens[last + 1]!.end <= t.end) last++
  if (first <= 0 || !g.determiners.includes(tokens[first - 1]!.norm)) return -1
  let k = last + 1
  while (tokens[k] && looksAdjectival(tokens[k]!, g)) k++
  return k > last + 1 && capitalised(tokens[k]) ? k : -1
}
const describesNoun = (t: { start: number; end: number }, tokens: Token[], g: LanguagePack['grammar']) => describedNoun(t, tokens, g) >= 0

/**
 * The date a sentence passes on to the next: the last one its main and adverbial clauses state, not
 * one after the publication date (a plan's date: "sollen um den Jahreswechsel bereitstehen").
 */
function narrativeDate(times: SentenceTimes, clauses: Clause[], tokens: Token[], published: string | undefined, g: LanguagePack['grammar'], dated: boolean): Dated | null {
  // Where the paragraph has a date already, a clause of sequence ("nachdem …") does not move it on.
  const sequence = (c: Clause) => dated && c.subordinate && g.sequenceSubordinators.includes(clauseOpener(tokens, c))
  const own = clauses.filter((c) => !c.relative && !c.apposition && !sequence(c))
  const ahead = (date: string) => !!published && date.slice(0, published.length) > published.slice(0, date.length)
  const stated = times.filter((t) => !ahead(t.date) && !describesNoun(t, tokens, g) && own.some((c) => t.start >= tokens[c.from]!.start && t.end <= tokens[c.to - 1]!.end && !inSkip(c, t, tokens)))
  // A point time ("am Donnerstag erstmals seit Februar") is what the narrative goes on from.
  const points = stated.filter((t) => t.mod !== 'since')
  const last = (points.length ? points : stated).at(-1)
  return last ? { date: last.date, rule: last.rule } : null
}

/**
 * "Seitdem Trump den Vertrag aufkündigte und das Regime 2022 … vorging": where subordinate clauses
 * end on their verb, a verb followed by a conjunction ends its conjunct, and what follows is the
 * next one's. The offset where the trigger's conjunct ends, or null.
 */
function conjunctEnd(tokens: Token[], trigger: number, clause: Clause, g: LanguagePack['grammar']): number | null {
  if (!g.verbFinalSubordinates || !clause.subordinate || clause.relative) return null
  const next = tokens[trigger + 1]
  return next && trigger + 2 < clause.to && g.clauseCoordinators.includes(next.norm) ? tokens[trigger]!.end : null
}

/** The last date stated earlier in sentence `sIndex`'s paragraph, or before it where the clause points back to it. */
function paragraphDate(doc: Doc, sIndex: number, narrative: Map<number, Dated>, pointsBack: boolean): Dated | null {
  for (let k = sIndex - 1; k >= 0; k--) {
    const prev = doc.sentences[k]!
    if (!pointsBack && doc.text.slice(prev.end, doc.sentences[k + 1]!.start).includes('\n')) break
    const last = narrative.get(prev.index)
    if (last) return { date: last.date, rule: `${last.rule}+previous-sentence` }
  }
  return null
}

function eventDate(doc: Doc, sIndex: number, clause: Clause, clauses: Clause[], tokens: Token[], trigger: number, narrative: Map<number, Dated>, g: LanguagePack['grammar'], usable: SentenceTimes, setting: (c: Clause) => Dated | null): Dated | null {
  const at = tokens[trigger]!.start
  const temporals = g.temporalSubordinators
  const startOf = (c: Clause) => tokens[c.from]!.start
  const endOf = (c: Clause) => tokens[c.to - 1]!.end
  // A clause interrupted by a relative clause or an aside does not own the times inside the gap.
  const spanned = (c: Clause) => usable.filter((t) => t.start >= startOf(c) && t.end <= endOf(c))
  const within = (c: Clause) => spanned(c).filter((t) => !inSkip(c, t, tokens))
  const nearest = (list: typeof usable) => [...list].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]
  const continued = (pointsBack: boolean) => paragraphDate(doc, sIndex, narrative, pointsBack)
  const ownEnd = conjunctEnd(tokens, trigger, clause, g)
  // "hob die 2017 verhängten Sanktionen auf": a time that describes a noun dates that noun's act only.
  const ownedAll = within(clause).filter((t) => (ownEnd === null || t.start < ownEnd) && [-1, trigger].includes(describedNoun(t, tokens, g)))
  // "traf am Donnerstag erstmals seit Februar …": a point time dates the act; the start of a state
  // beside it only measures how long something lasted.
  const points = ownedAll.filter((t) => t.mod !== 'since')
  const owned = points.length ? points : ownedAll
  // A verb that closes its stretch of the clause ("hatten Ende 2019 … geübt, weitere Auflagen folgten
  // 2022") is dated by a time before it, where there is one.
  const closes = tokens[trigger + 1]?.kind === 'punct'
  const before = closes ? owned.filter((t) => t.end <= at) : []
  const own = nearest(before.length ? before : owned)
  if (own) return { date: own.date, rule: own.rule }
  // Not one a semicolon sets off after the act ("traf Putin in Sotschi; Anfang September folgte ein Besuch"):
  // it goes on to a later act.
  const afterSemicolon = (c: Clause) => c.from > clause.from && tokens.slice(clause.to, c.from).some((t) => t.text === ';')
  const main = nearest(clauses.filter((c) => c !== clause && !c.subordinate && !c.apposition && !afterSemicolon(c)).flatMap(within))
  if (main) return { date: main.date, rule: `${main.rule}+main-clause` }
  // A main clause takes the time of its temporal clause ("Als Rebellen Ende 2020 vorrückten, schickte Moskau …").
  if (!clause.subordinate) {
    // "…, nachdem die Leitungen Ende September beschädigt worden waren": a clause of sequence bounds the
    // act from one side only; the date the paragraph goes on from dates it first, where there is one.
    const sequence = (c: Clause) => g.sequenceSubordinators.includes(clauseOpener(tokens, c)) && !!continued(false)
    const temporal = nearest(clauses.filter((c) => c.subordinate && !c.relative && temporals.includes(clauseOpener(tokens, c)) && !sequence(c)).flatMap(within))
    if (temporal) return { date: temporal.date, rule: `${temporal.rule}+temporal-clause` }
    // …and the time of a clause before it that frames it as a report ("Wie CNN am Freitag berichtet, will …").
    const speech = speechVerbsOf(g)
    const frame = nearest(clauses.filter((c) => c.subordinate && !c.relative && c.to <= clause.from && tokens.slice(c.from, c.to).some((t) => speech.has(t.norm))).flatMap(within))
    if (frame) return { date: frame.date, rule: `${frame.rule}+report` }
  }
  // What a speaker said takes the date of the saying ("Wie CNN am Freitag berichtet, will Russland …").
  if (clause.reported) {
    const saying = nearest(clauses.filter((c) => c.to <= clause.from).flatMap(within))
    if (saying) return { date: saying.date, rule: `${saying.rule}+report` }
  }
  // Else a state the aside the clause encloses dates from ("…, die seit Dezember 2019 in Betrieb ist,
  // liefert …"); an act the aside tells ("…, mit dem er sich Anfang 2022 verbündet hatte, …") is its own.
  // An aside on an actor ("Die Brics-Staaten, denen seit Januar auch Iran angehört, boten …") tells
  // how long the actor has been what it is, not when it acts.
  const onActor = (t: { start: number; end: number }) => (clause.skips ?? []).some(([a, b]) => t.start >= tokens[a]!.start && t.end <= tokens[b - 1]!.end
    && doc.mentions.some((m) => m.sentence === sIndex && m.tokenStart < a && (a <= m.tokenEnd || joined(tokens, m.tokenEnd - 1, a - 1))))
  const aside = nearest(spanned(clause).filter((t) => t.mod === 'since' && !onActor(t)))
  if (aside) return { date: aside.date, rule: `${aside.rule}+enclosed` }
  // An occasion dated before that the clause sets its act in: "In der Rede warf Putin … vor".
  const occasion = setting(clause)
  if (occasion) return occasion
  // "verlangt seit Langem", "warf wiederholt vor": a long-running or repeated act has no date the narrative gives.
  if (habitual(tokens, clause, g)) return UNDATED
  // Narrative continuation: the last date stated earlier in the same paragraph, or before it where
  // the clause points back to it ("warf Kiew damals … vor").
  return continued(tokens.slice(clause.from, clause.to).some((t) => g.thenAdverbs.includes(t.norm)))
}

/** The partner of the latest act of `type` told in the last `window` sentences, when it is none of `own`. */
function latestRecipient(acts: readonly ToldAct[], type: string, sIndex: number, window: number, own: ReadonlySet<string>): Mention | null {
  for (let k = acts.length - 1; k >= 0 && acts[k]!.sentence >= sIndex - window; k--) {
    const act = acts[k]!
    if (act.type === type && act.target && !own.has(act.target.actor)) return act.target
  }
  return null
}

/** The one party other than `own` that `mentions` name (its latest mention), or null when they name none or several. */
function soleOtherParty(mentions: readonly Mention[], own: ReadonlySet<string>): Mention | null {
  const named = mentions.filter((m) => !own.has(m.actor) && m.actor !== UNLISTED)
  return named.length && named.every((m) => m.actor === named[0]!.actor) ? named.at(-1)! : null
}

/**
 * The organisation the passage last named before `at`, within `window` sentences and its paragraph,
 * that is no party of `own`: where a vote or a veto is cast.
 */
function venueOf(doc: Doc, sIndex: number, at: number, own: ReadonlySet<string>, window: number, isOrganisation: (id: string) => boolean): Mention | null {
  const paragraphStart = doc.text.lastIndexOf('\n', at) + 1
  return doc.mentions.filter((m) => m.start < at && m.start >= paragraphStart && sIndex - m.sentence <= window && isOrganisation(m.actor) && !own.has(m.actor)).at(-1) ?? null
}

/**
 * "beschlossen am Freitag, von Anfang 2017 an Truppen zu entsenden": a plan is dated when it was made.
 * A planned act whose time lies after the publication takes the time before its trigger that does
 * not (the day of the decision), where the sentence has one; with none, the planned time stands
 * ("Für Freitag ist ein Treffen geplant").
 */
function planDate(time: Dated | null, modality: string, published: string | undefined, times: readonly { start: number; date: string; rule: string }[], at: number): Dated | null {
  if (modality !== 'planned' || !time || !published || !(time.date > published)) return time
  const made = times.filter((t) => t.start < at && t.date && !(t.date > published)).at(-1)
  return made ? { date: made.date, rule: `${made.rule}+plan-made` } : time
}

/** The words that make an act told before the target (`actAntecedent`): articles and demonstratives before an act noun, and adverbs that point back ("dagegen"). */
const actWordsOf = perPack((pack): ActWords => ({ nouns: pack.coref.actNouns, determiners: new Set(pack.coref.actDeterminers), adverbs: new Set(pack.coref.actAdverbs), pronouns: new Set(pack.coref.actPronouns.map(fold)), prepositions: prepositionsOf(pack.grammar), comparers: comparersOf(pack.grammar) }))
/** The pack's words of a mediation (mediation.ts). */
const mediationWordsFor = perGrammar((g): MediationWords => {
  const glue = new Set([...g.determiners, ...g.coordinators, ...g.titleLinks])
  return { nouns: new Set(g.mediationNouns), prepositions: new Set(g.mediationPrepositions), determiners: new Set(g.determiners), phraseWord: (t) => capitalised(t) || glue.has(t.norm) || (looksAdjectival(t, g) && !g.finiteAuxiliaries.includes(t.norm)), modifier: (t) => !capitalised(t) && !glue.has(t.norm) }
})
/** The pack's words that place a visitor (presence.ts): resident offices are the envoys', spokespeople's and institutions' titles. */
const presenceWordsFor = perPack((p): PresenceWords => ({
  prepositions: new Set(p.grammar.presencePrepositions),
  residents: new Set([...(p.roles.titles.envoy ?? []), ...(p.roles.titles.spokesperson ?? []), ...(p.roles.titles.institution ?? []), ...p.roles.placed].map(fold)),
  personKinds: new Set(['person', 'role', 'title']),
  placeKinds: new Set(['metonym', 'seat']),
  argumentVerbs: new Set(p.grammar.presenceArgumentVerbs),
}))
/** Titles of missions posted abroad (`roles.yaml` `placed`, but no head of government) and the words that place them ("in"). */
const postsFor = perPack((p) => {
  const heads = new Set((p.roles.titles.head_of_government ?? []).map(fold))
  return { titles: new Set(p.roles.placed.map(fold).filter((w) => !heads.has(w))), links: new Set(p.roles.placeLinks.map(fold)) }
})

/**
 * The state a mission in the source phrase is posted in: "die russische Botschaft in Berlin" is
 * Germany's guest. The phrase ends on a mission's title, a place link follows (the word itself, not a
 * contraction of motion), and a state's place or name after it is not the mission's own.
 */
function postHost(tokens: Token[], source: Phrase, mentions: Mention[], posts: { titles: ReadonlySet<string>; links: ReadonlySet<string> }, isState: (id: string) => boolean): Mention | null {
  const last = source.to - 1
  if (!posts.titles.has(tokens[last]?.norm ?? '')) return null
  // "in Berlin", not "ins Außenministerium" (where it is summoned to).
  const link = tokens[last + 1]
  if (!link || !posts.links.has(link.norm)) return null
  const place = mentions.find((m) => m.tokenStart === last + 2)
  return place && isState(place.actor) && !source.mentions.some((m) => m.actor === place.actor) ? place : null
}

/** The pack's words of votes on a text (votes.ts), folded. */
const voteWordsFor = perGrammar((g): VoteWords => ({
  verbs: new Set(g.votes.verbs.map(fold)),
  against: new Set(g.votes.against.map(fold)),
  for: new Set(g.votes.for.map(fold)),
  texts: new Set(g.votes.texts.map(fold)),
  forIt: g.votes.forIt.map((w) => w.split(/\s+/).map(fold)),
  againstIt: g.votes.againstIt.map((w) => w.split(/\s+/).map(fold)),
  ballots: new Set(g.votes.ballots.map(fold)),
  withBallots: new Set(g.votes.withBallots.map(fold)),
}))
/** The genitive articles and the possessives ("eines", "seines") that make a noun the genitive of the noun before it. */
const genitiveWordsOf = perPack((p): ReadonlySet<string> => new Set([...p.grammar.genitiveArticles, ...p.coref.partnerDeterminers].map(fold)))
/** The definite articles and contractions that make an occasion noun refer back (`coref.determiners`). */
const definiteWordsOf = perPack((p): ReadonlySet<string> => new Set(p.coref.determiners.map(fold)))
/** The pack's occasion nouns (`settingNouns`) and the words that may stand before them (settings.ts). */
const settingFormsFor = perPack((p) => settingFormsOf(p.coref.settingNouns, fold))
const settingWordsFor = perPack((p): SettingWords => ({
  articles: new Set([...p.coref.determiners, ...p.coref.partnerDeterminers].map(fold)),
  contractions: new Set(Object.keys(p.grammar.contractions)),
}))
/** The pack's speech verbs of admission. */
const admissionVerbsOf = perGrammar((g): ReadonlySet<string> => new Set(g.admissionVerbs))
/** The pack's speech verbs. */
const speechVerbsOf = perGrammar((g): ReadonlySet<string> => new Set(g.speechVerbs))
/** The pack's hosting prepositions as folded keys. */
const hostingPrepositionsOf = perGrammar((g): ReadonlySet<string> => new Set(g.hostingPrepositions.map((w) => fold(w))))
/** The pack's reciprocals as phrases: one list, so that findPhrases indexes it once. */
const reciprocalsOf = perGrammar((g) => g.reciprocals.map(phraseKey))
/** Words that end no noun phrase a participle could describe (`describesPast`). */
const functionWordsOf = perGrammar((g): ReadonlySet<string> => new Set([g.finiteAuxiliaries, g.subjectPronouns, g.relativeSubjects, g.infinitiveMarkers, g.determiners, g.prepositions, g.coordinators, g.subordinators, g.modifierWords].flat()))

/** The grammar's word lists a sentence's reading asks about, as sets (built once per grammar, not per sentence). */
const sentenceWords = perGrammar((g) => ({
  backgroundPreps: new Set(g.backgroundPrepositions),
  adjunctPreps: new Set(g.adjunctPrepositions),
  npModifiers: new Set([...g.modifierWords, ...g.determiners]),
  functionWords: new Set([...g.prepositions, ...g.coordinators, ...g.subordinators, ...g.relativePronouns, ...g.infinitiveMarkers, ...g.passiveAuxiliaries]),
  clauseOpeners: new Set([...g.subordinators, ...g.clauseCoordinators]),
  genitiveOpeners: new Set([...g.determiners, ...g.modifierWords, ...g.subordinators, ...g.clauseCoordinators]),
  determiners: new Set(g.determiners),
  quantityWords: new Set(g.quantityWords),
  quantityGlue: new Set(g.quantityGlue),
}))

/** Possessive determiners ("sein", "ihr" …): the owner's act. */
const possessives = perPack((pack): ReadonlySet<string> => new Set(pack.coref.partnerDeterminers.map(fold)))

/** Relation events of one sentence. */
function sentenceEvents(doc: Doc, pack: LanguagePack, lex: EventLexicon, cues: ModalityCues, sIndex: number, from: number, to: number, state: SentenceState, kinds: ActorKinds): RelationEvent[] {
  const { kindOf, isState, isSector, isOrganisation } = kinds
  const { tokens } = doc
  const g = pack.grammar
  const hostingPreps = hostingPrepositionsOf(g)
  const sentenceStart = doc.sentences[sIndex]!.start
  /** Whether sentence `from` (one before this) ends in this sentence's paragraph. */
  const sameParagraph = (from: number) => !doc.text.slice(doc.sentences[from]!.end, sentenceStart).includes('\n')
  const mentions = doc.mentions.filter((m) => m.sentence === sIndex)
  const mentionTokens = mentionTokenSet(mentions)
  const nameTokens = mentionTokenSet(mentions.filter((m) => m.kind === 'name' && !isSector(m.actor)))
  // Nouns that name an actor: descriptions, and roles ("die international anerkannte Regierung in Tripolis").
  const descriptionTokens = mentionTokenSet(mentions.filter((m) => m.rule.endsWith('.coref.description') || m.kind === 'role'))
  // People and office holders ("the Turkish president"), not institutions ("Russian troops").
  const personTokens = mentionTokenSet(mentions.filter(namesPerson))
  const mentionStarts = new Set(mentions.map((m) => m.tokenStart))
  // The body itself, not one of its office holders ("rief den Nato-Generalsekretär an" calls a person).
  const organisationTokens = mentionTokenSet(mentions.filter((m) => isOrganisation(m.actor) && !namesPerson(m)))
  const inTime = (at: number) => state.timeTokens.has(at)
  const { backgroundPreps, adjunctPreps, npModifiers, functionWords, clauseOpeners, determiners, quantityWords, quantityGlue } = sentenceWords(g)
  const prepositions = prepositionsOf(g)
  const modifierWords = modifierWordsOf(g)
  const reciprocals = reciprocalsOf(g)
  const clauses = splitClauses(tokens, from, to, g, mentionTokens)
  const sentenceTimes = state.times.get(sIndex) ?? []
  const passedOn = narrativeDate(sentenceTimes, clauses, tokens, doc.timeMode === 'narrative' ? undefined : doc.date?.value, g, !!paragraphDate(doc, sIndex, state.narrative, false))
  if (passedOn) state.narrative.set(sIndex, passedOn)
  // An occasion dated before that a clause sets its act in, read from the sentence's start: "During
  // the speech, Belarus accused …" opens with its setting.
  const setting = (c: Clause) => settingDate(tokens, from, c.to, settingFormsFor(pack), settingWordsFor(pack), state.settings)
  // An act's time: its date, none for a long-running act, else the present a report of current events tells of.
  const timeOf = (dated: Dated | null) => (dated === UNDATED ? null : dated ?? state.present)
  const coordinator = (t: Token) => g.coordinators.includes(t.norm)
  const nounPhraseWord = (t: Token) => t.kind === 'word' && !prepositions.has(t.norm) && (determiners.has(t.norm) || modifierWords.has(t.norm) || looksAdjectival(t, g))
  const countWord = (t: Token) => t.kind === 'number' || quantityWords.has(t.norm)
  const countGlue = (t: Token) => quantityGlue.has(t.norm)
  /** The noun at `at` stands in a phrase an adjunct preposition opens, with no possessive in it ("nach dem Mord", not "nach seinem Angriff"). */
  const inAdjunct = (at: number, clause: Clause) => {
    let k = at - 1
    while (k > clause.from && !mentionTokens.has(k) && (npModifiers.has(tokens[k]!.norm) || looksAdjectival(tokens[k]!, g))) k--
    return k >= clause.from && adjunctPreps.has(tokens[k]!.norm) && !tokens.slice(k, at).some((t) => possessives(pack).has(t.norm))
  }
  const contentWord = (k: number) => { const t = tokens[k]!; return t.kind === 'word' && t.text === t.text.toLowerCase() && !functionWords.has(t.norm) && !mentionTokens.has(k) }
  const events: RelationEvent[] = []
  let clauseSubject: Phrase | null = null
  const visits: RelationEvent[] = []
  let firstSubject: Phrase | null = null
  // The pronoun through which this sentence took its subject from the sentence before, if any.
  let carried: { start: number; end: number } | null = null
  const phrasesOf = new Map(clauses.map((c) => [c, clausePhrases(mentions, tokens, c, g, isState)]))
  const infinitiveController = (governing: Clause, governingSubject: Phrase | null): Phrase | null => {
    const governingPhrases = phrasesOf.get(governing)!
    const own = subjectOf(governingPhrases, tokens.length)
    // "…, wo beide zusagten, auf Gewalt zu verzichten": a subordinate clause with a subject of its own controls the infinitive after it.
    // "fordert die Rückgabe und droht, … auszuweisen": only the last conjunct's verb governs the infinitive.
    const governingWords = clauseTokens(tokens, governing)
    let cut = 0
    governingWords.forEach((t, k) => {
      // A conjunction before a verb joins acts ("und droht"), not actors ("die USA und Südkorea").
      const next = governingWords[k + 1]
      if (g.clauseCoordinators.includes(t.norm) && !!next && next.kind === 'word' && /^\p{Ll}/u.test(next.text) && !g.determiners.includes(next.norm)) cut = k + 1
    })
    const lastConjunct = governingWords.slice(cut)
    if (!lastConjunct.some((t) => g.objectControlVerbs.includes(t.norm))) return (governing.subordinate && !governing.relative ? own : null) ?? governingSubject
    return governingPhrases.find((p) => p.attach.kind === 'bare' && p !== own) ?? null
  }
  for (const [ci, clause] of clauses.entries()) {
    const clauseEvents: ClauseEvent[] = []
    // "bei einem Besuch in Peking", "zu Beginn seines Gesprächs mit Putin": an occasion noun in a phrase of setting.
    const inSettingPhrase = (k: number) => !!occasionOf(tokens[k]!, settingFormsFor(pack)) && g.settingPrepositions.includes(nounPreposition(tokens, tokens[k]!.start, clause, g, genitiveWordsOf(pack)) ?? '')
    // The coordinated main clause this clause belongs to ("… und räumte ein, … übergeben zu haben").
    const mainConjunct = [...clauses.slice(0, ci + 1)].reverse().find((c) => !c.subordinate && c.coordinated)?.from ?? -1
    let ownerSubject: Phrase | null = null
    const phrases = [...phrasesOf.get(clause)!]
    const words = clauseTokens(tokens, clause)
    const attributions = findPhrases(tokens, clause.from, clause.to, cues.reportedMarkers)
    // "Ankara and Baku back each other": a reciprocal (one word or several) makes the act mutual.
    // Not "ihre Beziehungen zu dem Emirat": a partner named after the phrase is the act's target.
    const reciprocal = findPhrases(tokens, clause.from, clause.to, reciprocals).some((p) => !g.reciprocalPartnerPrepositions.includes(tokens[p.at + p.len]?.norm ?? ''))
    const passiveAt = words.findIndex((t) => g.passiveAuxiliaries.includes(t.norm))
    const clausePassive = passiveAt >= 0
    const clausePassiveIndex = clausePassive ? tokens.indexOf(words[passiveAt]!) : -1
    // Not a particle or preposition "zu" ("sagte Litauen Kredite zu", "die Grenze zu Belarus").
    const infinitive = hasInfinitive(words, g)
    // "schloss nicht aus, dass Putin nach Peking reist": a clause the verb before opens.
    const openedByThat = clause.subordinate && !clause.relative && isWordCue(cues.complementizers, words[0]?.norm)
    // "Die Nato versprach, der Türkei beizustehen": an infinitive clause has no subject of its own;
    // the main clause's subject acts, or its object after a verb like "bat" or "warf … vor".
    // A clause its conjunction opens ("when …", "after …") has a subject of its own, named or not.
    const conjunctionOpened = clause.subordinate && !clause.relative && opensWithConjunction(tokens, clause, g, cues)
    // "nutzte den Besuch, um die Sanktionen zu kritisieren": after a verb of using the occasion, the
    // purpose was carried out, by the main clause's subject.
    const realizedPurpose = clause.subordinate && ci > 0 && g.purposeMarkers.includes(words.find((t) => t.kind === 'word')?.norm ?? '')
      && clauseTokens(tokens, clauses[ci - 1]!).some((t) => g.realizedPurposeVerbs.includes(t.norm))
    const controller = infinitive && clause.subordinate && !clause.relative && (!conjunctionOpened || realizedPurpose) && ci > 0 ? infinitiveController(clauses[ci - 1]!, clauseSubject) : null
    // "warf Nordkorea vor, Russland Munition geliefert zu haben": the charge is reported, not asserted.
    const accusing = controller ? clauseTokens(tokens, clauses[ci - 1]!).find((t) => g.accusingVerbs.includes(t.norm)) : undefined
    const objectControlled = (i: number): Phrase | null => {
      const verb = words.filter((t) => t.start < tokens[i]!.start && g.objectControlVerbs.includes(t.norm)).at(-1)
      if (!verb) return null
      const at = tokens.indexOf(verb)
      const object = phrases.find((p) => p.attach.kind === 'bare' && p.from > at && p.to <= i && g.infinitiveMarkers.includes(tokens[p.to]?.norm ?? ''))
      return object && !tokens.slice(object.to, i).some((t) => t.kind === 'punct') ? object : null
    }
    // The first word, past the conjunction that opens the clause ("indem es …", "weil sie …").
    const opening = words.filter((t) => t.kind === 'word')
    // "Xi, den Putin einen Freund nennt", "Xi, mit dem er sich verbündet hatte": a relative pronoun
    // that is no subject puts the actor it refers to into its role: the object, or the preposition's.
    const relativeRole = clause.relative ? relativeRoleOf(tokens, clause, g) : null
    const referred = relativeRole ? antecedentOf(clauseBefore(clauses, ci), phrasesOf, clause.from, tokens, g, true) : null
    if (relativeRole && referred) phrases.push({ mentions: referred.mentions, from: relativeRole.at, to: relativeRole.at + 1, attach: relativeRole.prep ? { kind: 'prep', prep: relativeRole.prep } : { kind: 'bare' }, notSubject: true })
    const afterRelative = relativeRole ? tokens[relativeRole.at + 1] : undefined
    // "Am Montag kritisierte er die USA", "Zudem drohte er, …": in a main clause whose first words
    // name no actor, a subject pronoun right after the finite verb is the subject ("gab es" is none).
    const inverted = g.capitalisesNouns && !clause.subordinate && !clause.relative ? invertedPronoun(opening, mentionTokens, tokens, g, functionWords) : undefined
    const firstWord = afterRelative && g.subjectPronouns.includes(afterRelative.norm) ? afterRelative
      : opening[0] && clauseOpeners.has(opening[0].norm) && opening[1] && g.subjectPronouns.includes(opening[1].norm) ? opening[1] : inverted ?? opening[0]
    // "sagte, man habe Indien gewarnt": an impersonal pronoun in what a speaker says is the speaker's side.
    const speaking = ci > 0 && clauseTokens(tokens, clauses[ci - 1]!).some((t) => speechVerbsOf(g).has(t.norm))
    const pronounSubject = !!firstWord && (g.subjectPronouns.includes(firstWord.norm) || (speaking && g.speakerPronouns.includes(firstWord.norm)))
    // Elsewhere it is anyone: "Man wirft Russland vor, …" names no one who acts, and the actor after the verb is no subject.
    if (!!firstWord && !speaking && g.speakerPronouns.includes(firstWord.norm)) continue
    // 4: a purpose clause ("um … zu unterstützen") states an aim, not an act.
    if (clause.subordinate && opening[0] && g.purposeMarkers.includes(opening[0].norm) && !realizedPurpose) continue
    const relativeSubject = clause.relative && !relativeRole && !!firstWord && g.relativeSubjects.includes(firstWord.norm)
    // "Peking legte ein Positionspapier vor, das Moskau und Kiew zu Gesprächen aufruft": a document
    // acts for whoever issued it, the subject of the clause that names it.
    // Only where that clause issues it ("legte vor", "published"); one who rejects a draft did not write it.
    const aboutDocument = relativeSubject && ci > 0 && tokens[clause.from - 1]?.text === ',' && isDocumentNoun(tokens[relativeHead(tokens, clause.from - 1, g)], g)
    const issued = aboutDocument && issues(clauseTokens(tokens, clauses[ci - 1]!), g)
    // "Die UN-Vollversammlung … stimmten für eine Resolution, die Moskau auffordert": a text no clause
    // issues is the organisation's named last, in this sentence or the one before.
    const assembly = aboutDocument && !issued ? issuingOrganisation(doc.mentions, sIndex, tokens[clause.from]!.start, isOrganisation) : null
    // The document's issuer comes first: "hatte der Rat gegen die Stimmen Russlands eine Resolution verabschiedet, die …" is the council's.
    // With no actor as its subject, the issuing clause's genitive names the issuer ("der Gouverneursrat der IAEA").
    const issuer = issued ? clauseSubject ?? phrasesOf.get(clauses[ci - 1]!)!.find((p) => p.attach.kind === 'gen' && p.mentions.every((m) => isOrganisation(m.actor) || isState(m.actor))) ?? null : null
    const antecedent = relativeSubject ? issuer ?? antecedentOf(clauseBefore(clauses, ci), phrasesOf, clause.from, tokens, g) ?? assembly : null
    // An apposition describes; it reports no act of its own.
    if (clause.apposition) continue
    // The infinitive clause after this one's comma, where a rule's required word may stand (`evidence_in_complement`).
    const next = clauses[ci + 1]
    const infinitiveComplement = next && next.subordinate && !next.relative && tokens[next.from - 1]?.text === ',' && clauseTokens(tokens, next).some((t) => isInfinitiveWord(t, g)) ? next : undefined
    for (let i = clause.from; i < clause.to; i++) {
      if (mentionTokens.has(i) || !inClause(clause, i)) continue
      const refs = homographReading(triggersOf(lex, tokens[i]!), tokens, i, from, g, mentionTokens)
      if (!refs.length) continue
      // Where this verb's act ends: its evidence, its roles and its particle stay before it.
      const actEnd = nextActAt(tokens, i, clause.from, clause.to, lex, g, clause.skips)
      // "stellte das Verfahren … ein" is einstellen: with its particle closing the clause, the
      // verb is a particle verb, and the readings of the plain verb (stellen gegen) do not apply.
      const particleVerb = refs.some((r) => r.kind === 'split' && particleCloses(r, tokens, i, clause, g, actEnd))
      // "drängte die georgischen Truppen zurück": a particle no reading expects closes the verb's conjunct.
      const strayParticle = !particleVerb && refs.some((r) => r.kind === 'verb') && closingParticle(tokens, i, clause, g)
      for (const ref of refs) {
        if (!caseFits(ref, tokens[i]!, i === from)) continue
        if ((particleVerb || strayParticle) && ref.kind === 'verb') continue
        // "Die von Russland und Jordanien vereinbarte Waffenruhe": an attribute whose agents the noun phrase names is their act.
        // Only a mutual act among those agents: "die von Moskau unterstützte Regierung" describes the government.
        const agentAttribute = ref.kind === 'verb' && !!ref.rule.mutual && g.capitalisesNouns && attributeAgent(tokens, i, clause, g)
        if (ref.kind === 'verb' && !agentAttribute && isAttributive(tokens, i, clause, mentionTokens, g, descriptionTokens)) continue
        // "was pulling out", "accused of supplying": a verb form with a progressive ending.
        const progressive = ref.kind !== 'noun' && g.progressiveEndings.some((e) => tokens[i]!.norm.endsWith(e))
        // "at the end of his tour", "asked for help": where nouns are written in lower case, a verb
        // form after an article, or after a preposition unless it is a gerund, is the noun.
        const before = i > from ? tokens[i - 1]!.norm : ''
        const nounAfter = g.determiners.includes(before) && !g.relativePronouns.includes(before) || g.nounPrepositions.includes(before) && !progressive
        if (ref.kind === 'verb' && !g.capitalisesNouns && nounAfter) continue
        const evidence = triggerEvidence(ref, i, tokens, clause, lex, g, { names: nameTokens, people: personTokens, organisations: organisationTokens, starts: mentionStarts }, actEnd, infinitiveComplement)
        if (evidence === null) continue
        // "wegen der amerikanischen Sanktionen gegen Russland": a regime in force that a background phrase
        // names with both its parties is a fact all the same (checked once the roles are filled).
        const standingInBackground = ref.kind === 'noun' && isBackground(tokens, i, clause, backgroundPreps, npModifiers, mentionTokens)
        if (standingInBackground && !ref.rule.standing) continue
        // "den Ausstieg seines Landes aus der Vereinbarung mit Teheran": what is left is no act of its own.
        if (ref.kind === 'noun' && COOPERATIVE_TYPES.has(ref.rule.type) && leftBehind(tokens, i, clause, lex, g)) continue
        const how: string[] = []
        let speakerCue: string | null = null
        // A progressive's auxiliary makes no passive of the trigger; nor does one followed by an
        // infinitive marker ("is ready to send").
        // Where the participle follows its auxiliary (English), the auxiliary stands right before the
        // trigger ("was shot down", "had been deployed"): one elsewhere in the clause makes another verb passive.
        const auxAt = g.verbFinalSubordinates ? clausePassiveIndex : [i - 1, i - 2, i - 3].find((k) => k >= clause.from && g.passiveAuxiliaries.includes(tokens[k]!.norm)) ?? -1
        // An infinitive's marker stands right before it ("zu unerwünschten Personen erklärt" is a passive).
        const infinitiveAfterAux = auxAt >= 0 && auxAt < i - 1 && g.infinitiveMarkers.includes(tokens[i - 1]!.norm)
        // "war nach Kasan gereist und dort von Putin empfangen worden": the auxiliary at the end is the
        // passive of the last conjunct only; a participle before the "und" is no part of it.
        const otherConjunct = auxAt > i && tokens.slice(i + 1, auxAt).some((t) => coordinates(t, g))
        // "Russland werde die Anlage beliefern": a future auxiliary with the verb's infinitive is no passive;
        // it announces the act (planned, below). In German the auxiliary stands before the final infinitive.
        let future = -1
        if (ref.kind !== 'noun' && ref.infinitive) for (let k = i - 1; k >= clause.from && future < 0; k--) if (g.futureAuxiliaries.includes(tokens[k]!.norm)) future = k
        const passive = auxAt >= 0 && !progressive && !infinitiveAfterAux && !otherConjunct && !(future >= 0 && auxAt === future)
        // "Die von Russland, den USA und Jordanien vereinbarte Waffenruhe": a participle before its noun,
        // in a noun phrase opened by an article and an agent preposition, has that agent as its doer.
        const passiveIndex = agentAttribute ? i + 1 : passive ? auxAt : -1
        if (agentAttribute) how.push('roles:attributive-participle')
        // Where the auxiliary may stand anywhere in the clause (German), it is surely this participle's
        // only right after it or, before it, when the participle ends the clause.
        const lastOfClause = i + 1 >= clause.to || tokens[i + 1]!.kind === 'punct' && !isQuote(tokens[i + 1]) && !isGluedHyphen(tokens, i + 1)
        const surelyPassive = passive && !agentAttribute && !ref.infinitive && (!g.verbFinalSubordinates || auxAt === i + 1 || auxAt < i && lastOfClause)
        let subject: Phrase | null = null
        const controlledObject = objectControlled(i)
        // "Es schickte Truppen": the pronoun names the subject of the sentence before; the event's
        // span for that party is the pronoun, so that its evidence stays inside its own sentence.
        let pronoun: { start: number; end: number } | null = null
        if (clause.sharesFirst && firstSubject) {
          subject = firstSubject
          how.push('subject:shared-auxiliary')
        } else if (clause.sharedSubject && clauseSubject) {
          subject = clauseSubject
          how.push('subject:shared-in-list')
        } else if (pronounSubject && (firstWord!.start < tokens[i]!.start || firstWord === inverted)) {
          // "Xi, den er einen Freund nennt, …": the pronoun is not the actor its relative clause speaks of.
          const main = referred && clauseSubject?.mentions.some((m) => referred.mentions.includes(m)) ? null : clauseSubject
          subject = main ?? state.lastSubject
          if (subject) how.push(main ? 'subject:pronoun-main-clause' : 'subject:pronoun-previous-sentence')
          if (subject && !main) carried = pronoun = { start: firstWord!.start, end: firstWord!.end }
        } else if (antecedent && firstWord!.start < tokens[i]!.start) {
          subject = antecedent
          how.push(antecedent === assembly ? 'subject:issuing-organisation' : 'subject:relative-antecedent')
          // An organisation named in the sentence before is marked at the relative pronoun.
          if (antecedent === assembly && antecedent.mentions[0]!.start < sentenceStart) carried = pronoun = { start: firstWord!.start, end: firstWord!.end }
        } else if (controller && (g.subjectAfterVerb || isInfinitiveVerb(tokens, i, clause, g))) {
          // The actor before the infinitive's verb is its object, not its subject. Where subjects
          // stand before verbs (English), only the verb right after "to" is the infinitive: "Putin
          // flew to Pyongyang" has a subject of its own.
          subject = controller
          how.push('subject:infinitive-controller')
          if (accusing) speakerCue = accusing.text
        } else if (clause.coordinated && clauseSubject && ref.kind !== 'noun' && opening[1] === tokens[i] && g.clauseCoordinators.includes(opening[0]!.norm)) {
          // "…, dass Moskau verantwortlich sei, und wies 23 russische Diplomaten aus": a verb right after
          // "und" shares the subject of the main clause; the actor after it is its object.
          subject = clauseSubject
          how.push('subject:shared-after-coordinator')
        } else if (controlledObject) {
          // "Belarus allowed Russia to attack Ukraine": in one clause, the object of a control verb
          // is the subject of the infinitive after it, and of an event noun that infinitive takes.
          subject = controlledObject
          how.push('subject:object-control')
        } else {
          subject = subjectOf(phrases, i, g.subjectAfterVerb)
          // "Seoul said North Korean troops were fighting …": a speech verb between the first actor
          // and the trigger, with no "that" or comma, makes the actor after it the subject.
          // "sagten Georgien Hilfe zu, Cheney sicherte …": a speech verb whose promise particle closes its stretch promised; it said nothing.
          const promise = (t: Token) => words.some((w, k) => w.start > t.start && w.end <= tokens[i]!.start && g.promiseParticles.includes(w.norm) && words[k + 1]?.text === ',')
          const said = subject && subject.to <= i ? words.filter((t) => g.speechVerbs.includes(t.norm) && t.start >= tokens[subject!.to - 1]!.end && t.end <= tokens[i]!.start && !promise(t)).at(-1) : undefined
          // A generic party after the verb ("said its fighters would …") is no new subject.
          const spoken = said && !ref.rule.speakerSource ? phrases.filter((p) => p.attach.kind === 'bare' && tokens[p.from]!.start > said.start && p.to <= i && p.mentions.some((m) => !isSector(m.actor))).at(0) : undefined
          if (said && spoken) {
            // An actor announcing its own act ("Putin said Russia would deliver grain") plans it; another reports it.
            const ownVoice = spoken.mentions.every((m) => subject!.mentions.some((s) => s.actor === m.actor))
            if (!ownVoice) speakerCue = said.text
            subject = spoken
            how.push('subject:after-speech-verb')
          }
          // "Eine Arbeitsgruppe der Vereinten Nationen warf den russischen Ausbildern … vor": with no
          // actor before the verb, the genitive of the clause's first noun phrase names who acts.
          // "Eine Beteiligung russischer Ermittler verweigerten Dänemark und Schweden": a plural verb
          // agrees with the coordinated actors after it, which are then its subject.
          const agrees = subject && subject.from > i && subject.mentions.length > 1 && g.pluralVerbEndings.some((e) => tokens[i]!.norm.endsWith(e))
          if (agrees && firstPhraseGenitive(phrases, tokens, clause, i, g, mentionTokens)) how.push('subject:plural-verb-agrees')
          // "Die Forderung der EU … wies der Kremlchef zurück": a person after the verb whose article is
          // nominative (`nominativeDeterminers`) is the subject; the fronted phrase's genitive is not.
          const namedAfter = !!subject && subject.from > i && subject.mentions.every((m) => (namesPerson(m) && !m.rule.includes('institution')) || m.rule.endsWith('.seat')) && g.nominativeDeterminers.includes(tokens[subject.from - 1]?.norm ?? '')
          if (namedAfter) how.push('subject:nominative-after-verb')
          if ((!subject || subject.from > i) && !passive && ref.kind !== 'noun' && !agrees && !namedAfter) {
            // "Den Kauf russischer Kampfjets schloss Vučić aus": a phrase an object's article opens names no subject.
            const lead = opensWithObject(tokens, clause, g) ? null : firstPhraseGenitive(phrases, tokens, clause, i, g, mentionTokens)
            const owner = lead ? null : prenominalGenitive(phrases, tokens, clause, i, g, mentionTokens)
            const inverted = lead || owner ? null : genitiveAfterAuxiliary(phrases, tokens, i, g, mentionTokens)
            if (lead) { subject = lead; how.push('subject:genitive-of-first-phrase') }
            else if (owner) { subject = owner; how.push('subject:prenominal-genitive') }
            else if (inverted) { subject = inverted; how.push('subject:genitive-after-auxiliary') }
            if (subject) ownerSubject ??= subject
          }
          if ((!subject || subject.from > i) && !passive && ref.kind !== 'noun') {
            // "Die Sprecherin des Außenministeriums, Maria Sacharowa, warf Tallinn … vor": an apposition
            // before the verb that names a person names the subject it stands beside.
            const aside = clauses.find((c) => c.apposition && c.from > clause.from && c.to <= i)
            // So does one that makes it a subsidiary of a state's company: "RAO Nordic, eine Tochter des russischen Konzerns Inter RAO, …".
            const owned = !!aside && ownedBy(tokens, aside, g)
            const named = aside ? phrasesOf.get(aside)!.find((p) => (p.attach.kind === 'bare' && p.mentions.every(namesPerson)) || (owned && p.mentions.length > 0)) : undefined
            if (named) { subject = named; how.push('subject:apposition') }
          }
          // "Der Rat verabschiedete eine Resolution. Die Resolution verlangt von den Huthis, …": a text
          // that is the clause's subject acts for the organisation named last, in this sentence or the one before.
          if (!subject && !passive && ref.kind !== 'noun' && !clause.subordinate && !clause.relative && g.determiners.includes(opening[0]?.norm ?? '') && isDocumentNoun(opening[1], g) && tokens[i]!.start > opening[1]!.start) {
            const issuer = issuingOrganisation(doc.mentions, sIndex, tokens[clause.from]!.start, isOrganisation)
            if (issuer) {
              subject = issuer
              how.push('subject:issuing-organisation')
              if (issuer.mentions[0]!.start < sentenceStart) carried = pronoun = { start: opening[1]!.start, end: opening[1]!.end }
            }
          }
        }
        if (!subject && ci === 0 && opensWithParticiple(opening, g)) {
          // "Having signed the treaty, Moscow and Pyongyang began …", "After meeting Xi, Putin flew
          // …": a sentence-opening participle clause has the subject of the main clause after it.
          const main = clauses.slice(1).find((c) => !c.subordinate && !c.relative && !c.apposition)
          const after = main ? subjectOf(phrasesOf.get(main)!, main.to, g.subjectAfterVerb) : null
          if (after) { subject = after; how.push('subject:main-clause-after') }
        }
        if (!subject && !passive) {
          // "Eine Delegation unter Leitung von Vizeverteidigungsminister Jewkurow reiste nach Bengasi": the one
          // who leads the group that is the subject acts for it.
          const led = phrases.find((p) => p.to <= i && p.attach.kind === 'prep' && leadingPhrasesOf(g).some((words) => words.every((w, n) => tokens[p.from - words.length + n]?.norm === w)))
          if (led) { subject = led; how.push('subject:leader') }
        }
        if (!subject && ci === 0) {
          // "Mit Kasachstan sagt sich eine erste Ex-Sowjetrepublik von Russland los": with no actor as
          // subject, a sentence-opening "mit X" names who the descriptive subject is.
          const topic = phrases[0]
          const opener = opening[0]
          if (topic?.attach.kind === 'prep' && opener && g.topicPrepositions.includes(opener.norm) && topic.attach.prep === opener.norm && topic.from <= tokens.indexOf(opener) + 3) {
            subject = topic
            how.push('subject:topic-mit')
          }
        }
        // "accuse Tehran of supplying Russia with drones": the gerund's subject is the accused.
        if (ref.kind === 'verb' && g.gerundPrepositions.includes(tokens[i - 1]?.norm ?? '')) {
          const control = words.findIndex((t) => t.start < tokens[i]!.start && g.gerundControlVerbs.includes(t.norm))
          // The one accused is the object, or after a noun the actor its preposition names ("sanctions on Chinese firms for …").
          const accused = control >= 0 ? phrases.find((p) => p.attach.kind !== 'gen' && tokens[p.from]!.start > words[control]!.start && p.to <= i) : undefined
          if (accused) {
            subject = accused
            how.push('subject:gerund-control')
            if (g.accusingVerbs.includes(words[control]!.norm)) speakerCue = words[control]!.text
          }
        }
        // Only a trigger at or after the infinitive belongs to it ("and called on China to stop …": "called" has the clause's own subject).
        const inInfinitive = words.some((t) => isInfinitiveWord(t, g) && t.start <= tokens[i]!.start)
        if (!subject && inInfinitive && ci > 0 && clauseTokens(tokens, clauses[ci - 1]!).some((t) => g.objectControlVerbs.includes(t.norm))) {
          // "bat den Kreml, … einzumarschieren": the infinitive's subject is the main clause's object.
          subject = infinitiveController(clauses[ci - 1]!, clauseSubject)
          if (!subject) continue
          how.push('subject:object-control')
        }
        if (!subject && clause.reported && clauseSubject) {
          // "Peskow sagte, die Verantwortung liege bei der Ukraine": no actor acts, so the speaker does.
          subject = clauseSubject
          how.push('subject:speaker')
        }
        // "…, when Western countries began to shun Moscow's oil": no borrowing the main clause's subject.
        if (!subject && (clause.coordinated && !ownNounSubject(tokens, clause, i, g) || infinitive && !conjunctionOpened) && clauseSubject) {
          subject = clauseSubject
          how.push('subject:from-main-clause')
        }
        // "… blocked a road, a newspaper reported": a phrase after a comma that a speech verb follows is the speaker.
        // "nach südkoreanischen Angaben": a phrase inside the words that attribute the act vouches for it; it takes no part.
        const speaker = (p: Phrase) => p.from > i && speaksAfterComma(tokens, i, p.from, p.to, g) || attributions.some((h) => p.from >= h.at && p.from < h.at + h.len)
        // A verb's roles stay in its conjunct: "nannte … angemessen und warf Polen … vor" names no object of "nannte".
        const conjunct = ref.kind === 'noun' ? clause.to : actEnd
        // "hatte Polen bereist und in Brüssel Vertreter der EU getroffen": nor does a verb take roles
        // from the conjunct before its own (the subject is shared).
        const conjunctFrom = ref.kind === 'noun' ? clause.from : conjunctStart(tokens, i, clause, g, lex, phrases, ref.rule.roles.target, actEnd)
        const rolePhrases = phrases.filter((p) => !speaker(p) && p.from < conjunct && (p.from >= conjunctFrom || p === subject))
        // "Nach dem Mord an einem Georgier wies Berlin … aus": a hostile act told in passing after an adjunct
        // preposition is not the subject's, unless a possessive makes it so ("nach seinem Angriff").
        const adjunctNoun = ref.kind === 'noun' && lex.polarities.get(ref.rule.rule) === 'conflict' && inAdjunct(i, clause)
        // "beriet Merkel gemeinsam mit Macron mit Putin": a phrase of acting together is no target
        // while another phrase of its preposition follows (it joins the source below).
        const together = rolePhrases.filter((p) => comitative(tokens, p, g) && rolePhrases.some((q) => q.from > p.from && q.attach.kind === 'prep' && p.attach.kind === 'prep' && q.attach.prep === p.attach.prep))
        const candidates = together.length ? rolePhrases.filter((p) => !together.includes(p)) : rolePhrases
        const roleCtx = { adjunctNoun, tokens, phrases: subject && !candidates.includes(subject) ? [...candidates, subject] : candidates, trigger: i, ref, subject, passiveAt: passiveIndex, surePassive: surelyPassive && !!subject && passiveSubjectHere(subject, clause, auxAt, g), agentPreps: g.agentPrepositions, hostingPreps, nounPhraseWord, countWord, countGlue, contentWord, objectsBeforeVerb: g.verbFinalSubordinates, namesModifyNouns: !g.capitalisesNouns, isSector, coordinator, isGoods: (norm: string) => lex.requires.get(ref.rule)!.has(norm) || objectModeOf(lex.objects.get(ref.rule)!, norm) !== undefined }
        const specs = ref.kind === 'noun' ? ref.rule.noun_roles : ref.rule.roles
        const assigned: { source: Phrase | null; target: Phrase | null; how: string[] } = ref.rule.speakerSource ? speakerRoles(clause, words, i, phrases, clauseSubject, tokens, g, cues) : assignRoles(roleCtx, specs)
        // "Peking reagierte mit Einreiseverboten gegen …": the means a verb of response names is its subject's act.
        const responds: boolean = !assigned.source && !!subject && subject.to <= i && ref.kind === 'noun' && respondsWith(tokens, i, clause, words, g)
        const roles: typeof assigned = responds ? { ...assigned, source: subject, how: [...assigned.how, 'source:subject-responds-with'] } : assigned
        how.push(...roles.how)
        let { source, target } = roles
        // "ein Telefonat, das Putin am Sonntag mit Trump führte": a noun that the relative clause after it
        // carries with a verb of its own takes its roles in that clause.
        let datedIn = { clause, at: i }
        if ((!source || !target) && ref.kind === 'noun' && !ref.rule.speakerSource) {
          const carrier = carrierClause(tokens, i, clauses, g)
          const carried = carrier ? phrasesOf.get(carrier.clause)! : []
          const relSubject = carrier ? subjectOf(carried, carrier.clause.to) : null
          if (carrier && relSubject) {
            const rel = assignRoles({ ...roleCtx, phrases: carried, subject: relSubject, adjunctNoun: false }, specs)
            if (rel.source && (rel.target || !source)) {
              source = rel.source
              target = rel.target
              how.splice(how.length - roles.how.length, roles.how.length, 'roles:carrier-relative', ...rel.how)
              // Its time is the carrying clause's ("…, das Putin am Sonntag mit Trump führte").
              datedIn = { clause: carrier.clause, at: carrier.verb }
            }
          }
        }
        // "A roadside bomb killed three US soldiers", "was shot dead near Kabul": an attack whose author
        // the sentence does not name is one by a party the knowledge base does not list.
        if (!source && target && UNKNOWN_AGENT.has(ref.rule.type) && !target.mentions.every((m) => isSector(m.actor))) {
          source = { mentions: [{ start: tokens[i]!.start, end: tokens[i]!.end, tokenStart: i, tokenEnd: i + 1, sentence: sIndex, actor: UNLISTED, kind: 'name', genitive: false, rule: 'events.unknown-agent' }], from: i, to: i + 1, attach: { kind: 'bare' } }
          how.push('source:unknown-agent')
        }
        if (!source) continue
        // "verwies auf die westliche Militärhilfe für die Ukraine": an event noun whose adjective names
        // another party (the West, foreign states) is not the clause subject's act.
        const owner = ref.kind === 'noun' && how.includes('source:subject') ? tokens.slice(Math.max(clause.from, i - 2), i).find((t) => g.otherPartyAdjectives.includes(t.norm)) : undefined
        if (owner) continue
        // "Berlin verurteilte den Angriff auf Kiew": the noun names another's act, not the subject's.
        // (A stance verb of another conjunct does not count: "kritisierte Moskau und kündigte die Lieferung … an".)
        // "responded with sanctions", "antwortete mit der Ausweisung …": a deed that is the means of a
        // response is the subject's own act. Words ("reagierte mit Kritik auf …") aim at what is answered.
        const deed = !SPOKEN_TYPES.has(ref.rule.type) && respondsWith(tokens, i, clause, words, g)
        // "kritisierte bei einem Besuch in Peking die Lieferungen": an occasion in a phrase of setting is
        // where the stance was taken, not what it is taken on.
        const stance = ref.kind === 'noun' && how.includes('source:subject') && !deed && !inSettingPhrase(i) && words.some((t) => {
          if (t === tokens[i] || !g.stanceVerbs.includes(t.norm)) return false
          const k = tokens.indexOf(t)
          return !tokens.slice(Math.min(k, i) + 1, Math.max(k, i)).some((w) => g.clauseCoordinators.includes(w.norm))
        })
        if (stance) continue
        const parties = source.mentions.map((m) => partyOf(m, i, tokens, g, isSector, mentions))
        if (parties.every((p) => ref.rule.not_by.includes(p))) continue
        // "demonstrators blocked the road" is a protest; a state blocking one is not (coerce).
        // "Wagner-Kämpfer stehen der Armee zur Seite": `kind:pmc` admits any actor of that kind.
        const admits = (list: string[], p: string) => list.includes(p) || list.includes(`kind:${kindOf(p) ?? ''}`)
        if (ref.rule.only_by.length && !parties.every((p) => admits(ref.rule.only_by, p))) continue
        // "Moscow sent 2,000 troops": a generic party that is what the act gives is no partner.
        const objects = lex.objects.get(ref.rule)!
        if (target && target.mentions.every((m) => isSector(m.actor)) && tokens.slice(target.from, target.to).some((t) => objectModeOf(objects, t.norm) !== undefined)) {
          target = null
          how.push('target:object-not-partner')
        }
        let factor = 1
        const own = new Set(source.mentions.map((m) => m.actor))
        const other = (p: Phrase) => p !== source && !p.mentions.every((m) => own.has(m.actor))
        if (!target && !ref.rule.partner_named && !((ref.rule.mutual || ref.rule.reciprocal || reciprocal) && source.mentions.length > 1 && !source.examples)) {
          // "nahm die Einladung des Kremls an": the genitive of the verb's object names the partner.
          // Not the voters a ballot noun names ("mit den Stimmen Moskaus und Pekings").
          const genitives = phrases.filter((p) => other(p) && p.attach.kind === 'gen' && !voteWordsFor(g).ballots.has(tokens[p.from - 1]?.norm ?? ''))
          // In a passive, only the genitive of the clause's first noun phrase: "Die Stellungen der Ukraine wurden …".
          const nouns = (from: number, to: number) => {
            let n = 0
            for (let k = from; k < to; k++) if (isBareNoun(tokens[k]!, k, g, mentionTokens)) n++
            return n
          }
          const ofSubject = genitives.find((p) => nouns(clause.from + 1, p.from) <= 1 && !tokens.slice(clause.from, p.from).some((t) => isPreposition(t, g)))
          // A verb-final clause, or a main clause whose bracket the trigger closes ("will … Soldaten
          // zur Verstärkung der Moskauer Truppen entsenden"), has the object's genitive before the verb.
          // So does a verb that ends its conjunct ("hatte die Luftangriffe der Amerikaner verurteilt und
          // eine Sitzung des Sicherheitsrats beantragt"): the genitive after the "und" is the next verb's.
          const nextWord = words.find((t) => t.kind === 'word' && t.start > tokens[i]!.start)
          const endsConjunct = !!nextWord && ref.kind !== 'noun' && coordinates(nextWord, g)
          // Auxiliaries after the verb close the bracket with it ("sollen … abgeschossen haben").
          const rest = words.filter((t) => t.kind === 'word' && t.start > tokens[i]!.start)
          const closesBracket = !nextWord || endsConjunct || (ref.kind !== 'noun' && rest.every((t) => isAuxiliary(t.norm, g)))
          // An event noun takes one only as a noun phrase's owner ("den Bedarf des Landes mit Lieferungen decken"), not a
          // demonym of another phrase ("wegen der Verschleppung ukrainischer Kinder zur Festnahme ausgeschrieben").
          const verbFinal = g.verbFinalSubordinates && (clause.subordinate || closesBracket) ? genitives.filter((p) => p.to <= i && (ref.kind !== 'noun' || p.mentions.some((m) => m.kind !== 'adjective'))).at(-1) : undefined
          // An event noun's genitive stands right after it, in its own noun phrase ("die Luftangriffe der Amerikaner").
          const reachable = (p: Phrase) => p.from > i && (ref.kind !== 'noun' || p.from - i <= NOUN_GENITIVE_REACH && !tokens.slice(i + 1, p.from).some((t) => t.kind === 'punct' || g.coordinators.includes(t.norm)))
          // So does an object put first, before a verb that agrees with the subject after it.
          const frontedObject = passive || how.includes('subject:plural-verb-agrees') || how.includes('subject:nominative-after-verb')
          target = (endsConjunct ? verbFinal : undefined) ?? genitives.find(reachable) ?? (frontedObject ? ofSubject ?? null : verbFinal ?? null)
          if (target) { how.push('target:object-genitive'); factor = GENITIVE_FALLBACK }
        }
        // "griffen ein Forschungszentrum bei Damaskus an": a rule's `place:` roles name where what is
        // acted on lies; the state of that place is the partner when nothing else names one.
        if (!target) {
          const at = specs.target.filter((s) => s.startsWith('place:')).map((s) => fold(s.slice(6)))
          // Not the place of a genitive's noun ("Lager seiner Truppe in der Ukraine"): that noun's owner is acted on.
          // Nor a place a participle describes ("im von Russland besetzten Gebiet"): only articles stand between preposition and place.
          const prepAt = (p: Phrase) => {
            let k = p.from - 1
            while (k > p.from - 6 && k >= 0 && fold(g.contractions[tokens[k]!.norm] ?? tokens[k]!.norm) !== (p.attach.kind === 'prep' ? p.attach.prep : '')) k--
            return k
          }
          const ofGenitive = (k: number) => tokens[k - 1]?.kind === 'word' && genitiveWordsOf(pack).has(tokens[k - 2]?.norm ?? '')
          const direct = (p: Phrase, k: number) => tokens.slice(k + 1, p.from).every((t) => g.determiners.includes(t.norm))
          const place = at.length ? phrases.find((p) => other(p) && p.attach.kind === 'prep' && at.includes(p.attach.prep) && p.mentions.every((m) => PLACE_KINDS.has(m.kind)) && !ofGenitive(prepAt(p)) && direct(p, prepAt(p))) : undefined
          if (place) { target = place; how.push('target:place'); factor = GENITIVE_FALLBACK }
        }
        // "lehnte eine Kürzung ab, die Saudi-Arabien vorgeschlagen hatte": refusing or taking up what the
        // relative clause right after says someone put forward is aimed at that someone.
        if (!target && ref.kind !== 'noun' && PROPOSAL_TYPES.has(ref.rule.type)) {
          const next = clauses[ci + 1]
          const relative = !!next && next.subordinate && next.from - 1 === clause.to && tokens[clause.to]?.text === ',' && g.relativePronouns.includes(tokens[next.from]?.norm ?? '')
          if (relative && clauseTokens(tokens, next).some((t) => g.proposalVerbs.includes(t.norm))) {
            const inside = phrasesOf.get(next)!
            const proposer = subjectOf(inside, next.to) ?? inside.find((p) => p.attach.kind === 'prep' && g.agentPrepositions.includes(p.attach.prep)) ?? null
            if (proposer && other(proposer)) { target = proposer; how.push('target:proposer') }
          }
        }
        // "beantragten in Brüssel die Aufnahme in die Nato": the body a membership noun names is what
        // is applied to, not the place of the application.
        if (target && ref.kind !== 'noun' && target.mentions.every((m) => m.kind === 'metonym')) {
          const joined = phrases.find((p) => p !== target && p !== source && p.from > target!.to && p.attach.kind === 'prep' && membershipComplement(tokens, p, lex.objects.get(ref.rule)!, g))
          if (joined) { target = joined; how.push('target:membership-complement') }
        }
        // "hatte sich aus Gesprächen mit Den Haag zurückgezogen": the partner of what is left is the
        // partner of leaving it ("entsandte Soldaten zu Übungen mit der belarussischen Armee" is no such act).
        if (!target && ref.kind !== 'noun' && LEAVING_TYPES.has(ref.rule.type)) {
          const complement = phrases.find((p) => p !== source && p.attach.kind === 'prep' && roleNounComplement(tokens, p, clause, g, specs.target, mentionTokens))
          if (complement) { target = complement; how.push('target:noun-complement') }
        }
        // "verkündete gemeinsam mit Mali und Niger den Austritt": those who act together with the
        // subject act too, unless the act is one between them.
        if ((!ref.rule.mutual || together.length > 0) && target) {
          const partners = phrases.find((p) => p !== target && p !== source && p.attach.kind === 'prep' && comitative(tokens, p, g))
          if (partners && !partners.mentions.some((m) => target!.mentions.some((t) => t.actor === m.actor))) {
            source = { ...source, mentions: [...source.mentions, ...partners.mentions.filter((m) => !own.has(m.actor))] }
            how.push('source:comitative')
          }
        }
        // "wurde von Putin empfangen": where a rule makes the active object its source (the guest
        // received) and the active subject its target (the host), a passive's roles swap back.
        if (passive && ref.kind === 'verb' && target && !specs.source.includes('subject') && specs.source.includes('object') && specs.target.includes('subject')) {
          ;[source, target] = [target, source]
          how.push('roles:passive-swap')
        }
        // The clause after, past a parenthesis or an apposition.
        const complement = clauses.slice(ci + 1).find((c) => !c.apposition)
        const complementOpener = complement ? clauseTokens(tokens, complement).find((t) => t.kind === 'word') : undefined
        const purpose = !!complementOpener && g.purposeMarkers.includes(complementOpener.norm)
        // "protested after the EU agreed to …": a clause a conjunction opens is no complement.
        const adverbial = !!complement && opensWithConjunction(tokens, complement, g, cues)
        if (!target && ref.kind !== 'noun' && !ref.rule.notComplementObject && complement?.subordinate && !complement.relative && !purpose && !adverbial && clauseTokens(tokens, complement).some((t) => isInfinitiveWord(t, g))) {
          // "weigerte sich, russische Deserteure auszuliefern": the object of the infinitive complement.
          // A refusal is refused to whoever the refused act concerns ("weigerte sich, Deserteure an Russland auszuliefern").
          const inComplement = phrasesOf.get(complement)!.filter(other)
          target = inComplement.find((p) => p.attach.kind === 'bare') ?? (ref.rule.type === 'REJECT' ? inComplement.find((p) => p.attach.kind === 'prep') : undefined) ?? null
          if (target) { how.push('target:infinitive-object'); factor = GENITIVE_FALLBACK }
        }
        // "war nach Istanbul gereist, um mit Erdoğan die Pipeline einzuweihen": the partner of a
        // mutual act is whom its purpose is shared with.
        if (!target && ref.kind !== 'noun' && ref.rule.mutual && purpose) {
          const partner = phrasesOf.get(complement!)!.find((p) => other(p) && p.attach.kind === 'prep' && g.comitativePrepositions.includes(p.attach.prep))
          if (partner) { target = partner; how.push('target:purpose-partner') }
        }
        // "verhängte Sanktionen gegen die Betreibergesellschaft, eine Tochter des russischen Konzerns
        // Gazprom, …": a company with no actor of its own stands for the owner its apposition names.
        if (!target && ref.kind !== 'noun') {
          const aside = clauses.find((c) => c.apposition && c.from > i && c.to <= clause.to && ownedBy(tokens, c, g))
          const owner = aside ? phrasesOf.get(aside)!.find(other) : undefined
          if (owner) { target = owner; how.push('target:owner-apposition') }
        }
        // Without "dass", a demand's complement in reported speech: "verlangte, Moskau müsse … wiedergutmachen".
        const demandSaid = !!complement?.reported && ref.rule.type === 'REQUEST' && complement.from > i
        // "sprach von Erpressung: Russland wolle …": after a colon, the charge is spelled out; its subject is the one charged.
        // So is a refusal's reason: "wies das Angebot zurück: Putin solle sich zuerst …" refuses the one it names.
        // So is a threat's cause: "drohte mit Gegenmaßnahmen: Berlins Provokation werde …".
        // Only the clause right before the colon spells it out ("ein Entwurf, der die Angriffe verurteilen sollte, fand nur drei Stimmen: …" does not).
        const spelledOut = !!complement && (ref.rule.type === 'ACCUSE' || ref.rule.type === 'REJECT' || ref.rule.type === 'THREATEN') && complement.from > i && tokens[complement.from - 1]?.text === ':'
          && complement.from - 1 === clause.to && !tokens.slice(i + 1, complement.from - 1).some((t) => t.text === ',')
        const thatClause = !!complement?.subordinate && !complement.relative && isWordCue(cues.complementizers, complementOpener?.norm)
        // "Die EU kritisierte, Russland habe …": a charge whose clause ends at the comma before a main clause of its own is aimed at that clause's subject.
        // Not from a leading clause of its own ("Als die Versammlung die Annexion verurteilte, enthielten sich …").
        const chargeSaid = ref.rule.type === 'ACCUSE' && ref.kind !== 'noun' && !clause.subordinate && !!complement && !complement.subordinate && !complement.relative && !complement.apposition
          && complement.from > i && complement.from - 1 === clause.to && tokens[clause.to]?.text === ','
        if (!target && (((ref.rule.type === 'REQUEST' || ref.rule.type === 'ACCUSE') && (thatClause || demandSaid || chargeSaid)) || spelledOut)) {
          // "Peking verlangte, dass Washington den Verkauf stoppt", "its demand that Sudan's warring
          // parties lay down their arms": who is asked is the subject of the complement, or the owner of that subject.
          // So is who is blamed: "Die EU kritisierte, dass die Mongolei den Haftbefehl nicht vollstreckt hat".
          const opened = phrasesOf.get(complement)!
          const first = opened[0]
          const asked = subjectOf(opened, tokens.length) ?? (first?.attach.kind === 'gen' && tokens.slice(complement.from + 1, first.from).every((t) => nounPhraseWord(t)) ? first : null)
          if (asked && other(asked)) { target = asked; how.push('target:complement-subject') }
        }
        // A clause of its own after the comma tells a promise's content only when it speaks of the future ("werde").
        const promisedAhead = !clause.subordinate && tokens[clause.from - 1]?.text === ',' && words.some((t) => g.futureAuxiliaries.includes(t.norm))
        if (!target && (how.includes('subject:infinitive-controller') || clause.reported || promisedAhead) && ci > 0) {
          // "Bukarest sagte Chisinau zu, … Strom zu liefern", "versprach Kiew, … zu helfen": a promise's
          // object is whom the promised act is for; so it is when the promise is told in a clause of
          // its own ("sicherte Bangladesch zu, Russland werde die Anlage mit Brennstoff beliefern").
          const governing = clauses[ci - 1]!
          const promised = splitCue(tokens, governing, cues.intent) ?? findPhrases(tokens, governing.from, governing.to, cues.intent)[0]
          const promisee = promised ? phrasesOf.get(governing)!.find((p) => p.attach.kind === 'bare' && p.from > promised.at && other(p)) : undefined
          if (promisee) { target = promisee; how.push('target:promisee') }
        }
        if (!target && ref.rule.type === 'THREATEN') {
          // "drohte, Russland werde Atomwaffen testen, sollten die USA als Erste testen", "drohte mit
          // Gegenmaßnahmen, falls Finnland beitritt": a threat is aimed at the one its condition names.
          const condition = tokens.findIndex((t, k) => k > i && k < to && tokens[k - 1]!.text === ',' && isWordCue(cues.conditional, t.norm))
          const named = condition < 0 ? undefined : clauses.flatMap((c) => phrasesOf.get(c)!).filter((p) => p.from > condition && p.attach.kind === 'bare').sort((a, b) => a.from - b.from)[0]
          if (named && other(named)) { target = named; how.push('target:condition-subject') }
        }
        // "kamen dort … zusammen": the place a place adverb points to hosts a meeting or a request; it is
        // no target of a hostile act.
        if (target && target.mentions.every((m) => m.rule.endsWith('.coref.place')) && (ref.rule.polarity ?? (COOPERATIVE.has(ref.rule.type) ? 'coop' : 'conflict')) === 'conflict') target = null
        // A regime named in passing counts only when the noun's own words name both parties.
        if (standingInBackground && !(target && how.some((h) => NOUN_OWN_SOURCES.has(h)) && how.some((h) => h.startsWith('target:prep:')))) continue
        const pairs: [typeof source.mentions[number], typeof source.mentions[number] | null][] = []
        if (target) {
          for (const s of source.mentions) for (const t of target.mentions) pairs.push([s, t])
          // "tauschte mit der Ukraine Gefangene aus": an exchange goes both ways.
          if (ref.rule.reciprocal) for (const s of source.mentions) for (const t of target.mentions) pairs.push([t, s])
        } else if ((ref.rule.mutual || ref.rule.reciprocal || reciprocal) && !source.examples) {
          // Mutual acts, or any act done "gegenseitig": the coordinated actors act on each other
          // (not examples of a group: "80 Staaten unterzeichneten …, darunter Deutschland und die USA").
          // An exchange goes both ways: each releases the other's prisoners.
          const reciprocal = !ref.rule.mutual || ref.rule.reciprocal
          const ms = source.mentions
          for (let a = 0; a < ms.length; a++) {
            for (let b = a + 1; b < ms.length; b++) {
              pairs.push([ms[a]!, ms[b]!])
              if (reciprocal) pairs.push([ms[b]!, ms[a]!])
            }
          }
          if (pairs.length) how.push(reciprocal ? 'target:reciprocal' : 'target:coordinated-partner')
        }
        // So is praise ("begrüßte die Resolution"): it welcomes whoever did the act.
        if (!pairs.length && (REACTIONS.has(ref.rule.type) || ref.rule.type === 'SUPPORT' && ref.rule.mode === STATEMENT_MODE)) {
          // "Ankara verurteilte die Entscheidung": the reaction is aimed at whoever did the act its noun points back to.
          // An adverb does so only for a protest: "drohte dagegen" is as often "on the other hand".
          const actWords = actWordsOf(pack)
          // A pronoun in a clause that does not open the sentence points to what this sentence told before it;
          // one opening it, to the sentence before too ("Moskau wies das zurück").
          const pronounFrom = clause.from > from ? sIndex : sIndex - 1
          const { doers, pointsBack } = actAntecedents(tokens, clause.from, clause.to, actWords, state.acts, sIndex, pack.coref.window, own, mentionTokens, pronounFrom, ref.rule.type === 'PROTEST')
          // A trigger noun that is itself the act told before ("die Vorwürfe") names that act again, no new
          // one aimed at its doer: against the subject, it is what the subject answers ("Moskau bezeichnete
          // die Vorwürfe als haltlos"), no charge of its own; joined ("schloss sich den Vorwürfen an"), its partner is not told here.
          const itself = ref.kind === 'noun' && !!pack.coref.actNouns[ref.rule.type]?.includes(tokens[i]!.text)
          if (itself && state.acts.some((a) => a.type === ref.rule.type && doers.includes(a.source) && !!a.target && own.has(a.target.actor))) continue
          if (!itself && doers.length) {
            for (const s of source.mentions) for (const d of doers) pairs.push([s, d])
            how.push('target:act-anaphora')
            factor *= TOPIC
          } else if (!itself && pointsBack && !state.acts.some((a) => a.sentence >= pronounFrom)) {
            // "… die Stationierung der Raketen, die Russlands Flotte bekanntgab. Tokio legte dagegen Protest ein."
            // "Nach Darstellung des KGB sollten die Kämpfer das Land destabilisieren. Moskau weist das zurück":
            // with no act told, what is answered was said by the one other party the text before names:
            // the sentence before, or this sentence's clauses before ("Russland hatte angekündigt, …; Kiew kritisierte das").
            const said = clause.from > from ? soleOtherParty(doc.mentions.filter((m) => m.sentence === sIndex && m.start < tokens[clause.from]!.start), own) : soleOtherParty(doc.mentions.filter((m) => m.sentence === sIndex - 1), own)
            if (said) {
              for (const s of source.mentions) pairs.push([s, said])
              how.push('target:said-before')
              factor *= TOPIC
            }
          }
        }
        if (!pairs.length && ref.rule.type === 'THREATEN') {
          // "Sollte die Nato Truppen in Finnland stationieren, werde Moskau reagieren, warnte Peskow": a
          // threat made on a condition is aimed at whoever the condition names as its subject.
          const condition = clauses.find((c) => c !== clause && g.conditionOpeners.includes(tokens[c.from]?.norm ?? ''))
          const named = condition ? subjectOf(phrasesOf.get(condition)!, condition.to)?.mentions.filter((m) => !own.has(m.actor)) ?? [] : []
          if (named.length) {
            for (const s of source.mentions) for (const m of named) pairs.push([s, m])
            how.push('target:condition')
          }
        }
        if (!pairs.length && ref.rule.venue && ref.kind !== 'noun') {
          // "Russland hat im Sicherheitsrat … Moskau legte sein Veto ein": a vote is cast in the organisation the passage last named.
          const venue = venueOf(doc, sIndex, tokens[i]!.start, own, pack.coref.window, kinds.isOrganisation)
          if (venue) {
            for (const s of source.mentions) pairs.push([s, venue])
            how.push('target:venue')
            factor *= TOPIC
          }
        }
        if (!pairs.length && ref.kind !== 'noun' && !clausePassive) {
          // "Die russische Botschaft in Berlin protestierte": a mission acts towards the state it is posted in.
          const host = postHost(tokens, source, mentions, postsFor(pack), isState)
          if (host) {
            for (const s of source.mentions) pairs.push([s, host])
            how.push('target:host-of-post')
          }
        }
        if (!pairs.length && QUARRELS.has(ref.rule.type) && ref.kind !== 'noun' && !how.includes('target:passive-subject')) {
          // "… bestellte den britischen Attaché ein. Sacharowa nannte die Fahrt eine Provokation": a reaction
          // with nobody named continues the quarrel its speaker was just told in.
          const other = quarrelCounterpart(state.acts, own, sIndex, QUARREL_WINDOW, sameParagraph)
          if (other) {
            for (const s of source.mentions) pairs.push([s, other])
            how.push('target:quarrel')
            factor *= TOPIC
          }
        }
        // A one-sided act: a verb whose actor is known but whose partner is not named ("Georgia's
        // president resigned", "Russland mobilisierte Reservisten"). Event nouns stay relational:
        // alone, "the war" or "sanctions" name a topic more often than an act.
        if (!pairs.length && ref.kind !== 'noun' && !ref.rule.speakerSource && !ref.rule.partnerRequired && !TWO_PARTY.has(ref.rule.type)) {
          // "Moskau setzte Offensive und Patrouillen aus, nachdem Goïta sich weigerte …": an act that
          // always has a counterpart takes the state the passage is about, named in another clause of
          // the sentence or as the subject of the sentence before, in the same paragraph.
          const topical = !ref.rule.oneSided && TOPICAL.has(ref.rule.type) && !phrases.some((p) => p !== source && p.mentions.every((m) => own.has(m.actor)))
          const destination = topical && DESTINED.has(ref.rule.type) ? destinationOf(tokens, mentions, clause, new Set(ref.rule.roles.target.filter((r) => r.startsWith('prep:')).map((r) => r.slice(5))), own, isState, g) : null
          // "Die USA liefern der Ukraine Panzer. … Großbritannien hatte 14 Panzer in Aussicht gestellt": what is
          // sent goes where the passage's last sending of its kind went, before the passage's subject.
          const recipient = topical && !destination && DESTINED.has(ref.rule.type) ? latestRecipient(state.acts, ref.rule.type, sIndex, pack.coref.window, own) : null
          const topic = destination ?? recipient ?? (topical
            ? topicOf(doc, sIndex, source, clauses.filter((c) => c !== clause && !c.apposition && !c.relative).map((c) => subjectOf(phrasesOf.get(c)!, c.to)), state.topic, isState) : null)
          if (topic) {
            for (const s of source.mentions) pairs.push([s, topic])
            how.push(destination ? 'target:destination' : recipient ? 'target:recipient' : 'target:topic')
            factor *= TOPIC
          } else {
            for (const s of source.mentions) pairs.push([s, null])
            how.push('target:none')
            // A riot or a resignation is whole without a partner; other acts without one are less sure.
            if (!ref.rule.oneSided) factor *= ONE_SIDED
          }
        }
        // A gerund ("consulting") or an infinitive ("zu konsultieren", "beizustehen") is no finite verb.
        const nonFinite = progressive || ref.kind !== 'noun' && (i > from && g.infinitiveMarkers.includes(tokens[i - 1]!.norm) || isInfinitiveWord(tokens[i]!, g))
        // For a verb, a cue right after an article is an attribute of some noun ("a planned visit"), and
        // so is an adjective among the cues right before a noun ("ihre für Dezember geplante Reise").
        const attributive = (at: number) => ref.kind !== 'noun' && (at > from && g.determiners.includes(tokens[at - 1]!.norm)
          || plannedAttributesOf(pack).has(tokens[at]!.norm) && capitalised(tokens[at + 1]) && !mentionTokens.has(at + 1))
        const intentPlans = !STANCES.has(ref.rule.type)
        // "lieferte keine Panzer und schickte Truppen": a verb right after a conjunction opens a conjunct of its own.
        const conjunctAt = ref.kind !== 'noun' && i - 1 > clause.from && g.clauseCoordinators.includes(tokens[i - 1]!.norm) ? i - 1 : -1
        // "hatte Lawrow getroffen und ihm Hilfe angeboten": a verb that ends its conjunct right before
        // the conjunction leaves what follows to the next conjunct.
        const endsConjunct = ref.kind !== 'noun' && g.clauseCoordinators.includes(tokens[i + 1]?.norm ?? '')
        const opensConjunct = (at: number) => at - 1 > i && (g.clauseCoordinators.includes(tokens[at - 1]!.norm) || endsConjunct)
        // "…werfen Nordkorea vor, Russland … zu versorgen; Pjöngjang bestreitet das": a denial after a
        // charge denies what is charged, not that the charge was made.
        const charge = ref.rule.type === 'ACCUSE' || ref.rule.type === 'PROTEST'
        const act = { trigger: i, nonFinite, attributive, inTime, intentPlans, plannedBefore: !g.verbFinalSubordinates && ref.kind !== 'noun', conjunctAt, opensConjunct, conjunctFrom: mainConjunct, deniedUntil: charge ? i : undefined }
        // "London erklärte, dass …, und wies … aus": the speech verb of the conjunct before governs its
        // own complement, not the act its speaker goes on to do.
        const ownConjunct = how.includes('subject:shared-after-coordinator')
        let mod = modalityOf(tokens, clause, { from, to }, ownConjunct ? { ...cues, reportedVerbs: [] } : cues, act)
        // A promised stance is taken already ("wird Polen zur Seite stehen"), and a threat speaks of the future by itself.
        if (future >= 0 && intentPlans && ref.rule.type !== 'THREATEN' && (mod.modality === 'asserted' || mod.modality === 'reported')) mod = { modality: 'planned', cue: tokens[future]!.text, cueAt: future, attribution: mod.attribution }
        // "kündigte den Abzug aus Syrien an": a plan split around its object, its particle closing the clause.
        if (mod.modality === 'asserted' || mod.modality === 'reported') {
          const split = splitCue(tokens, clause, cues.planned)
          if (split && split.at < i) mod = { modality: 'planned', cue: split.text, cueAt: split.at, attribution: mod.attribution }
        }
        // A sentence reports the act of its main clause; an act in a subordinate or relative clause, or a
        // gerund or infinitive ("sent inspectors to investigate", "accused of supplying"), is background to it.
        // An infinitive right after a word of intent, refusal or threat is the act itself ("refused to deploy
        // troops", "agreed to send aid"): the verb before it only frames it.
        const framed = nonFinite && mod.cueAt !== null && mod.cueAt < i && i - mod.cueAt <= FRAME_WORDS
        if (clause.subordinate || clause.relative || nonFinite && !framed) factor *= EMBEDDED
        // "will return the weapons seized last year", "will never forget the villages shelled in 2022": a
        // participle after a noun, dated in the past right after it, describes the noun. It is background,
        // and neither planned nor negated by the clause it stands in.
        if (ref.kind !== 'noun' && describesPast(tokens, i, from, mentionTokens, g, sentenceTimes, doc.date?.value)) {
          factor *= EMBEDDED
          how.push('clause:reduced-relative')
          if (mod.modality === 'planned' || mod.modality === 'negated') mod = modalityOf(tokens, clause, { from, to }, { ...cues, planned: [], intent: [], negation: [] }, act)
        }
        // "schloss am Montag (nicht) aus, der Ukraine Waffen zu liefern": the act ruled out is refused (the
        // verb's own rule tells the refusal); one not ruled out is possible.
        let excluded = false
        // "Lettland erwägt, die Grenze zu schließen": an infinitive takes the plan of the clause it depends on.
        if ((mod.modality === 'asserted' || mod.modality === 'reported') && (infinitive || openedByThat) && ci > 0) {
          const before = clauses[ci - 1]!
          const joined = findPhrases(tokens, before.from, before.to, cues.ruleOut).at(-1)
          const ruledOut = splitCue(tokens, before, cues.ruleOut) ?? (joined ? { at: joined.at, text: tokens.slice(joined.at, joined.at + joined.len).map((t) => t.text).join(' ') } : null)
          // The governing clause's words of intent plan the infinitive that follows it ("erklärte sich bereit, … zu schicken");
          // a complement clause takes only a possibility from it.
          const governing = ruledOut || infinitive ? modalityOf(tokens, before, { from, to }, cues, { inTime, nonFinite: true, trigger: before.to, intentPlans }) : null
          if (ruledOut && governing!.modality === 'negated') mod = { modality: 'hedged', cue: ruledOut.text, cueAt: ruledOut.at, attribution: mod.attribution }
          else if (ruledOut && infinitive) excluded = true
          // "schloss aus, dass Putin nach Peking reist": what is ruled out does not happen.
          else if (ruledOut) mod = { modality: 'negated', cue: ruledOut.text, cueAt: ruledOut.at, attribution: mod.attribution }
          else if (governing && (governing.modality === 'planned' || (governing.modality === 'hedged' && mod.modality === 'asserted'))) mod = { ...governing, attribution: governing.attribution ?? mod.attribution }
          // "sicherte Moldau zu, … zu unterstützen": a word of intent split around its objects, its particle closing the clause.
          else if (governing && intentPlans) {
            const split = splitCue(tokens, before, [...cues.intent, ...cues.planned])
            if (split) mod = { modality: 'planned', cue: split.text, cueAt: split.at, attribution: mod.attribution }
          }
        }
        // What the speaker said, or what an accuser charges, is attributed to them.
        // "pledged tanks to Kyiv": a pledge or an offer announces the act; it has not happened yet.
        if (ref.rule.planned && (mod.modality === 'asserted' || mod.modality === 'reported')) mod = { ...mod, modality: 'planned', cue: tokens[i]!.text, cueAt: i }
        // A plan stays a plan ("Kyiv said Moscow would send troops"), attributed all the same.
        if (speakerCue && mod.modality === 'asserted') mod = { modality: 'reported', cue: speakerCue, cueAt: null, attribution: speakerCue }
        if (speakerCue && mod.modality === 'planned') mod = { ...mod, attribution: speakerCue }
        // "Araghtschi erklärte, sein Land habe keine Raketen geliefert": a speaker who says its own side
        // did not do it denies the act (one that it will not do, it refuses: "werde nicht helfen").
        const teller = clause.reported && future < 0 ? firstSubject : null
        if (mod.modality === 'negated' && teller && !lex.negationOpens.has(ref.rule.rule) && !isRefusal(tokens, clause, mod, cues) && source.mentions.every((m) => teller.mentions.some((t) => t.actor === m.actor))) mod = { ...mod, modality: 'denied' }
        // "Tehran rejected accusations that it supplied missiles": the denial is the embedded act's modality, no act of its own.
        // A refusal the denial word names itself ("denied the inspectors access") is the act: its modality
        // is what else the clause says. A denial phrase ("rejected reports") stays a denial.
        if (mod.modality === 'denied' && mod.cueAt === i) {
          if (ref.rule.type !== 'REJECT' || mod.cue !== tokens[i]!.text) continue
          mod = modalityOf(tokens, clause, { from, to }, { ...cues, denied: [] }, act)
        }
        // "äußerte sich während seines Besuchs in Peking nicht": an event noun in an adjunct of time
        // is taken for granted; the clause's negation denies the clause's own act, not the visit.
        if (mod.modality === 'negated' && ref.kind === 'noun' && (standingInBackground || isBackground(tokens, i, clause, adjunctPreps, npModifiers, mentionTokens))) {
          mod = modalityOf(tokens, clause, { from, to }, { ...cues, negation: [] }, act)
          how.push('modality:adjunct')
        }
        // "hat den Transitvertrag nicht verlängert": an act that only happening makes one is none when negated.
        if (mod.modality === 'negated' && ref.rule.affirmative_only) continue
        // "haben sich einer Verurteilung Russlands enthalten": an abstention is no act, negated or not.
        if (mod.modality === 'negated' && mod.cue !== null && abstainWordsOf(pack).has(fold(mod.cue))) continue
        // "Putin kann dies nicht mehr ablehnen": a reaction that does not happen, to an act told before, tells no relation.
        if (mod.modality === 'negated' && (how.includes('target:act-anaphora') || how.includes('target:said-before'))) continue
        // "nannte die Entscheidung nicht gerechtfertigt": a judgement that denies its word is the opposite one.
        const judged = mod.modality === 'negated' ? ref.rule.negated_as : undefined
        if (judged) {
          mod = modalityOf(tokens, clause, { from, to }, { ...cues, negation: [] }, act)
          how.push(`type:negated-as(${judged})`)
        }
        const governor = governorOf(tokens, clauses, ci, i, ref.kind === 'noun', cues, g)
        // What one side asks of another has not happened: the appeal is the act, and its own trigger reports it.
        if (governor?.kind === 'appeal' && ref.rule.type !== 'REQUEST') continue
        // "weigerte sich, Russland zu helfen": the refusal is the act (REJECT), the help is not given.
        // (Its reading is kept aside: the refusal takes its partner from it, see refusedNouns.)
        const declined = (governor?.kind === 'decline' || excluded) && ref.rule.type !== 'REJECT'
        // "threatened to cut off gas": the act is the threat of the cut-off.
        const basePolarity: Polarity = judged ? (COOPERATIVE.has(judged) ? 'coop' : 'conflict') : ref.rule.polarity ?? (COOPERATIVE.has(ref.rule.type) ? 'coop' : 'conflict')
        // "Russia will cut gas to Moldova unless Chisinau pays", "the EU may halt talks if …": a hostile
        // plan or possibility on a condition is an ultimatum.
        const ultimatum = (mod.modality === 'planned' || mod.modality === 'hedged') && basePolarity === 'conflict' && ref.rule.type !== 'THREATEN' ? findPhrases(tokens, i + 1, to, cues.ultimatum)[0] : undefined
        // "vowed to fight Israel" threatens; "vowed to support Kyiv" is a pledge of support.
        const threat = governor?.kind === 'threat' || governor?.kind === 'hostile-threat' && basePolarity === 'conflict'
        const threatened = (threat || !!ultimatum) && ref.rule.type !== 'THREATEN'
        if (threat) how.push(`type:threat(${governor!.cue})`)
        else if (ultimatum) how.push(`type:ultimatum(${tokens.slice(ultimatum.at, ultimatum.at + ultimatum.len).map((t) => t.text).join(' ')})`)
        // The ultimatum is issued now: it is as sure as its clause says, not a plan. So is a threat:
        // "warned that it would retaliate" threatens now; the future is the threatened act's, also
        // where the rule needs the future word to read a threat ("said it would retaliate").
        const futureOfThreat = ref.rule.type === 'THREATEN' && mod.cueAt !== null && (mod.cueAt > i || lex.requires.get(ref.rule)!.has(tokens[mod.cueAt]!.norm))
        if ((threat || futureOfThreat) && mod.modality === 'planned' || ultimatum && !governor) mod = modalityOf(tokens, clause, { from, to }, { ...cues, planned: [], intent: [] }, { trigger: i, nonFinite, attributive, inTime })
        // A condition or an open question tells of no act: "drohte mit Gegenmaßnahmen, falls Finnland
        // beitritt" has no accession, "Ob Armenien das Bündnis verlässt, ließ er offen" no departure.
        if (mod.supposed) continue
        const polarity: Polarity = (mod.modality === 'negated' || mod.modality === 'denied' || threatened) ? 'conflict' : basePolarity
        // Not wanting to help is refusing to (PLOVER REJECT), an act of its own.
        const refused = !threatened && basePolarity === 'coop' && isRefusal(tokens, clause, mod, cues)
        if (refused) how.push(`type:refusal(${mod.cue})`)
        if (refused) {
          // The refusal itself may still be reported or hedged; its wanting word is no plan.
          mod = modalityOf(tokens, clause, { from, to }, { ...cues, negation: [], denied: [], planned: [] }, { inTime })
        }
        // A regime named in passing is not dated by the clause it is the background of.
        const time = standingInBackground ? null : planDate(timeOf(eventDate(doc, sIndex, datedIn.clause, clauses, tokens, datedIn.at, state.narrative, g, sentenceTimes, setting)), mod.modality, doc.date?.value, sentenceTimes, tokens[i]!.start)
        const crowd = !!ref.rule.crowd_mode && source.mentions.every((m) => m.kind === 'people' || isSector(m.actor) || m.party !== undefined)
        const mode = crowd ? ref.rule.crowd_mode! : modeOf(ref, tokens, clause, lex)
        const quantity = quantityOf(ref, tokens, clause, lex, pack, doc.text)
        // A party named in an earlier sentence is marked where this sentence refers to it: the
        // pronoun (a partner taken from the topic keeps pointing back, as no word here names it).
        const stand = pronoun ?? carried
        const span = (m: { start: number; end: number }, topic = false) => (stand && !topic && m.start < sentenceStart ? stand : { start: m.start, end: m.end })
        for (const [s, t] of pairs) {
          if (s.actor === t?.actor) continue
          const adjOnly = s.kind === 'adjective' || t?.kind === 'adjective'
          clauseEvents.push({ noun: ref.kind === 'noun', declined, evidence, obliging: ref.rule.speakerSource && ref.rule.type === 'REQUEST', doer: s, partner: t, event: {
            sentence: sIndex,
            source: s.actor,
            target: t?.actor ?? null,
            type: refused ? 'REJECT' : threatened ? 'THREATEN' : judged ?? ref.rule.type,
            mode,
            polarity,
            modality: mod.modality,
            date: time?.date ?? null,
            start: tokens[i]!.start,
            end: tokens[i]!.end,
            sourceMention: span(s),
            targetMention: t ? span(t, how.some((step) => POINTED_BACK.has(step))) : null,
            quantity,
            attribution: mod.attribution,
            rule: ref.rule.rule,
            trace: [`trigger:${ref.kind}:${tokens[i]!.text}`, ...how, `modality:${mod.modality}${mod.cue ? `(${mod.cue})` : ''}`, ...(time ? [`date:${time.rule}`] : [])],
            confidence: Math.round(ref.rule.confidence * factor * (adjOnly ? 0.9 : 1) * 100) / 100,
          } })
        }
      }
    }
    // "Britain said Sudan must reach a deal with the rebels": what the speaker says must happen has not.
    const obliged = clauseEvents.find((x) => x.obliging)
    const kept = obliged ? clauseEvents.filter((x) => x.event.type === 'REQUEST' || x.event.start < obliged.event.start) : clauseEvents
    // A trigger read with a partner is not also read without one.
    const pairedAt = new Set(kept.filter((x) => x.event.target !== null).map((x) => x.event.start))
    const read = superseded(kept.filter((x) => x.event.target !== null || !pairedAt.has(x.event.start)), lex)
    refusedNouns(read, tokens, clause, g)
    withheldMeetings(read, lex)
    judgedNouns(read, tokens, clause, g)
    purposeNouns(read, tokens, clause, g)
    // "Zu Beginn seines Gesprächs mit Putin mahnte Modi …": an occasion noun in a phrase of setting is the setting of the verb's act, not what it acts on.
    // A definite one ("bei dem Treffen", "beim Gipfel") names an occasion told before: the noun is no new act.
    const definite = definiteWordsOf(pack)
    const occasionNoun = (e: RelationEvent) => {
      const k = tokenStartingAt(tokens, e.start)
      // Only a preposition of setting ("bei", "während", "zu Beginn"): "zog sich aus Gesprächen zurück" names what is left.
      if (k < 0 || !inSettingPhrase(k)) return false
      let d = k - 1
      while (d > clause.from && !g.prepositions.includes(tokens[d]!.norm) && !definite.has(tokens[d]!.norm)) d--
      return !definite.has(tokens[d]!.norm)
    }
    const told = governedNounsDropped(nearestEvidence(read.filter((x) => !x.declined)), tokens, g, lex, occasionNoun)
    events.push(...told)
    for (const x of kept) if (told.includes(x.event) && x.event.modality !== 'negated' && x.event.modality !== 'denied') state.acts.push({ type: x.event.type, source: x.doer, target: x.partner, conflict: x.event.polarity === 'conflict', statement: x.event.mode === STATEMENT_MODE, byOrganisation: isOrganisation(x.event.source), joint: DONE_TOGETHER.has(x.event.type), sentence: sIndex })
    // "Der Sanktionsbeauftragte der EU … war gereist und hatte die Regierung aufgefordert": the owner that acted
    // for the clause is the subject a coordinated clause shares.
    // "Die Regierungschefs des Bündnisses beschlossen, … zu entsenden": a main clause with no act of its own still
    // names its subject by the genitive of its first noun phrase, for the infinitive it controls.
    const leadOwner = () => clause.subordinate ? null : firstPhraseGenitive(phrases, tokens, clause, clause.to, g, mentionTokens)
    const own: Phrase | null = pronounSubject ? clauseSubject ?? state.lastSubject : subjectOf(phrases, clause.to) ?? ownerSubject ?? leadOwner()
    if (pronounSubject && !clauseSubject && own) carried ??= { start: firstWord!.start, end: firstWord!.end }
    if (own && !clause.subordinate) clauseSubject = own
    else if (!clauseSubject && own) clauseSubject = own
    firstSubject ??= clauseSubject
    // "hatte Außenminister Lawrow in Bagdad für mehr Zusammenarbeit geworben": a state's official acting
    // in another state's capital is there on a visit (kept below unless the sentence tells a meeting of the two).
    // Not a passive: "Berg war in Moskau festgenommen worden" tells what befell the subject there.
    // Only where nouns are capitalised: the place phrase's owner is told from the word before it.
    if (g.capitalisesNouns && !clause.apposition && !pronounSubject && !clausePassive) {
      for (const v of presences(tokens, clause, phrases, own, isState, presenceWordsFor(pack), g.contractions, inTime)) {
        // "Blinken warf dem Iran in London vor, …", "unterzeichneten Obama und Medwedew in Prag": where the
        // clause's act is with another partner, the capital is its venue, not the host of a visit.
        if (told.some((e) => e.target !== null && e.source !== v.host.actor && e.target !== v.host.actor)) continue
        const mod = modalityOf(tokens, clause, { from, to }, cues, { trigger: v.at, inTime })
        if (mod.supposed) continue
        const time = planDate(timeOf(eventDate(doc, sIndex, clause, clauses, tokens, v.at, state.narrative, g, sentenceTimes, setting)), mod.modality, doc.date?.value, sentenceTimes, tokens[v.at]!.start)
        visits.push({
          sentence: sIndex, source: v.visitor.actor, target: v.host.actor, type: 'CONSULT', mode: 'visit', polarity: mod.modality === 'negated' || mod.modality === 'denied' ? 'conflict' : 'coop',
          modality: mod.modality, date: time?.date ?? null, start: tokens[v.at]!.start, end: tokens[v.at]!.end,
          sourceMention: { start: v.visitor.start, end: v.visitor.end }, targetMention: { start: v.host.start, end: v.host.end },
          quantity: null, attribution: mod.attribution, rule: `${pack.code}.consult.presence`,
          trace: [`trigger:presence:${tokens[v.at]!.text}`, 'source:subject', 'target:place', `modality:${mod.modality}${mod.cue ? `(${mod.cue})` : ''}`, ...(time ? [`date:${time.rule}`] : [])],
          confidence: 0.6,
        })
      }
    }
  }
  // A presence is a visit only where the sentence tells no meeting of the two already.
  const met = new Set(events.filter((e) => e.type === 'CONSULT' && e.target !== null).map((e) => pairKey(e.source, e.target!)))
  events.push(...visits.filter((v) => !met.has(pairKey(v.source, v.target!))))
  // "reiste nach Algier und vereinbarte dort Gaslieferungen": an act with no partner is done with the one met,
  // in this sentence or, in the same paragraph, the one before ("Modi reiste nach Moskau. Er lobte die Freundschaft.").
  const before = state.meetings?.sentence === sIndex - 1 && sameParagraph(sIndex - 1) ? state.meetings.events : []
  const meetings = meetingsOf(events)
  events.splice(0, events.length, ...meetingPartners(events, lex.oneSided, meetings, before))
  if (meetings.length) state.meetings = { sentence: sIndex, events: meetings }
  // The speaker is the subject of the sentence's first clause: "Moskau erklärte, Kiew habe … beschossen".
  events.push(...claimedAccusations(events, firstSubject, `${pack.code}.accuse.claimed_act`, (w) => admissionVerbsOf(g).has(fold(w))))
  threatsShareCharges(events, tokens, g.clauseCoordinators, (k) => clauses.some((c) => c.subordinate && k >= c.from && k < c.to))
  // "Unter Vermittlung Russlands einigten sich …": the mediator consults each party of the sentence's acts.
  events.push(...mediations(events, tokens, from, to, mentions, mediationWordsFor(g), (id) => kinds.isState(id) || kinds.isOrganisation(id), `${pack.code}.consult.mediation`))
  // Votes on the latest text an organisation charged or summoned someone with (this sentence's
  // included), anywhere before in the document: a vote names its text ("gegen die Vorlage"), and a
  // report on a resolution often tells the vote paragraphs after the text.
  const charged = events.filter((e) => TEXT_TYPES.has(e.type) && e.target !== null && isOrganisation(e.source) && e.modality !== 'negated' && e.modality !== 'denied' && e.targetMention).at(-1)
  if (charged) state.votedText = { target: charged.target!, start: charged.targetMention!.start, end: charged.targetMention!.end, rule: charged.rule, sentence: sIndex }
  // "Ein russischer Entwurf fand nur drei Stimmen: … votierten China und Bolivien dafür": a state's draft named later is the text voted on.
  const draft = authoredText(tokens, from, to, mentions, voteWordsFor(g), isState, sIndex, `${pack.code}.support.vote_for_draft`)
  if (draft && (!charged || draft.start > charged.targetMention!.start)) state.votedText = draft
  const text = state.votedText
  const votes = clauses.flatMap((c) => voteEvents(tokens, c.from, c.to, phrasesOf.get(c)!, voteWordsFor(g), text, sIndex, { against: `${pack.code}.support.vote`, for: `${pack.code}.accuse.vote`, draft: `${pack.code}.support.vote_for_draft` }, isState).map((v) => {
    const at = tokenStartingAt(tokens, v.start)
    const time = timeOf(eventDate(doc, sIndex, c, clauses, tokens, at, state.narrative, g, sentenceTimes, () => null))
    return { ...v, date: time?.date ?? null, trace: time ? [...v.trace, `date:${time.rule}`] : v.trace }
  }))
  if (votes.length) {
    // A vote read with the text's target replaces a reading of the same verb without a partner ("stimmten gegen …").
    const voted = new Set(votes.map((v) => `${v.start}|${v.source}`))
    events.splice(0, events.length, ...events.filter((e) => !(e.target === null && voted.has(`${e.start}|${e.source}`))), ...votes)
  }
  for (const [occasion, dated] of datedSettings(tokens, from, to, sentenceTimes, settingFormsFor(pack))) state.settings.set(occasion, dated)
  // A sentence set in a dated occasion passes that date on, as one that states it does.
  const set = events.find((e) => e.date && e.trace.some((t) => t.startsWith('date:') && t.includes('+setting(')))
  if (set && !state.narrative.has(sIndex)) state.narrative.set(sIndex, { date: set.date!, rule: set.trace.find((t) => t.startsWith('date:'))!.slice(5) })
  events.push(...contactAdjuncts(events, tokens, from, to, (t) => {
    const ref = triggersOf(lex, t).find((r) => r.kind === 'noun' && r.rule.contact_adjunct.length > 0)
    return ref && { rule: ref.rule.rule, mode: ref.rule.mode, prepositions: ref.rule.contact_adjunct.map(fold) }
  }))
  if (clauseSubject) state.lastSubject = clauseSubject
  const topical = clauseSubject?.mentions.find((m) => isState(m.actor))
  if (topical) state.topic = { mention: topical, sentence: sIndex }
  return events
}

/**
 * "…, und weitere Partner schickten Flugabwehrsysteme": a coordinated clause that opens with a noun
 * phrase of its own before the trigger (an article or quantifier and a noun, or a group noun) has a
 * subject, even one that names no actor; it borrows none from the clause before.
 */
function ownNounSubject(tokens: Token[], clause: Clause, trigger: number, g: LanguagePack['grammar']): boolean {
  let k = clause.from
  while (k < trigger && tokens[k]!.kind === 'word' && g.coordinators.includes(tokens[k]!.norm)) k++
  const lead = k
  while (k < trigger && leadsNoun(tokens[k]!, g)) k++
  const noun = tokens[k]
  if (!noun || k >= trigger || noun.kind !== 'word') return false
  return groupNounsOf(g).has(noun.norm) || k > lead && capitalised(noun)
}

/**
 * The organisation named last before `before`, in sentence `sIndex` or the one before it, as a phrase
 * of its own: the issuer of a text no clause issues.
 */
function issuingOrganisation(mentions: Mention[], sIndex: number, before: number, isOrganisation: (id: string) => boolean): Phrase | null {
  const m = mentions.filter((x) => (x.sentence === sIndex || x.sentence === sIndex - 1) && x.start < before && isOrganisation(x.actor)).at(-1)
  return m ? { mentions: [m], from: m.tokenStart, to: m.tokenEnd, attach: { kind: 'bare' } } : null
}

/** Whether an apposition opens with a head of ownership ("eine Tochter des …", "a subsidiary of …"). */
function ownedBy(tokens: Token[], aside: Clause, g: LanguagePack['grammar']): boolean {
  const head = tokens.slice(aside.from, Math.min(aside.to, aside.from + 3)).find((t) => t.kind === 'word' && !g.determiners.includes(t.norm))
  return !!head && g.ownerHeads.includes(head.norm)
}

/** A reading of a clause: its event, whether a noun triggered it, and what the extractor decided about it. */
interface ClauseEvent { event: RelationEvent; noun: boolean; evidence: number; obliging?: boolean; doer: Mention; partner: Mention | null; declined?: boolean }

/** The preposition (its contraction resolved) of the phrase the event noun that starts at `start` heads, or null. */
function nounPreposition(tokens: Token[], start: number, clause: Clause, g: LanguagePack['grammar'], genitives: ReadonlySet<string> = new Set()): string | null {
  const preposition = (t: Token | undefined) => !!t && t.kind === 'word' && (g.prepositions.includes(t.norm) || !!g.contractions[t.norm])
  let k = tokenStartingAt(tokens, start) - 1
  for (;;) {
    // "hinter den Angriffen": a preposition may look like an adjective; it ends the noun phrase.
    while (k >= clause.from && !preposition(tokens[k]) && leadsNoun(tokens[k]!, g)) k--
    // "zu Beginn eines Gesprächs", "zu Beginn seines Gesprächs": where asked (`genitives`), a noun whose
    // genitive the event noun is carries its phrase on.
    if (k > clause.from && tokens[k]!.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text) && genitives.has(tokens[k + 1]?.norm ?? '')) { k--; continue }
    break
  }
  return k >= clause.from && preposition(tokens[k]) ? g.contractions[tokens[k]!.norm] ?? tokens[k]!.norm : null
}

/** Whether the event noun that starts at `start` is an object of its clause, not in a prepositional phrase. */
function nounIsObject(tokens: Token[], start: number, clause: Clause, g: LanguagePack['grammar']): boolean {
  return nounPreposition(tokens, start, clause, g) === null
}

/**
 * "Iran entzog Russland die Nutzung des Stützpunkts für Angriffe in Syrien": a hostile event noun
 * after a preposition of purpose (`purposePrepositions`) in a clause whose verb tells another act
 * of the subject is what that act serves, not an act of the subject.
 */
function purposeNouns(list: ClauseEvent[], tokens: Token[], clause: Clause, g: LanguagePack['grammar']): void {
  for (const x of list) {
    // A hostile act only: "gab grünes Licht für den Verkauf …" approves a sale of its own.
    if (!x.noun || x.event.polarity !== 'conflict' || !x.event.trace.includes('source:subject') || !g.purposePrepositions.includes(nounPreposition(tokens, x.event.start, clause, g) ?? '')) continue
    if (list.some((v) => !v.noun && v.event.source === x.event.source && v.event.type !== x.event.type)) x.declined = true
  }
}

/** The verbs that judge an act their object names ("unterstützte den Angriff", "verurteilte die Sanktionen"). */
const JUDGING = new Set(['ACCUSE', 'SUPPORT'])
/** Acts done together: the one who judges such an act may well be its party ("lobte die Zusammenarbeit mit Moskau"). */
const JOINT = new Set(['AGREE', 'CONSULT', 'COOPERATE'])
/** Acts both parties do, so that a later word pointing back at one ("das Manöver", "die Vereinbarung") answers both; a visit is the visitor's. */
const DONE_TOGETHER = new Set(['AGREE', 'COOPERATE'])

/**
 * "Minsk hatte den Angriff auf die Ukraine unterstützt", "Ankara verurteilte die Sanktionen gegen
 * Iran": an event noun that a verb judging it takes as object is someone else's act; the clause's
 * subject, who judges it, is not who does it. An act done together is exempt: "Alijew lobte die
 * Zusammenarbeit mit Moskau" tells his own.
 */
function judgedNouns(list: ClauseEvent[], tokens: Token[], clause: Clause, g: LanguagePack['grammar']): void {
  const at = (start: number) => tokenStartingAt(tokens, start)
  // The verb takes the noun when no conjunction or comma stands between them ("führte Gespräche … und lobte …" does not).
  const adjacent = (a: number, b: number) => tokens.slice(Math.min(a, b) + 1, Math.max(a, b)).every((t) => t.text !== ',' && !g.coordinators.includes(t.norm) && !g.subordinators.includes(t.norm))
  for (const x of list) {
    if (!x.noun || JOINT.has(x.event.type) || !x.event.trace.includes('source:subject') || !nounIsObject(tokens, x.event.start, clause, g)) continue
    const noun = at(x.event.start)
    if (list.some((v) => !v.noun && v.event.source === x.event.source && JUDGING.has(v.event.type) && v.event.type !== x.event.type && adjacent(at(v.event.start), noun))) x.declined = true
  }
}

/**
 * "lehnte eine Zusammenarbeit mit Moskau ab", "Eine gemeinsame Ermittlung mit Berlin lehnte Stockholm
 * ab", "blockierte die Hilfe für Kiew": the act an event noun names is what a refusal without a
 * partner of its own refuses, not an act that happened; so is what a verb of refusal governs
 * ("verweigerte die Zusammenarbeit mit Moskau", "weigerte sich, Russland zu helfen", marked by
 * governorOf). A cooperation so refused is declined and gives the refusal its partner; a hostile act
 * so refused is negated (the sanctions a state refuses are no refusal of their target). Only the refusal's own subject refuses,
 * and only a noun it takes as object, not one in an adjunct ("Nach dem Besuch in Moskau lehnte …").
 */
function refusedNouns(list: ClauseEvent[], tokens: Token[], clause: Clause, g: LanguagePack['grammar']): void {
  const isObject = (start: number) => nounIsObject(tokens, start, clause, g)
  for (const refusal of list) {
    const r = refusal.event
    if (refusal.noun || refusal.declined || r.type !== 'REJECT' || r.modality === 'negated' || r.modality === 'denied') continue
    for (const x of list) {
      if (x === refusal || x.event.type === 'REJECT' || x.event.source !== r.source) continue
      if (!x.declined && !(x.noun && isObject(x.event.start))) continue
      if (r.target !== null && x.event.target !== r.target) continue
      if (!COOPERATIVE.has(x.event.type)) {
        // "lehnte neue Sanktionen gegen Russland ab": the sanctions are not imposed (as "declined to join sanctions").
        if (!x.declined && x.event.modality !== 'negated') x.event = { ...x.event, modality: 'negated', trace: [...x.event.trace.filter((t) => !t.startsWith('modality:')), `modality:negated(${r.rule})`] }
        continue
      }
      x.declined = true
      // Not a fellow subject the noun paired it with ("Polen und Litauen lehnten ein Treffen ab").
      if (refusal.event.target === null && x.event.target !== null && !x.event.trace.includes('target:coordinated-partner')) {
        refusal.event = { ...r, target: x.event.target, targetMention: x.event.targetMention, trace: r.trace.map((t) => (t === 'target:none' ? `target:refused(${x.event.rule})` : t)) }
      }
      // What is refused gives the refusal its kind: "lehnt Waffenlieferungen an die Ukraine ab" refuses arms.
      refusal.event = { ...refusal.event, mode: x.event.mode }
    }
  }
}

/**
 * "Polen und Litauen blieben dem Treffen fern", "… boykottierten den Gipfel": an event noun read as an
 * act of its coordinated subjects on each other is no such act when its clause's verb keeps the
 * same subject away from it (`withholds`); the noun is what that act is about.
 */
function withheldMeetings(list: ClauseEvent[], lex: EventLexicon): void {
  for (const x of list) {
    if (!x.noun || !x.event.trace.includes('target:coordinated-partner')) continue
    // "blieb den Gipfeltreffen der Eurasischen Wirtschaftsunion und der OVKS fern": nor is it a meeting of
    // the bodies whose meetings they are.
    if (list.some((r) => !r.noun && (r.event.source === x.event.source || r.event.target === x.event.source || r.event.target === x.event.target) && lex.withholds.has(r.event.rule))) x.declined = true
  }
}

/** Readings that a narrower rule's reading of the same trigger and pair replaces (`supersedes`) are dropped. */
function superseded<T extends { event: RelationEvent }>(list: T[], lex: EventLexicon): T[] {
  // Either way round: an invitation to join (the inviter's) replaces the visit it would be otherwise (the invitee's).
  const key = (x: T) => `${x.event.start}|${x.event.target === null ? x.event.source : pairKey(x.event.source, x.event.target)}`
  const replaced = new Set<string>()
  for (const x of list) for (const rule of lex.supersedes.get(x.event.rule) ?? []) replaced.add(`${key(x)}|${rule}`)
  return replaced.size ? list.filter((x) => !replaced.has(`${key(x)}|${x.event.rule}`)) : list
}

/**
 * One trigger, two readings of the same pair ("nannte die Taliban „Verbündete im Kampf gegen den
 * Terrorismus“": SUPPORT by "Verbündete", ACCUSE by "Terrorismus"): the reading whose evidence
 * word stands nearest the trigger wins.
 */
function nearestEvidence<T extends { event: RelationEvent; evidence: number }>(all: T[]): T[] {
  const key = (x: T) => `${x.event.start}|${[x.event.source, x.event.target].sort().join('~')}`
  // A partner guessed by a fallback ("kämpfen an der Seite Russlands") yields to a rule that found it,
  // whatever its evidence ("nannte das Vorgehen der amerikanischen Partner befremdlich": not the
  // "Partner" of a guessed SUPPORT, but the charge of the ACCUSE that found the genitive).
  const guessed = (x: T) => x.event.trace.some((t) => FALLBACK_TARGETS.has(t))
  const found = new Set(all.filter((x) => !guessed(x)).map(key))
  const list = all.filter((x) => !(guessed(x) && found.has(key(x))))
  const best = new Map<string, number>()
  for (const x of list) if (x.evidence >= 0) best.set(key(x), Math.min(best.get(key(x)) ?? Infinity, x.evidence))
  // A visit read from a verb of motion yields to a reading that found its evidence ("flew troops to
  // Syria" is a dispatch, not a visit); other readings without evidence stand beside it ("unterstützt
  // die Hamas mit Geld" is support and aid).
  const yields = (x: T) => x.evidence < 0 && TWO_PARTY.has(x.event.type) && best.has(key(x))
  return list.filter((x) => x.evidence < 0 ? !yields(x) : x.evidence === best.get(key(x)))
}

/** Acts on a proposal or demand: aimed at whoever put it forward. */
const PROPOSAL_TYPES: ReadonlySet<string> = new Set(['REJECT', 'AGREE', 'SUPPORT', 'ACCUSE', 'CONCEDE'])
/** Mentions that name a place: a state's name or form, a capital or seat standing for it. */
const PLACE_KINDS: ReadonlySet<string> = new Set(['name', 'form', 'metonym', 'seat'])
const FALLBACK_TARGETS = new Set(['target:object-genitive', 'target:infinitive-object', 'target:place'])

/** Whether a clause's words issue a document: an issuing verb, or a split one's finite form with its particle after it ("legte … vor"). */
function issues(words: Token[], g: LanguagePack['grammar']): boolean {
  return words.some((t, k) => g.issueVerbs.includes(t.norm) || g.issueSplitVerbs.some((v) => v.finite.includes(t.norm) && words.slice(k + 1).some((w) => w.norm === v.particle)))
}

/**
 * A verb governs the event nouns of its clause: in "stoppten ihre Waffenlieferungen an die
 * Ukraine" or "fror seine Teilnahme an den Manövern ein" the noun names what the verb acts on,
 * so a noun event between the same two actors as a verb event is not a second event.
 */
function governedNounsDropped(list: { event: RelationEvent; noun: boolean; evidence: number }[], tokens: Token[], g: LanguagePack['grammar'], lex: EventLexicon, occasionNoun: (e: RelationEvent) => boolean): RelationEvent[] {
  const opens = (rule: string) => lex.negationOpens.has(rule)
  const pair = (e: RelationEvent) => [e.source, e.target].sort().join('~')
  // "hatte das Abkommen aufgekündigt und die Sanktionen wieder in Kraft gesetzt": a verb that ends its
  // conjunct governs nothing after the word that joins the next one.
  const reach = (e: RelationEvent) => {
    const at = tokenStartingAt(tokens, e.start)
    const next = tokens[at + 1]
    // The verb closes a bracket that a finite auxiliary opened before it ("hatte … aufgekündigt").
    let k = at - 1
    while (k >= 0 && tokens[k]!.sentence === tokens[at]!.sentence && !g.finiteAuxiliaries.includes(tokens[k]!.norm)) k--
    const bracket = k >= 0 && tokens[k]!.sentence === tokens[at]!.sentence
    return bracket && next && coordinates(next, g) ? next.start : Infinity
  }
  const verbs = list.filter((x) => !x.noun).map((x) => ({ event: x.event, pair: pair(x.event), reach: reach(x.event) }))
  // "Auf Verlangen Bamakos beendete der Rat das Mandat": a noun in an adverbial phrase of its own is no verb's object.
  const governor = (x: { event: RelationEvent }) => lex.adverbialNouns.has(x.event.rule) || occasionNoun(x.event) ? undefined : verbs.find((v) => v.pair === pair(x.event) && x.event.start < v.reach)
  const governed = (x: { event: RelationEvent }) => !!governor(x)
  // "schließt Waffenlieferungen nicht aus": the verb that does not rule the act out yields to it, planned.
  // So does one that found no partner ("schloss eine Entsendung von Truppen nach Litauen nicht aus").
  const opener = (x: { event: RelationEvent; noun: boolean }) => !x.noun ? undefined : verbs.find((v) => v.event.modality === 'negated' && opens(v.event.rule)
    && (v.pair === pair(x.event) || v.event.target === null && v.event.source === x.event.source) && x.event.start < v.reach)?.event
  const opened = new Map(list.map((x) => [x, opener(x)] as const).filter((e): e is [typeof list[number], RelationEvent] => !!e[1]))
  const openers = new Set(opened.values())
  return list.flatMap((x) => {
    const by = opened.get(x)
    if (by) return [{ ...x.event, modality: 'planned' as const, polarity: lex.polarities.get(x.event.rule) ?? x.event.polarity, trace: [...x.event.trace.filter((t) => !t.startsWith('modality:')), `modality:planned(${by.rule})`] }]
    if (openers.has(x.event)) return []
    // "schloss nicht aus, der Ukraine Waffen zu liefern": not ruling out the act of the infinitive after it is
    // no refusal; that act is told by its own trigger, hedged.
    if (!x.noun && x.event.modality === 'negated' && opens(x.event.rule) && x.event.trace.includes('target:infinitive-object')) return []
    return !x.noun || !governed(x) || list.every((y) => y.noun) ? [x.event] : []
  })
}

/** Whether two dates may be one (one a prefix of the other, or either unknown). */
const datesAgree = (u: string | null, v: string | null) => !u || !v || u.startsWith(v) || v.startsWith(u)

/**
 * One event per act: within a sentence the most confident reading of (source, target, type);
 * within the article, a later sentence that restates an act with the same date, modality and
 * dimension (military, economic, diplomatic) is the same event, already stated. A headline states in short what the body tells: its act
 * yields to the body's telling of the same act, which gives the date and the full sentence.
 */
function dedupe(events: RelationEvent[], headline: number | null, dimensionOf: (mode: string) => string | undefined, text: string): RelationEvent[] {
  // An act done together is one act whichever side a reading makes its source ("war … zu seinem Besuch
  // in Pjöngjang empfangen worden": the visit and the reception).
  // Two visits of one sentence in turn ("im Mai nach Moskau gereist, und im November hatte Putin Astana …
  // besucht") keep their own dates.
  const pairOf = (e: RelationEvent) => (JOINT.has(e.type) && e.target !== null ? `${[e.source, e.target].sort().join('|')}|${e.date}` : `${e.source}|${e.target}`)
  const best = new Map<string, RelationEvent>()
  for (const e of events) {
    // "bestreitet, … geliefert zu haben, und räumte ein, … übergeben zu haben": a denied act and an admitted one are two claims.
    const key = `${e.sentence}|${pairOf(e)}|${e.type}|${e.modality === 'denied'}`
    const prev = best.get(key)
    if (!prev || e.confidence > prev.confidence) best.set(key, e)
  }
  const seen = new Set<string>()
  // A charge or a demand made by another speaker ("Sandu warf Moskau vor …", "Die Ermittler werfen Moskau vor …") is another act.
  const speaker = (e: RelationEvent) => text.slice(e.sourceMention.start, e.sourceMention.end)
  // Only a date the sentence states tells two restatements apart; one borrowed from context does not.
  const statedDate = (e: RelationEvent) => (e.trace.some((t) => t.startsWith('date:') && BORROWED_DATE.some((b) => t.endsWith(b))) ? null : e.date)
  // "sent inspectors to Iran to investigate …": an act read once with its partner is not also a one-sided act.
  const paired = new Set([...best.values()].filter((e) => e.target !== null).map((e) => `${e.sentence}|${e.source}|${e.type}`))
  for (const [key, e] of best) if (e.target === null && paired.has(`${e.sentence}|${e.source}|${e.type}`)) best.delete(key)
  const act = (e: RelationEvent) => `${e.source}|${e.target}|${e.type}|${e.modality}`
  const told = new Set([...best.values()].filter((e) => e.sentence !== headline).map(act))
  // The dates, borrowed from the passage, of the acts kept with no date of their own, by key.
  const borrowed = new Map<string, (string | null)[]>()
  return [...best.values()].sort((a, b) => a.start - b.start || a.source.localeCompare(b.source)).filter((e) => {
    const stated = statedDate(e)
    if (e.sentence === headline && stated === null && told.has(act(e))) return false
    // Acts of different dimensions are two acts: Hungary's veto of aid and its refusal to send arms.
    const key = `${e.source}|${e.target}|${e.type}|${stated}|${e.modality}|${dimensionOf(e.mode) ?? ''}|${SPEECH_ACTS.has(e.type) ? speaker(e) : ''}`
    if (stated === null) {
      // "warf den USA damals … vor" (February) and, a paragraph on, "verurteilte das Vorgehen Washingtons"
      // (March): acts the passage sets at different times are two acts, though neither states its date.
      const dates = borrowed.get(key)
      if (dates?.some((d) => datesAgree(d, e.date))) return false
      if (dates) dates.push(e.date)
      else borrowed.set(key, [e.date])
      return true
    }
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** An actor's kind in the knowledge base ("state", "igo", "sector", "pmc" …), and the questions asked of it. */
interface ActorKinds {
  kindOf: (actor: string) => string | undefined
  isState: (actor: string) => boolean
  /** Generic parties (police, rebels). */
  isSector: (actor: string) => boolean
  isOrganisation: (actor: string) => boolean
}

/** `kindOf` gives an actor's kind in the knowledge base ("state", "igo", "sector", "pmc" …). */
export function extractEvents(doc: Doc, pack: LanguagePack, kindOf: (actor: string) => string | undefined = () => undefined, dimensionOf: (mode: string) => string | undefined = () => undefined): RelationEvent[] {
  const kinds: ActorKinds = { kindOf, isState: (id) => kindOf(id) === 'state', isSector: (id) => kindOf(id) === 'sector', isOrganisation: (id) => kindOf(id) === 'igo' }
  const lex = eventLexicon(pack)
  const cues = modalityCues(pack.modality)
  const state: SentenceState = { lastSubject: null, topic: null, narrative: new Map(), times: usableTimesBySentence(doc), timeTokens: timeTokenSet(doc.tokens, doc.times), present: presentDated(doc), settings: new Map(), votedText: null, acts: [], meetings: null }
  const ranges = sentenceTokenRanges(doc.tokens)
  const out: RelationEvent[] = []
  for (const s of doc.sentences) {
    const r = ranges.get(s.index)
    if (!r) continue
    out.push(...sentenceEvents(doc, pack, lex, cues, s.index, r[0], r[1], state, kinds))
  }
  return dedupe(knownVisitsDropped(out, `${pack.code}.consult.presence`), headlineSentence(doc), dimensionOf, doc.text)
}

/**
 * A stay read from a place ("war in Moskau gewesen") adds a visit only where the document tells no
 * meeting of the two on an agreeing date: a report on a visit names its place again and again.
 */
function knownVisitsDropped(events: RelationEvent[], rule: string): RelationEvent[] {
  // The meetings told otherwise, and the visits kept so far (a stay told twice is one visit).
  const meetings = events.filter((x) => x.rule !== rule && x.type === 'CONSULT' && x.target !== null)
  const kept: RelationEvent[] = []
  for (const e of events) {
    const pair = e.rule === rule ? pairKey(e.source, e.target!) : null
    const known = (x: RelationEvent) => pairKey(x.source, x.target!) === pair && datesAgree(x.date, e.date)
    if (pair !== null && (meetings.some(known) || kept.some((x) => x.rule === rule && known(x)))) continue
    kept.push(e)
  }
  return kept
}

/** A report's publication month, as the date of what it tells without a date (`presentPeriod`). */
function presentDated(doc: Doc): Dated | null {
  const month = presentPeriod(doc.times, doc.date, doc.timeMode)
  return month ? { date: month, rule: PRESENT_RULE } : null
}

/** The sentence that is the document's headline, if it has one. */
function headlineSentence(doc: Doc): number | null {
  const title = doc.title?.trim()
  if (!title) return null
  return doc.sentences.find((s) => doc.text.slice(s.start, s.end).trim() === title)?.index ?? null
}
