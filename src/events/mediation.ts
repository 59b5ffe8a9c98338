// Talks held or a deal struck with someone's help: "Unter Vermittlung Russlands einigten sich Armenien
// und Aserbaidschan auf eine Waffenruhe." The mediator consults each party (PLOVER CONSULT, mode
// mediation), as the gold conventions code a mediation.
import type { Mention, RelationEvent, Token } from '../pipeline/document.ts'
import { capitalised } from './clauses.ts'

/** Acts between two parties that a mediator may have brought about. */
const MEDIATED = new Set(['AGREE', 'CONSULT', 'COOPERATE', 'CONCEDE'])

/** At most this many tokens from the mediation noun to the last mediator named after it. */
const REACH = 16

/** The words of a language that mark a mediation: "unter Vermittlung", "with the mediation of". */
export interface MediationWords {
  nouns: ReadonlySet<string>
  prepositions: ReadonlySet<string>
  /** Articles that may stand between the preposition and the noun ("under the mediation of"). */
  determiners: ReadonlySet<string>
  /** Whether a word may stand inside the noun phrase that names the mediators ("von Außenminister Lawrow und seinem türkischen Amtskollegen"). */
  phraseWord: (t: Token) => boolean
  /** Whether a word may only open or continue a noun phrase, never follow its noun ("russischen" but not after "Katars"). */
  modifier: (t: Token) => boolean
}

/**
 * For one sentence (tokens `[from, to)`): when a mediation phrase names mediators, adds a CONSULT
 * from each mediator to each party of the sentence's mediated acts, with that act's date and modality.
 */
export function mediations(events: RelationEvent[], tokens: Token[], from: number, to: number, mentions: Mention[], words: MediationWords, isParty: (actor: string) => boolean, rule: string): RelationEvent[] {
  const out: RelationEvent[] = []
  for (let k = from + 1; k < to; k++) {
    if (!words.nouns.has(tokens[k]!.norm)) continue
    const before = words.determiners.has(tokens[k - 1]!.norm) && k - 2 >= from ? tokens[k - 2]! : tokens[k - 1]!
    if (!words.prepositions.has(before.norm)) continue
    // The mediators: the parties named in the noun phrase after the noun (up to a verb or a comma).
    let end = k + 1
    // A modifier goes on a phrase only before its noun: "Katars tauschten Russland …" ends after "Katars".
    while (end < to && end <= k + REACH && tokens[end]!.kind === 'word' && words.phraseWord(tokens[end]!) && !(words.modifier(tokens[end]!) && capitalised(tokens[end - 1]))) end++
    // "unter Vermittlung der russischen Militärführung": a demonym may stand before the noun the phrase ends on.
    const mediators = mentions.filter((m) => m.tokenStart > k && m.tokenEnd <= end && isParty(m.actor))
    const ids = [...new Set(mediators.map((m) => m.actor))]
    if (!ids.length) continue
    const acts = events.filter((e) => MEDIATED.has(e.type) && e.target !== null && !ids.includes(e.source) && !ids.includes(e.target) && e.modality !== 'negated' && e.modality !== 'denied')
    for (const act of acts) {
      for (const id of ids) {
        const mediator = mediators.find((m) => m.actor === id)!
        for (const [party, span] of [[act.source, act.sourceMention], [act.target!, act.targetMention!]] as const) {
          if (out.some((e) => e.source === id && e.target === party)) continue
          out.push({
            ...act, source: id, target: party, type: 'CONSULT', mode: 'mediation', polarity: 'coop',
            start: tokens[k]!.start, end: tokens[k]!.end, sourceMention: { start: mediator.start, end: mediator.end }, targetMention: span,
            quantity: null, rule, trace: [`trigger:noun:${tokens[k]!.text}`, 'source:mediator', `target:party-of(${act.rule})`, ...act.trace.filter((s) => s.startsWith('modality:') || s.startsWith('date:'))],
          })
        }
      }
    }
  }
  return out
}
