import type { Doc, Mention, Token } from '../document.ts'
import type { Stage, StageContext } from '../stage.ts'
import { phraseKey, tokenize } from '../../text/tokenize.ts'
import { mentionTokenSet, namesPerson, sentenceTokenRanges, timeTokenSet } from '../spans.ts'
import { nameAt } from './mentions.ts'
import { perPack } from '../../lang/per-grammar.ts'
import { exampleMarkerAt, isQuote, looksAdjectival, prepositionFormsOf } from '../../events/clauses.ts'

type Anchor = 'state' | 'island' | 'monarchy' | 'organisation' | 'grouping' | 'group'

/** What ends a clause's stretch of a sentence. */
const CLAUSE_BREAK = /^[,;:–—()]$/

/** A pack's descriptions as token keys, indexed by their first word, and its word lists as sets. */
const corefData = perPack((pack) => {
  const { coref, grammar } = pack
  const descriptions = [
    ...coref.descriptions.map((d) => ({ keys: phraseKey(d), anchor: 'state' as Anchor })),
    ...coref.islandDescriptions.map((d) => ({ keys: phraseKey(d), anchor: 'island' as Anchor })),
    ...coref.monarchyDescriptions.map((d) => ({ keys: phraseKey(d), anchor: 'monarchy' as Anchor })),
    ...coref.organisationDescriptions.map((d) => ({ keys: phraseKey(d), anchor: 'organisation' as Anchor })),
    ...coref.groupingDescriptions.map((d) => ({ keys: phraseKey(d), anchor: 'grouping' as Anchor })),
    ...coref.groupDescriptions.map((d) => ({ keys: phraseKey(d), anchor: 'group' as Anchor })),
  ]
  const pairPhrases = coref.pairDescriptions.map(phraseKey)
  return {
    descriptionsAt: byFirstWord(descriptions, (d) => d.keys),
    determiners: new Set(coref.determiners),
    heads: new Set([...coref.descriptions, ...coref.islandDescriptions, ...coref.monarchyDescriptions, ...grammar.appositiveHeads].map((w) => phraseKey(w).join(' '))),
    opening: new Set([...coref.determiners, ...grammar.determiners]),
    offices: new Set(coref.offices.map((w) => phraseKey(w).join(' '))),
    pairPhrases,
    pairPhrasesAt: byFirstWord(pairPhrases, (k) => k),
    pairPrepositions: new Set(coref.pairPrepositions),
    particles: new Set(grammar.nameParticles),
    objectPronouns: new Set(grammar.objectPronouns),
    personPronouns: new Set(grammar.personObjectPronouns),
    relativePronouns: new Set(grammar.relativePronouns),
    partnerNouns: new Set(coref.partnerDescriptions.map((w) => phraseKey(w)[0]!)),
    relationalPhrasesAt: byFirstWord(coref.relationalDescriptions.map(phraseKey), (k) => k),
    ownNouns: new Set(coref.ownDescriptions.map((w) => phraseKey(w)[0]!)),
    speechVerbs: new Set(grammar.speechVerbs),
    subordinators: new Set(grammar.subordinators),
    appositiveHeads: new Set(grammar.appositiveHeads.map((w) => phraseKey(w).join(' '))),
    hostingPrepositions: new Set(grammar.hostingPrepositions),
    partnerDeterminers: new Set(coref.partnerDeterminers),
    locatives: new Set(coref.locatives),
  }
})

/** Items with token keys, by the first key, in their order. */
function byFirstWord<T>(items: T[], keys: (x: T) => string[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const x of items) {
    const first = keys(x)[0]
    if (first === undefined) continue
    const list = out.get(first)
    if (list) list.push(x)
    else out.set(first, [x])
  }
  return out
}

/**
 * Definite descriptions that stand for a state named before ("das Land", "die Junta",
 * "die Hauptstadt"): each becomes a mention of that state, with the antecedent it refers to.
 * The antecedent is the state that opens the latest sentence naming a participant (not after a
 * preposition) within the window, else the last participant named. A description met again ("die Junta") keeps the state it stood for before.
 */
