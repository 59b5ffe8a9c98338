// "Die UN-Vollversammlung hat Russland … verurteilt. … Neben Russland votierten lediglich Belarus,
// Nordkorea, Syrien und Nicaragua gegen den Text." A vote against a text that condemns or summons a
// state sides with that state (SUPPORT, mode vote); a vote for it joins the charge (ACCUSE, mode
// vote). Abstaining carries no act. The text's target is that of the organisation's latest charge,
// demand or sanction in the passage.
import type { RelationEvent, Token } from '../pipeline/document.ts'
import type { Phrase } from './phrases.ts'

/** How a language votes (`votes` in grammar.yaml), folded to token norms. */
export interface VoteWords {
  verbs: ReadonlySet<string>
  against: ReadonlySet<string>
  for: ReadonlySet<string>
  texts: ReadonlySet<string>
}

/** A text put to the vote: the actor it charges or summons (and where it is named), the rule of the act that told it, and its sentence. */
export interface VotedText { target: string; start: number; end: number; rule: string; sentence: number }

/** At most this many words between "gegen"/"für" and the text: "gegen den gemeinsamen Text". */
const REACH = 3

/** The acts of an organisation that a text put to the vote may state. */
export const TEXT_TYPES = new Set(['ACCUSE', 'REQUEST', 'SANCTION'])

/**
 * The votes a clause `tokens[from, to)` tells about the latest text (`text`): one event from each
 * actor of the clause's bare phrases (the voters), other than the text's target; undated (the
 * caller dates them as any act of the clause).
 */
export function voteEvents(tokens: Token[], from: number, to: number, phrases: readonly Phrase[], words: VoteWords, text: VotedText | null, sentence: number, rules: { against: string; for: string }): RelationEvent[] {
  if (!text) return []
  // "Gegen den Text stimmten Belarus und Eritrea": the side may open the clause.
  const side = sideOf(tokens, from, to, words)
  if (!side) return []
  for (let k = from; k < to; k++) {
    if (!words.verbs.has(tokens[k]!.norm)) continue
    const voters = phrases.filter((p) => p.attach.kind === 'bare').flatMap((p) => p.mentions).filter((m) => m.actor !== text.target)
    const against = side === 'against'
    return voters.map((m) => ({
      sentence,
      source: m.actor,
      target: text.target,
      type: against ? 'SUPPORT' : 'ACCUSE',
      mode: 'vote',
      polarity: against ? 'coop' : 'conflict',
      modality: 'asserted',
      date: null,
      start: tokens[k]!.start,
      end: tokens[k]!.end,
      sourceMention: { start: m.start, end: m.end },
      targetMention: text.sentence === sentence ? { start: text.start, end: text.end } : { start: tokens[k]!.start, end: tokens[k]!.end },
      quantity: null,
      attribution: null,
      rule: against ? rules.against : rules.for,
      trace: [`trigger:verb:${tokens[k]!.text}`, `vote:${side}`, `target:voted-text(${text.rule})`],
      confidence: 0.6,
    }))
  }
  return []
}

/** "gegen den Text", "für die Resolution": which side of a text a vote in `tokens[from, to)` takes, if any. */
function sideOf(tokens: Token[], from: number, to: number, words: VoteWords): 'against' | 'for' | null {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!
    const side = words.against.has(t.norm) ? 'against' : words.for.has(t.norm) ? 'for' : null
    if (!side) continue
    for (let j = k + 1; j < to && j - k <= REACH + 1; j++) if (words.texts.has(tokens[j]!.norm)) return side
  }
  return null
}
