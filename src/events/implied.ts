// Roles a clause does not state itself: the speaker who asks in reported speech, and the state a
// passage is about when an act names no counterpart.
import type { Doc, Mention, Token } from '../pipeline/document.ts'
import type { LanguagePack } from '../lang/pack.ts'
import { inClause, type Clause } from './clauses.ts'
import type { Phrase } from './phrases.ts'
import { isWordCue, type ModalityCues } from './modality.ts'

/** Words between the comma after an act and the speech verb that attributes it (", the foreign ministry said"). */
const TRAILING_SPEAKER = 5

/**
 * "Russia said Sudan must return the helicopter", "Peskow sagte, die Ukraine müsse abziehen": the
 * speaker asks (source), the one who must act is asked (target). The speaker is the actor before a
 * speech verb of the clause, the actor around a speech verb a few words after the comma that follows
 * the act ("…, sagte Peskow", "…, OMV said"), or the main clause's subject when the clause is what
 * was said (after a speech verb, "dass" or a colon).
 */
export function speakerRoles(clause: Clause, words: Token[], at: number, phrases: Phrase[], clauseSubject: Phrase | null, tokens: Token[], g: LanguagePack['grammar'], cues: ModalityCues): { source: Phrase | null; target: Phrase | null; how: string[] } {
  const none = { source: null, target: null, how: [] }
  const bare = phrases.filter((p) => p.attach.kind === 'bare' && p.to <= at)
  const speech = words.filter((t) => g.speechVerbs.includes(t.norm) && t.start < tokens[at]!.start).at(-1)
  if (speech) {
    const k = tokens.indexOf(speech)
    const source = bare.filter((p) => p.to <= k).at(-1) ?? null
    const target = bare.filter((p) => p.from > k).at(-1) ?? null
    return source && target ? { source, target, how: ['source:speaker', 'target:obligated'] } : none
  }
  // "Moskau habe die Waffenruhe gebrochen, erklärte Kiew", "…, OMV said": a speech verb a few words
  // after the first comma in the clause after the act; the speaker stands between them or right after the verb.
  let comma = -1
  for (let n = at + 1; n < clause.to && comma < 0; n++) if (inClause(clause, n) && tokens[n]!.text === ',') comma = n
  let k = -1
  for (let n = comma + 1; comma >= 0 && n <= comma + TRAILING_SPEAKER && n < clause.to && k < 0; n++) if (inClause(clause, n) && g.speechVerbs.includes(tokens[n]!.norm)) k = n
  if (k >= 0) {
    const source = phrases.find((p) => p.attach.kind === 'bare' && p.from > comma && p.to <= k) ?? phrases.find((p) => p.attach.kind === 'bare' && p.from > k) ?? null
    const target = bare.at(-1) ?? null
    return source && target ? { source, target, how: ['source:speaker-after', 'target:obligated'] } : none
  }
  const opener = words.find((t) => t.kind === 'word')
  const complement = clause.subordinate && isWordCue(cues.complementizers, opener?.norm)
  // "nannte seine Bedingungen: Die Ukraine müsse abziehen": after a colon, what the subject said.
  const afterColon = tokens[clause.from - 1]?.text === ':'
  const target = bare.at(-1) ?? null
  if (!(clause.reported || complement || afterColon) || !clauseSubject || !target) return none
  return { source: clauseSubject, target, how: ['source:speaker', 'target:obligated'] }
}

/**
 * "… der Truppe, die nach Kasachstan verlegt worden war; kleinere Kontingente entsandten Belarus und
 * Armenien": an act whose partner a preposition marks ("nach") and goes unnamed takes the state
 * another clause of the sentence, before it, marks with the same preposition (right before the
 * name, or before its article). Never the source's own actor.
 */
export function destinationOf(tokens: Token[], mentions: Mention[], clause: Clause, preps: ReadonlySet<string>, own: ReadonlySet<string>, isState: (actor: string) => boolean, g: LanguagePack['grammar']): Mention | null {
  if (!preps.size) return null
  const marked = (m: Mention) => {
    const before = tokens[m.tokenStart - 1]
    const prep = before && g.determiners.includes(before.norm) ? tokens[m.tokenStart - 2] : before
    return !!prep && prep.sentence === tokens[m.tokenStart]!.sentence && preps.has(g.contractions[prep.norm] ?? prep.norm)
  }
  const sentence = tokens[clause.from]!.sentence
  return mentions.filter((m) => m.sentence === sentence && m.tokenStart < clause.from && !inClause(clause, m.tokenStart)
    && isState(m.actor) && !own.has(m.actor) && marked(m)).at(-1) ?? null
}

/**
 * The state a passage is about, for an act whose counterpart goes unnamed: the subject state of
 * another clause of the same sentence ("…, nachdem Goïta sich weigerte"), else the subject state of
 * an earlier sentence of the same paragraph. Never the source's own actor, never a place named in
 * passing ("in Syrien").
 */
export function topicOf(doc: Doc, sIndex: number, source: Phrase, otherSubjects: (Phrase | null)[], previous: { mention: Mention; sentence: number } | null, isState: (actor: string) => boolean): Mention | null {
  const own = new Set(source.mentions.map((m) => m.actor))
  const inSentence = otherSubjects.flatMap((p) => p?.mentions ?? []).find((m) => isState(m.actor) && !own.has(m.actor))
  if (inSentence) return inSentence
  if (!previous || own.has(previous.mention.actor)) return null
  // Only within the paragraph: a blank line starts another topic.
  const from = doc.sentences[previous.sentence]!.end
  const to = doc.sentences[sIndex]!.start
  return doc.text.slice(from, to).includes('\n') ? null : previous.mention
}