export function resolveDescriptions(doc: Doc, ctx: StageContext): Mention[] {
  const { coref } = ctx.pack
  const data = corefData(ctx.pack)
  const { determiners } = data
  const taken = mentionTokenSet(doc.mentions)
  const isState = (id: string) => ctx.kb.actors.get(id)?.kind === 'state'
  const isOrg = (id: string) => ctx.kb.actors.get(id)?.kind === 'igo'
  const stateAnchors = doc.mentions.filter((m) => m.kind !== 'adjective' && isState(m.actor)).sort((a, b) => a.start - b.start)
  const orgAnchors = doc.mentions.filter((m) => isOrg(m.actor)).sort((a, b) => a.start - b.start)
  const isGroup = (id: string) => ['armed_group', 'pmc'].includes(ctx.kb.actors.get(id)?.kind ?? '')
  const groupAnchors = doc.mentions.filter((m) => m.kind !== 'adjective' && isGroup(m.actor)).sort((a, b) => a.start - b.start)
  // "die Insel" after Cuba and the United States is Cuba: only a state on islands.
  const islandAnchors = stateAnchors.filter((m) => ctx.kb.actors.get(m.actor)?.island)
  // "das Emirat" after Saudi Arabia, Egypt and Qatar is Qatar or Saudi Arabia: only a monarchy.
  const monarchyAnchors = stateAnchors.filter((m) => ctx.kb.actors.get(m.actor)?.monarchy)
  // "das Bündnis" after the Security Council and the Saudi-led coalition is no council: only a grouping of states.
  const groupingAnchors = orgAnchors.filter((m) => ctx.kb.actors.get(m.actor)?.grouping)
  const anchorsOf = { state: stateAnchors, island: islandAnchors, monarchy: monarchyAnchors, organisation: orgAnchors, grouping: groupingAnchors, group: groupAnchors }
  const added: Mention[] = []
  const preps = prepositionFormsOf(ctx.pack.grammar)
  // "in der Gruppe Opec+": a noun the name stands in apposition to may come between.
  const afterPreposition = (m: Mention) => [1, 2, 3].some((k) => preps.has(doc.tokens[m.tokenStart - k]?.norm ?? '')
    && doc.tokens.slice(m.tokenStart - k + 1, m.tokenStart).every((t, n, all) => t.kind === 'word' && (/^\p{Ll}/u.test(t.text) || n === all.length - 1 && data.heads.has(t.norm))))
  const before: Record<string, string> = {}
  /** Where each description was last resolved. */
  const beforeAt: Record<string, number> = {}
  // The last state named as a participant rather than after a preposition ("mit der Türkei",
  // "für Putin"), else the last state named at all.
  // "Washington schloss das Land aus": a description never refers to a participant of its own
  // clause ("in Mali herrscht die Junta" names a place, and may).
  // An actor named in apposition to a noun ("die Hauptstadt Bamako") is an object, not the subject.
  const heads = data.heads
  const apposed = (m: Mention) => heads.has(doc.tokens[m.tokenStart - 1]?.norm ?? '')
  const opening = data.opening
  const opensSentence = (m: Mention) => {
    for (let k = m.tokenStart - 1; k >= 0 && doc.tokens[k]!.sentence === m.sentence; k--) if (!opening.has(doc.tokens[k]!.norm)) return false
    return true
  }
  // A state that opens its sentence, or stands right after a verb that opens a clause ("…, erfuhr die Türkei:").
  /** Where the lower-case word (a verb) right before `m` stands, past an article, or -1. */
  const verbBefore = (m: Mention) => {
    let k = m.tokenStart - 1
    if (determiners.has(doc.tokens[k]?.norm ?? '')) k--
    const verb = doc.tokens[k]
    return !!verb && verb.kind === 'word' && /^\p{Ll}/u.test(verb.text) && verb.sentence === m.sentence ? k : -1
  }
  const subjectLike = (m: Mention) => {
    if (opensSentence(m)) return true
    const k = verbBefore(m)
    return k >= 0 && doc.tokens[k - 1]?.text === ','
  }
  // "hatte Chișinău besucht und dem Land Hilfe zugesichert": a conjunction after a verb opens another act of the clause
  // (where nouns are capitalised, the lower-case word before it is no noun).
  const coordinators = new Set(ctx.pack.grammar.capitalisesNouns ? ctx.pack.grammar.coordinators : [])
  // "Am 3. März beantragten Moldau und Georgien …": the first actor of a sentence, right after the verb of its first
  // clause (no comma before it), is that clause's subject, and the sentence is about it.
  const firstAfterVerb = (m: Mention) => {
    if (doc.mentions.some((o) => o.sentence === m.sentence && o.tokenStart < m.tokenStart)) return false
    const k = verbBefore(m)
    if (k < 0) return false
    for (let j = k - 1; j >= 0 && doc.tokens[j]!.sentence === m.sentence; j--) if (CLAUSE_BREAK.test(doc.tokens[j]!.text)) return false
    return true
  }
  // "Bahrain, Ägypten und Jordanien brachen ihre Beziehungen zu dem Königreich ab": a comma before the
  // next actor of a list is no clause break.
  const listStarts = new Set(doc.mentions.map((m) => m.tokenStart))
  const sameClause = (m: Mention, at: number) => m.sentence === doc.tokens[at]!.sentence && !afterPreposition(m) && !apposed(m)
    && !doc.tokens.slice(m.tokenEnd, at).some((t, n, all) => (t.kind === 'punct' && /[,;:–—()]/.test(t.text) && !(t.text === ',' && listStarts.has(m.tokenEnd + n + 1)))
      || (coordinators.has(t.norm) && n > 0 && all[n - 1]!.kind === 'word' && /^\p{Ll}/u.test(all[n - 1]!.text)))
  const salient = (anchors: Mention[], at: number, sentence: number): Mention | undefined => {
    // "Russland liefert der Insel Rohöl": nor to the state that acts in its clause where an earlier sentence names it too.
    const own = new Set(anchors.filter((m) => m.tokenStart < at && sameClause(m, at)).map((m) => m.actor))
    const inWindow = anchors.filter((m) => m.tokenStart < at && sentence - m.sentence <= ctx.pack.coref.window && !own.has(m.actor))
    const participants = inWindow.filter((m) => !afterPreposition(m) && !m.genitive)
    // A state that opens the latest sentence is what that sentence is about ("Armenia's parliament
    // passed a law … from its ally Russia. The government plans …" is Armenia's); else the last one.
    const latest = participants.at(-1)
    const opener = latest && participants.find((m) => m.sentence === latest.sentence && (opensSentence(m) || firstAfterVerb(m)))
    return opener ?? latest ?? inWindow.at(-1)
  }
  // "zum westlichen Nachbarland": the determiner may stand before an adjective or two.
  const adjectival = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Ll}/u.test(t.text) && t.text.length > 4
    && ctx.pack.grammar.adjectiveEndings.some((e) => e && t.norm.endsWith(e)) && !determiners.has(t.norm)
  // "the 32 allies": a number may stand where an adjective does.
  const modifier = (t: Token | undefined) => adjectival(t) || t?.kind === 'number'
  /** Where the determiner of a description at `i` stands, or -1. */
  const determinerAt = (i: number): number => {
    if (determiners.has(doc.tokens[i - 1]?.norm ?? '')) return i - 1
    if (!modifier(doc.tokens[i - 1])) return -1
    if (determiners.has(doc.tokens[i - 2]?.norm ?? '')) return i - 2
    if (modifier(doc.tokens[i - 2]) && determiners.has(doc.tokens[i - 3]?.norm ?? '')) return i - 3
    // "das von Moskau dominierte Bündnis": a participle may carry a phrase of its own, which a
    // preposition opens right after the determiner (a few words, within the sentence, no punctuation).
    for (let j = i - 3; j >= i - 6 && j >= 0; j--) {
      const t = doc.tokens[j]!
      if (t.sentence !== doc.tokens[i]!.sentence || t.kind === 'punct') return -1
      if (determiners.has(t.norm) && preps.has(doc.tokens[j + 1]!.norm)) return j
    }
    return -1
  }
  const determined = (i: number) => determinerAt(i) >= 0
  const { speechVerbs, subordinators, appositiveHeads } = data
  // A clause's stretch of its sentence, as far as a comma, colon, semicolon, dash or parenthesis (or a word of `until`).
  const clauseBreak = (t: Token) => CLAUSE_BREAK.test(t.text)
  const clauseEnd = (k: number, sentence: number, until?: ReadonlySet<string>) => {
    while (k < doc.tokens.length && doc.tokens[k]!.sentence === sentence && !clauseBreak(doc.tokens[k]!) && !until?.has(doc.tokens[k]!.norm)) k++
    return k
  }
  const clauseStart = (k: number, sentence: number) => {
    while (k > 0 && doc.tokens[k - 1]!.sentence === sentence && !clauseBreak(doc.tokens[k - 1]!)) k--
    return k
  }
  /** The parties named from token `from` up to `to`, not after a preposition: none of them is the state a description or an office before them stands for. */
  const partiesBetween = (from: number, to: number) => new Set(doc.mentions.filter((m) => m.tokenStart >= from && m.tokenStart < to && !afterPreposition(m)).map((m) => m.actor))
  // "Außenminister Max Muster sagte", "der Vizeregierungschef sagte": an office nobody's state names
  // stands for the state the passage is about; a name after it is its holder.
  const offices = data.offices
  const officeArticles = new Set(coref.officeArticles)
  const sentenceEnds = new Map([...sentenceTokenRanges(doc.tokens)].map(([n, [, to]]) => [n, to]))
  const timeTokens = timeTokenSet(doc.tokens, doc.times)
  /** The end of a name nobody listed right after token `i` (as after a role: `nameAt`), or -1. */
  const holderEnd = (i: number) => {
    const end = nameAt(doc, i + 1, sentenceEnds.get(doc.tokens[i]!.sentence)!, timeTokens, ctx)
    return end > i + 1 && !doc.tokens.slice(i + 1, end).some((_, n) => taken.has(i + 1 + n)) ? end : -1
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    if (taken.has(i) || !offices.has(doc.tokens[i]!.norm) || (ctx.pack.grammar.capitalisesNouns && !/^\p{Lu}/u.test(doc.tokens[i]!.text))) continue
    // "der iranische Vizeaußenminister": a demonym right before the office names its state.
    if (doc.mentions.some((m) => m.tokenEnd === i && m.kind === 'adjective')) continue
    const named = holderEnd(i)
    const end = named < 0 ? i + 1 : named
    const sentence = doc.tokens[i]!.sentence
    /** The office (with the name of its holder after it) as a mention of the state `antecedent` names. */
    const addOffice = (antecedent: Mention, rule: string) => {
      const holder = named < 0 ? {} : { person: `doc:${doc.text.slice(doc.tokens[i + 1]!.start, doc.tokens[end - 1]!.end)}` }
      added.push({
        start: doc.tokens[i]!.start, end: doc.tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, sentence,
        actor: antecedent.actor, kind: named < 0 ? 'coref' : 'person', genitive: false, ...holder, antecedent: antecedent.start, rule: `${ctx.pack.code}.${rule}`,
      })
      for (let k = i; k < end; k++) taken.add(k)
    }
    // So does a state's genitive ("Kasachstans Energieminister Bolat Aktschulakow"): the office and the name after it are that state's.
    const owner = doc.mentions.find((m) => m.tokenEnd === i && m.genitive && m.kind !== 'person' && m.kind !== 'role' && m.kind !== 'adjective')
    if (owner) {
      addOffice(owner, 'coref.office-of-genitive')
      continue
    }
    // "Ein Regierungssprecher sagte": an office with an indefinite article speaks for the passage's state too.
    if (named < 0 && !determined(i) && !officeArticles.has(doc.tokens[i - 1]?.norm ?? '')) continue
    // "der Präsident von Russland aus": a circumposition after the office names where from, not whose.
    const closer = doc.mentions.find((m) => m.tokenStart === end + 1)?.tokenEnd
    const origin = closer !== undefined && (ctx.pack.grammar.originCircumpositions[doc.tokens[end]?.norm ?? ''] ?? []).includes(doc.tokens[closer]?.norm ?? '')
    // "der Präsident Kasachstans", "Präsident Putin": the mention stage has read those already.
    if (doc.mentions.some((m) => m.tokenStart === end || (m.tokenStart === end + 1 && ctx.pack.grammar.titleLinks.includes(doc.tokens[end]!.norm))) && !origin) continue
    // "Die Generalstabschefs von zwölf Staaten": an office linked to what follows it is that one's, not the passage's.
    if (named < 0 && ctx.pack.grammar.titleLinks.includes(doc.tokens[end]?.norm ?? '') && doc.tokens[end]!.sentence === sentence && !timeTokens.has(end + 1) && !origin) continue
    // "Präsident Rodrigo Duterte … hielt sich der Präsident in Moskau auf": the office alone names
    // the last person the text introduced with it.
    const office = doc.tokens[i]!.norm
    // One office in another case ("Präsidenten", "Kanzlers"): the same word with a case ending.
    const endings = coref.officeCaseEndings
    const sameOffice = (w: string) => w === office || offices.has(w) && endings.some((e) => w + e === office || office + e === w)
    const introduced = named < 0 ? doc.mentions.filter((m) => m.person && m.tokenEnd <= i && doc.tokens.slice(m.tokenStart, m.tokenEnd).some((t) => sameOffice(t.norm))).at(-1) : undefined
    if (introduced) {
      added.push({
        start: doc.tokens[i]!.start, end: doc.tokens[i]!.end, tokenStart: i, tokenEnd: i + 1, sentence,
        actor: introduced.actor, kind: 'coref', genitive: false, antecedent: introduced.start, rule: `${ctx.pack.code}.coref.office-holder`,
      })
      taken.add(i)
      continue
    }
    if (!stateAnchors.some((m) => m.start < doc.tokens[i]!.start && sentence - m.sentence <= coref.window)) continue
    // "Armeechef Romeo Brawner warf der chinesischen Küstenwache vor": an office holder does not act upon
    // his own state, so no state named after him in his clause (up to the next comma) is his; a place
    // there may be ("Regierungssprecher Max Muster sagte in Berlin").
    // Nor a person or office holder he acts upon ("legte beim russischen Botschafter Protest ein"): neither is a place.
    const stop = clauseEnd(end, sentence)
    const partiesAfter = partiesBetween(end, stop)
    for (const m of doc.mentions) if (m.tokenStart >= end && m.tokenStart < stop && (m.kind === 'person' || m.kind === 'role')) partiesAfter.add(m.actor)
    const antecedent = salient(stateAnchors.filter((m) => !partiesAfter.has(m.actor)), i, sentence)
    if (antecedent) addOffice(antecedent, 'coref.office')
  }
  for (let i = 1; i < doc.tokens.length; i++) {
    if (taken.has(i) || !determined(i)) continue
    // A word that describes both an organisation and a group ("die Organisation") stands for the kind named last.
    const latestAnchor = (d: { anchor: Anchor }) => anchorsOf[d.anchor].filter((m) => m.start < doc.tokens[i]!.start).at(-1)?.start ?? -1
    const found = (data.descriptionsAt.get(doc.tokens[i]!.norm) ?? []).filter(({ keys }) => keys.every((k, n) => doc.tokens[i + n]?.norm === k && doc.tokens[i + n]!.sentence === doc.tokens[i]!.sentence))
      .sort((a, b) => latestAnchor(b) - latestAnchor(a))[0]
    if (!found) continue
    const d = found.keys
    const anchors = anchorsOf[found.anchor]
    const end = i + d.length
    // "die Junta in Bamako", "das Regime Assads": the description has its own actor right after it.
    // "das Nachbarland Finnland": a name right after the description is what it describes.
    // "Am Mittwoch kritisierte die Allianz Russland": a name of another kind than the description's is no apposition.
    const next = doc.mentions.find((m) => m.tokenStart === end || m.tokenStart === end + 1 && ctx.pack.grammar.titleLinks.includes(doc.tokens[end]!.norm))
    const sameKind = (id: string) => (found.anchor === 'organisation' || found.anchor === 'grouping' ? isOrg(id) : found.anchor === 'group' ? isGroup(id) : true)
    // "Zugleich forderte die Regierung Moskau auf": a bare name after a description that takes no apposition
    // (`appositiveHeads`) is its clause's object; a genitive ("die Regierung Russlands") is its owner.
    const apposes = next && (next.tokenStart === end + 1 || next.genitive || appositiveHeads.has(doc.tokens[end - 1]!.norm))
    if (next && sameKind(next.actor) && apposes && (next.tokenStart === end + 1 || next.kind !== 'adjective')) continue
    // "Die Regierung Hadis begrüßte …": a name in the genitive right after it, one the knowledge base does
    // not list, owns it; the description is not a state named before.
    const owner = doc.tokens[end]
    const genitive = ctx.pack.grammar.genitive
    if (ctx.pack.grammar.capitalisesNouns && genitive && owner && owner.sentence === doc.tokens[i]!.sentence && !taken.has(end) && /^\p{Lu}/u.test(owner.text)
      && owner.norm.endsWith(genitive.suffix) && !doc.times.some((t) => t.start <= owner.start && t.end >= owner.end)) continue
    // "die kasachische Hauptstadt": an adjective of the description's own phrase names whose it is.
    const determiner = determinerAt(i)
    const named = doc.mentions.find((m) => m.kind === 'adjective' && m.tokenStart > determiner && m.tokenEnd <= i && sameKind(m.actor))
    // "die Junta um Oberst Goïta": the person it is led by, a title or two after the link, names whose it is.
    if (ctx.pack.coref.leaderLinks.includes(doc.tokens[end]?.norm ?? '') && doc.mentions.some((m) => m.person && m.tokenStart > end && m.tokenStart <= end + 3 && m.sentence === doc.tokens[i]!.sentence)) continue
    const sentence = doc.tokens[i]!.sentence
    const key = d.join(' ')
    const recent = anchors.some((m) => m.start < doc.tokens[i]!.start && sentence - m.sentence <= ctx.pack.coref.window)
    // "… der Eurasischen Wirtschaftsunion an. … Die Union war … hervorgegangen. Armenien trat der Wirtschaftsunion bei":
    // an organisation a description named within the window keeps being the one meant, however long ago its name fell.
    const chained = !recent && (found.anchor === 'organisation' || found.anchor === 'grouping') ? added.filter((m) => m.rule === `${ctx.pack.code}.coref.description` && isOrg(m.actor) && m.start < doc.tokens[i]!.start && sentence - m.sentence <= ctx.pack.coref.window).at(-1) : undefined
    if (!recent && !named && !chained) continue
    // A description met again keeps its state (`kept`), unless another state took the stage since, as the
    // subject of this sentence or the one before ("…, erfuhr die Türkei: … schlossen die USA das Land aus");
    // not a state its own clause names ("Die letzten französischen Soldaten verließen das Land").
    const since = beforeAt[key] ?? -1
    const clauseFrom = clauseStart(i, sentence)
    const clauseTo = clauseEnd(i, sentence)
    const ownClause = new Set(doc.mentions.filter((m) => m.tokenStart >= clauseFrom && m.tokenEnd <= clauseTo).map((m) => m.actor))
    const displaced = anchors.some((m) => m.start > since && m.start < doc.tokens[i]!.start && sentence - m.sentence <= 1 && m.actor !== before[key] && !ownClause.has(m.actor) && !afterPreposition(m) && !m.genitive && subjectLike(m))
    const kept = before[key] && !displaced ? anchors.filter((m) => m.actor === before[key] && m.start < doc.tokens[i]!.start).at(-1) : undefined
    // "In Washington erhob das Justizministerium Anklage": a capital that opens the sentence after a
    // preposition of place names whose institution it is.
    const placed = anchors.find((m) => m.sentence === sentence && m.tokenStart < i && m.kind === 'metonym' && data.locatives.has(doc.tokens[m.tokenStart - 1]?.norm ?? '')
      && doc.tokens[m.tokenStart - 2]?.sentence !== sentence)
    // Nor one its own words name ("das von Russland geführte Land").
    const from = doc.tokens[determinerAt(i)]!.start
    // "Zugleich forderte die Regierung Moskau auf, …": as for an office, no party its clause names after
    // it (up to the next comma) is the description's own state.
    // It ends at a conjunction too ("… to defend the country when Azerbaijani forces attacked Armenian territory").
    const stop = clauseEnd(end, sentence, subordinators)
    const partiesAfter = partiesBetween(end, stop)
    // "Kazakh officials have said that the country will not help Moscow": in what a speaker that opens the
    // sentence says, with no other state named between them, the country is the speaker's.
    const speaker = found.anchor === 'state' ? doc.mentions.find((m) => m.sentence === sentence && m.tokenEnd <= determiner && opensSentence(m) && !partiesAfter.has(m.actor)
      // Only in what is said, past a comma or a conjunction after the verb: "Paris forderte die Junta auf" is no speech about Paris.
      && isState(m.actor) && doc.tokens.slice(m.tokenEnd, determiner).some((t, n, all) => speechVerbs.has(t.norm) && all.slice(n + 1).some((w) => CLAUSE_BREAK.test(w.text) || subordinators.has(w.norm)))
      // Not past another state named in between ("Peskov called the move Armenia's right but warned that the country …").
      && !doc.mentions.some((o) => o.tokenStart >= m.tokenEnd && o.tokenEnd <= determiner && isState(o.actor) && o.actor !== m.actor)) : undefined
    const antecedent = named ?? placed ?? speaker ?? kept ?? chained ?? salient(anchors.filter((m) => m.end <= from && !partiesAfter.has(m.actor)), i, sentence)
    if (!antecedent) continue
    before[key] = antecedent.actor
    beforeAt[key] = doc.tokens[i]!.start
    added.push({
      start: doc.tokens[i]!.start, end: doc.tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, sentence,
      actor: antecedent.actor, kind: 'coref', genitive: false, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.description`,
    })
  }
  // A holder named after an office may be named again by a part of the name: "Amangeldijew sagte".
  const holders = added.filter((m) => m.person)
  added.push(...resolveShortNames(holders.length ? { ...doc, mentions: [...doc.mentions, ...holders].sort((a, b) => a.start - b.start) } : doc, ctx, taken))
  added.push(...resolveShortOrganisations(doc, ctx, taken))
  added.push(...resolvePlaceAdverbs(doc, ctx, taken, isState))
  added.push(...resolveObjectPronouns(doc, ctx, taken, afterPreposition))
  added.push(...resolvePartners(doc, ctx, taken, afterPreposition))
  added.push(...resolveRelational(doc, ctx, taken, afterPreposition, isState))
  added.push(...resolveOwn(doc, ctx, taken))
  added.push(...resolvePairs(doc, ctx, taken, afterPreposition))
  return added
}

/**
 * "Beide Seiten kündigten an …", "the two countries expelled each other's envoys": a phrase that
 * names the two states of the story at once becomes two mentions on the same words, one for each of
 * the last two states (or organisations) named as participants within the window.
 */
function resolvePairs(doc: Doc, ctx: StageContext, taken: Set<number>, afterPreposition: (m: Mention) => boolean): Mention[] {
  const { pairPhrases, pairPhrasesAt, pairPrepositions: pairPreps } = corefData(ctx.pack)
  if (!pairPhrases.length) return []
  // A participant, or one of the two a pair preposition introduces; not a place or an origin ("aus Nordkorea angereist").
  const byEnd = new Map(doc.mentions.map((m) => [m.tokenEnd, m]))
  // "zwischen Israel und Iran": both; the second is joined to the first by a conjunction.
  const introduced = (m: Mention): boolean => [1, 2].some((k) => pairPreps.has(doc.tokens[m.tokenStart - k]?.norm ?? ''))
    || ctx.pack.grammar.coordinators.includes(doc.tokens[m.tokenStart - 1]?.norm ?? '') && !!byEnd.get(m.tokenStart - 1) && [1, 2].some((k) => pairPreps.has(doc.tokens[byEnd.get(m.tokenStart - 1)!.tokenStart - k]?.norm ?? ''))
  const party = (m: Mention) => m.kind !== 'adjective' && !m.genitive && (!afterPreposition(m) || introduced(m))
    && ['state', 'igo'].includes(ctx.kb.actors.get(m.actor)?.kind ?? '')
  const out: Mention[] = []
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    // The longest phrase that starts here: "beide Länder" before "beide".
    const keys = phraseAt(doc.tokens, i, pairPhrasesAt, taken)
    if (!keys) continue
    const end = i + keys.length
    // "trafen sich beide erneut": a lone word of the pair stands for it only as a pronoun, not as the
    // article of a noun phrase ("die beiden Europäer", "in beiden Gebieten").
    const following = doc.tokens[end]
    // An adjective there goes on to its noun ("die beiden großen Staaten"); a verb does not ("wo beide zusagten, …").
    const noun = doc.tokens[end + 1]
    const adjective = looksAdjectival(following!, ctx.pack.grammar) && !!noun && noun.kind === 'word' && noun.sentence === t.sentence && (/^\p{Lu}/u.test(noun.text) || looksAdjectival(noun, ctx.pack.grammar))
    if (keys.length === 1 && following && following.sentence === t.sentence && following.kind === 'word'
      && (/^\p{Lu}/u.test(following.text) || adjective)) continue
    // "… zwischen Israel und Iran hat Russland beide Staaten zur Zurückhaltung aufgerufen": by binding, the
    // pair is never its own clause's subject (named before it in the sentence, no comma between).
    // Not a pair that qualifies a noun ("lobte die Freundschaft beider Länder", "die Marinen beider Länder"),
    // nor one past a clause's punctuation ("traf Johnson; beide verständigten sich").
    // (Quotation marks may close the noun's phrase: "die „bewährte Freundschaft“ beider Länder".)
    let b = i - 1
    while (b > 0 && isQuote(doc.tokens[b])) b--
    const before = doc.tokens[b]
    const attribute = !!before && before.kind === 'word' && /^\p{Lu}/u.test(before.text) && !byEnd.has(i)
    // "Russland, das in Armenien einen Stützpunkt unterhält, verkauft beiden Ländern Waffen": a relative
    // clause set off by commas after the subject does not end its clause.
    const between = (m: Mention) => {
      const words = doc.tokens.slice(m.tokenEnd, i)
      if (words[0]?.text !== ',' || !ctx.pack.grammar.relativePronouns.includes(words[1]?.norm ?? '')) return words
      const close = words.findIndex((w, k) => k > 0 && w.text === ',')
      return close > 0 ? words.slice(close + 1) : words
    }
    const ownSubject = (m: Mention) => !attribute && m.sentence === t.sentence && !introduced(m) && !between(m).some((w) => CLAUSE_BREAK.test(w.text))
    const two: Mention[] = []
    // Nor is the subject's actor, named again before ("Russland … Russland, das …, verkauft beiden Ländern").
    const subjects = new Set(doc.mentions.filter((x) => x.start < t.start && x.sentence === t.sentence && party(x) && ownSubject(x)).map((x) => x.actor))
    const window = (x: Mention) => x.start < t.start && t.sentence - x.sentence <= ctx.pack.coref.window && !subjects.has(x.actor)
    for (const m of doc.mentions.filter((x) => window(x) && party(x)).reverse()) {
      if (!two.some((x) => x.actor === m.actor)) two.push(m)
      if (two.length === 2) break
    }
    // With one party named as such, a state named after a preposition completes the pair ("… für Eriwan …
    // Russland, das in Armenien einen Stützpunkt unterhält, verkauft beiden Ländern Waffen"); not for a
    // pair that qualifies a noun ("lobte die Freundschaft beider Länder").
    if (two.length === 1 && !attribute) {
      const placed = doc.mentions.filter((x) => window(x) && x.kind !== 'adjective' && ctx.kb.actors.get(x.actor)?.kind === 'state' && x.actor !== two[0]!.actor).at(-1)
      if (placed) two.push(placed)
    }
    if (two.length < 2) continue
    for (const antecedent of two.reverse()) {
      out.push({ start: t.start, end: doc.tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, sentence: t.sentence, actor: antecedent.actor, kind: 'coref', genitive: false, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.pair` })
    }
    i = end - 1
  }
  return out
}

/**
 * "Kim Jong Un … Kim sicherte Moskau … zu": once a person is named in full, the first or the last
 * part of the name alone refers to them for the rest of the document.
 */
function resolveShortNames(doc: Doc, ctx: StageContext, taken: Set<number>): Mention[] {
  /** Each way the document may name a person again: the full name, its first and its last word. */
  const byName = new Map<string, Mention>()
  const people = doc.mentions.filter((m) => m.person).sort((a, b) => a.start - b.start)
  const added: Mention[] = []
  const { particles } = corefData(ctx.pack)
  let next = 0
  for (let i = 0; i < doc.tokens.length; i++) {
    while (next < people.length && people[next]!.tokenEnd <= i) {
      const m = people[next++]!
      const names = m.person!.startsWith('doc:') ? [m.person!.slice(4)] : ctx.kb.people.get(m.person!)?.names ?? []
      const text = doc.text.slice(m.start, m.end)
      const named = names.find((n) => text.endsWith(n)) ?? names[0]
      const words = named ? tokenize(named).filter((t) => t.kind === 'word') : []
      if (words.length >= 2) byName.set(words.map((w) => w.norm).join(' '), m)
      // "Von der Leyen": a particle of a name ("von", "al", "bin") is no way of naming the person alone.
      for (const w of [words[0], words.at(-1)]) if (w && w.text.length >= 3 && !particles.has(w.norm)) byName.set(w.norm, m)
    }
    const t = doc.tokens[i]!
    if (taken.has(i) || t.kind !== 'word' || !/^\p{Lu}/u.test(t.text)) continue
    // The longest way of naming someone that starts here: "To Lam" before "Lam".
    let found: { antecedent: Mention; end: number } | null = null
    for (let end = Math.min(doc.tokens.length, i + 4); end > i && !found; end--) {
      if (doc.tokens[end - 1]!.kind !== 'word' || doc.tokens.slice(i, end).some((w, k) => taken.has(i + k) || w.sentence !== t.sentence)) continue
      const key = doc.tokens.slice(i, end).filter((w) => w.kind === 'word').map((w) => w.norm).join(' ')
      const antecedent = byName.get(key)
      if (antecedent) found = { antecedent, end }
    }
    if (!found) continue
    // "Kim Jong" in a different full name is not this person: the next word must not continue a name.
    const after = doc.tokens[found.end]
    if (after && after.kind === 'word' && /^\p{Lu}/u.test(after.text) && !taken.has(found.end) && after.start === doc.tokens[found.end - 1]!.end + 1 && byName.get(after.norm) !== found.antecedent) continue
    const { antecedent, end } = found
    added.push({
      start: t.start, end: doc.tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, sentence: t.sentence,
      actor: antecedent.actor, kind: 'person', genitive: false, person: antecedent.person!, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.short-name`,
    })
    i = end - 1
  }
  return added
}

/**
 * "der UN-Sicherheitsrat … Ende Juni hatte der Sicherheitsrat …": once an organisation is named by a
 * hyphenated compound, its last part after an article names it for the rest of the document, in
 * any case (`officeCaseEndings`).
 */
function resolveShortOrganisations(doc: Doc, ctx: StageContext, taken: Set<number>): Mention[] {
  const isOrganisation = (id: string) => ctx.kb.actors.get(id)?.kind === 'igo'
  const { determiners } = corefData(ctx.pack)
  const endings = ['', ...ctx.pack.coref.officeCaseEndings]
  const named = doc.mentions.filter((m) => m.kind === 'name' && isOrganisation(m.actor) && m.tokenEnd - m.tokenStart >= 3 && doc.tokens[m.tokenEnd - 2]!.text === '-').sort((a, b) => a.start - b.start)
  if (!named.length) return []
  const added: Mention[] = []
  const byHead = new Map<string, Mention>()
  let next = 0
  for (let i = 1; i < doc.tokens.length; i++) {
    while (next < named.length && named[next]!.tokenEnd <= i) {
      const m = named[next++]!
      const head = doc.tokens[m.tokenEnd - 1]!
      if (/^\p{Lu}/u.test(head.text) && head.norm.length >= 5) for (const e of endings) byHead.set(head.norm + e, m)
    }
    const t = doc.tokens[i]!
    const antecedent = byHead.get(t.norm)
    if (!antecedent || taken.has(i) || !/^\p{Lu}/u.test(t.text) || !determiners.has(doc.tokens[i - 1]!.norm) || doc.tokens[i + 1]?.text === '-') continue
    if (doc.mentions.some((m) => m.tokenStart <= i && i < m.tokenEnd)) continue
    added.push({
      start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, sentence: t.sentence,
      actor: antecedent.actor, kind: 'coref', genitive: false, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.short-organisation`,
    })
    taken.add(i)
  }
  return added
}

/**
 * "war nach Moskau gereist und hatte dort um Waffen gebeten": a place adverb (`placeAdverbs`) points
 * back to the last state named after a hosting preposition ("in", "nach") in its sentence or the one
 * before.
 */
function resolvePlaceAdverbs(doc: Doc, ctx: StageContext, taken: Set<number>, isState: (id: string) => boolean): Mention[] {
  const adverbs = ctx.pack.grammar.placeAdverbs
  if (!Object.keys(adverbs).length) return []
  const { determiners, hostingPrepositions: hosting } = corefData(ctx.pack)
  const hosted = (m: Mention) => {
    let k = m.tokenStart - 1
    if (determiners.has(doc.tokens[k]?.norm ?? '')) k--
    return hosting.has(doc.tokens[k]?.norm ?? '')
  }
  const places = doc.mentions.filter((m) => m.kind !== 'adjective' && isState(m.actor) && hosted(m)).sort((a, b) => a.start - b.start)
  const added: Mention[] = []
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    if (taken.has(i) || adverbs[t.norm] === undefined) continue
    const place = places.filter((m) => m.tokenEnd <= i && t.sentence - m.sentence <= 1).at(-1)
    if (!place) continue
    added.push({
      start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, sentence: t.sentence,
      actor: place.actor, kind: 'coref', genitive: false, antecedent: place.start, rule: `${ctx.pack.code}.coref.place`,
    })
    taken.add(i)
  }
  return added
}

/** "Russland stellte sich hinter seinen engsten Verbündeten": a partner named before, not the clause's subject. */
function resolvePartners(doc: Doc, ctx: StageContext, taken: Set<number>, afterPreposition: (m: Mention) => boolean): Mention[] {
  // A possessive within the two words before: "seinen (engsten) Verbündeten".
  // Never the possessor's own state: "Putin warnte seinen Amtskollegen" is not Russia's colleague of Russia.
  const possessors = (t: Token) => new Set(doc.mentions.filter((m) => m.sentence === t.sentence && m.end <= t.start && !doc.text.slice(m.end, t.start).includes(',')).map((m) => m.actor))
  return resolvePossessed(doc, ctx, taken, corefData(ctx.pack).partnerNouns, [1, 2], 'partner', (t) => {
    const own = possessors(t)
    return boundAntecedent(doc.mentions, t, 2, afterPreposition, (m) => ctx.kb.actors.get(m.actor)?.kind === 'state' && !own.has(m.actor))
  })
}

/**
 * "Tokayev said his country would not recognise …", "sein Land": a possessive right before an own
 * description names the state of its owner, the last person, office or state named before it in
 * the sentence (else in the sentence before).
 */
function resolveOwn(doc: Doc, ctx: StageContext, taken: Set<number>): Mention[] {
  const isState = (id: string) => ctx.kb.actors.get(id)?.kind === 'state'
  return resolvePossessed(doc, ctx, taken, corefData(ctx.pack).ownNouns, [1], 'own', (t) => {
    const owners = doc.mentions.filter((m) => m.start < t.start && t.sentence - m.sentence <= 1 && m.kind !== 'adjective' && isState(m.actor))
    return owners.filter((m) => m.sentence === t.sentence).at(-1) ?? owners.at(-1)
  })
}

/** A description (by its first word) after a possessive (`back` words before it, in its sentence), resolved to the actor `pick` names. */
function resolvePossessed(doc: Doc, ctx: StageContext, taken: Set<number>, nouns: Set<string>, back: number[], rule: string, pick: (t: Token) => Mention | undefined): Mention[] {
  const dets = corefData(ctx.pack).partnerDeterminers
  const out: Mention[] = []
  for (let i = 1; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    // A language that capitalises nouns writes the description with a capital.
    if (taken.has(i) || !nouns.has(t.norm) || (ctx.pack.grammar.capitalisesNouns && !/^\p{Lu}/u.test(t.text))) continue
    const det = back.map((k) => i - k).find((k) => k >= 0 && dets.has(doc.tokens[k]!.norm) && doc.tokens[k]!.sentence === t.sentence)
    if (det === undefined) continue
    const antecedent = pick(t)
    if (!antecedent) continue
    out.push({ start: doc.tokens[det]!.start, end: t.end, tokenStart: det, tokenEnd: i + 1, sentence: t.sentence, actor: antecedent.actor, kind: 'coref', genitive: false, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.${rule}` })
  }
  return out
}

/** The longest of `phrasesAt`'s phrases (token keys by first word) that starts at token `i`, within its sentence and on no token `taken`. */
function phraseAt(tokens: Token[], i: number, phrasesAt: Map<string, string[][]>, taken: Set<number>): string[] | undefined {
  const t = tokens[i]!
  return phrasesAt.get(t.norm)?.filter((k) => k.every((w, n) => tokens[i + n]?.norm === w && tokens[i + n]!.sentence === t.sentence && !taken.has(i + n)))
    .sort((a, b) => b.length - a.length)[0]
}

/**
 * "Orbán landete in Moskau, wo ihn Putin empfing": whether `m`, named before token `i` in its sentence, stands
 * in a clause before `i`'s (a comma between them); one that a relative pronoun takes up right after the
 * comma ("Putin, der ihn empfing") is the subject of `i`'s own clause.
 */
function inClauseBefore(tokens: Token[], m: Mention, i: number, relativePronouns: ReadonlySet<string>): boolean {
  const between = tokens.slice(m.tokenEnd, i)
  return between.some((w) => w.text === ',') && !(between[0]?.text === ',' && relativePronouns.has(between[1]?.norm ?? ''))
}

/** Whether a relative pronoun right after `m` ("Putin, der ihm …") opens the clause that token `i` stands in. */
function takenUpAsSubject(tokens: Token[], m: Mention, i: number, relativePronouns: ReadonlySet<string>): boolean {
  const between = tokens.slice(m.tokenEnd, i)
  return between[0]?.text === ',' && relativePronouns.has(between[1]?.norm ?? '') && !between.slice(1).some((w) => w.text === ',')
}

/**
 * The last actor named before `t`, within `window` sentences, that is not a participant of t's own
 * sentence (by binding, a pronoun or "sein Verbündeter" never means its clause's subject): one named
 * in an earlier sentence, or in this one only in a genitive or after a preposition.
 */
function boundAntecedent(mentions: Mention[], t: Token, window: number, afterPreposition: (m: Mention) => boolean, accept: (m: Mention) => boolean = () => true): Mention | undefined {
  return mentions.filter((m) => m.start < t.start && t.sentence - m.sentence <= window && m.kind !== 'adjective' && accept(m)
    && (m.sentence < t.sentence || m.genitive || afterPreposition(m))).at(-1)
}

/**
 * "Putin, der Finnland besuchte, warnte den Nachbarn": a description that names a state by its relation
 * to another (`relationalDescriptions`) is bound like an object pronoun: the last state named before it
 * that is not its clause's subject.
 */
function resolveRelational(doc: Doc, ctx: StageContext, taken: Set<number>, afterPreposition: (m: Mention) => boolean, isState: (id: string) => boolean): Mention[] {
  const { relationalPhrasesAt, relativePronouns } = corefData(ctx.pack)
  const out: Mention[] = []
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    const keys = phraseAt(doc.tokens, i, relationalPhrasesAt, taken)
    if (!keys) continue
    const last = doc.tokens[i + keys.length - 1]!
    const otherClause = (m: Mention) => inClauseBefore(doc.tokens, m, i, relativePronouns)
    // Never a state its own clause names before it ("Moskau droht dem Nachbarn" is not Russia's neighbour Russia).
    const own = new Set(doc.mentions.filter((m) => m.sentence === t.sentence && m.tokenEnd <= i && !otherClause(m)).map((m) => m.actor))
    const antecedent = boundAntecedent(doc.mentions, t, 1, (m) => afterPreposition(m) || (m.sentence === t.sentence && otherClause(m)), (m) => isState(m.actor) && !own.has(m.actor))
    if (!antecedent) continue
    out.push({ start: t.start, end: last.end, tokenStart: i, tokenEnd: i + keys.length, sentence: t.sentence, actor: antecedent.actor, kind: 'coref', genitive: false, antecedent: antecedent.start, rule: `${ctx.pack.code}.coref.relational` })
    for (let n = 0; n < keys.length; n++) taken.add(i + n)
  }
  return out
}

/**
 * "Nach der Wahlniederlage Lukaschenkos hat Putin ihm geholfen": an object pronoun refers to the
 * last actor named before it that is not a participant of its own sentence (by binding, not its
 * subject): one named in a genitive or after a preposition in the sentence, or in the sentences before.
 */
function resolveObjectPronouns(doc: Doc, ctx: StageContext, taken: Set<number>, afterPreposition: (m: Mention) => boolean): Mention[] {
  const { objectPronouns: pronouns, personPronouns, relativePronouns } = corefData(ctx.pack)
  const out: Mention[] = []
  const otherClause = (m: Mention, i: number) => inClauseBefore(doc.tokens, m, i, relativePronouns)
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    if (taken.has(i) || !pronouns.has(t.norm)) continue
    // "14 EU-Staaten, unter ihnen Polen": a pronoun of a marker of examples refers to the group before it.
    if ([0, 1, 2].some((n) => exampleMarkerAt(doc.tokens, i - n, ctx.pack.grammar) > n)) continue
    // "… mit Putin, der ihm gratulierte": one a relative pronoun takes up is the subject of the
    // pronoun's own clause, after a preposition too.
    const bound = (m: Mention) => (afterPreposition(m) || m.sentence === t.sentence && otherClause(m, i)) && !takenUpAsSubject(doc.tokens, m, i, relativePronouns)
    // "ihn", "ihm": a person named in the window before a state ("traf Orbán in Moskau, wo ihn …").
    const person = personPronouns.has(t.norm) ? boundAntecedent(doc.mentions, t, 1, bound, namesPerson) : undefined
    const candidate = person ?? boundAntecedent(doc.mentions, t, 1, bound)
    if (!candidate) continue
    out.push({ start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, sentence: t.sentence, actor: candidate.actor, kind: 'coref', genitive: false, antecedent: candidate.start, rule: `${ctx.pack.code}.coref.object-pronoun` })
  }
  return out
}

export const corefStage: Stage = {
  name: 'coref',
  requires: ['tokens', 'mentions'],
  assigns: ['mentions'],
  run: (doc, ctx) => ({ ...doc, mentions: [...doc.mentions, ...resolveDescriptions(doc, ctx)].sort((a, b) => a.start - b.start) }),
}
