// "Die UN-Vollversammlung hat Russland … verurteilt. … Neben Russland votierten lediglich Belarus,
// Nordkorea, Syrien und Nicaragua gegen den Text." A vote against a text that condemns or summons a
// state sides with that state (SUPPORT, mode vote); a vote for it joins the charge (ACCUSE, mode
// vote). Abstaining carries no act. The text's target is that of the organisation's latest charge,
// demand or sanction in the passage, or the author of a state's draft named after it ("ein russischer
// Entwurf"): a vote for a draft supports its author, one against it takes no side.
import type { Mention, RelationEvent, Token } from '../pipeline/document.ts'
import type { Phrase } from './phrases.ts'

/** How a language votes (`votes` in grammar.yaml), folded to token norms. */
export interface VoteWords {
  verbs: ReadonlySet<string>
  against: ReadonlySet<string>
  for: ReadonlySet<string>
  texts: ReadonlySet<string>
  /** Words that name a side and the text at once ("dafür", "for it"), each as its folded tokens. */
  forIt: readonly string[][]
  againstIt: readonly string[][]
  /** Nouns for votes cast ("Stimmen"), and the words that count them for a text ("mit den Stimmen …"). */
  ballots: ReadonlySet<string>
  withBallots: ReadonlySet<string>
}

/**
 * A text put to the vote: the actor it charges or summons (and where it is named), the rule of the
 * act that told it, and its sentence. An `authored` text is a state's draft ("ein russischer
 * Entwurf"): `target` is its author, and a vote for it supports the author.
 */
export interface VotedText { target: string; start: number; end: number; rule: string; sentence: number; authored?: boolean }

/** At most this many words between "gegen"/"für" and the text: "gegen den gemeinsamen Text". */
const REACH = 3

/** The acts of an organisation that a text put to the vote may state. */
export const TEXT_TYPES = new Set(['ACCUSE', 'REQUEST', 'SANCTION'])

/**
 * The votes a clause `tokens[from, to)` tells about the latest text (`text`): one event from each
 * state the clause's ballots name ("gegen die Stimmen Russlands"), or else from each state of its bare
 * phrases before the comma after the vote (the voters), other than the text's target; undated (the
 * caller dates them as any act of the clause).
 */
export function voteEvents(tokens: Token[], from: number, to: number, phrases: readonly Phrase[], words: VoteWords, text: VotedText | null, sentence: number, rules: { against: string; for: string; draft: string }, isState: (actor: string) => boolean): RelationEvent[] {
  if (!text) return []
  // Ballots count for the act of their own sentence ("gegen die Stimmen Russlands … verabschiedet").
  const ballots = text.sentence === sentence ? ballotVotes(tokens, from, to, phrases, words) : null
  if (ballots) return cast(ballots.voters.filter((m) => m.actor !== text.target && isState(m.actor)), ballots.side, ballots.at, 'ballots')
  // "Gegen den Text stimmten Belarus und Eritrea": the side may open the clause.
  const side = sideOf(tokens, from, to, words)
  if (!side) return []
  for (let k = from; k < to; k++) {
    if (!words.verbs.has(tokens[k]!.norm)) continue
    // The voters stand before the comma after the vote ("zehn stimmten dafür, China und Indien enthielten sich"), and are states.
    let end = Math.max(k, side.at)
    while (end < to && !(tokens[end]!.kind === 'punct' && CLAUSE_PUNCT.has(tokens[end]!.text))) end++
    const voters = phrases.filter((p) => p.attach.kind === 'bare' && p.from < end).flatMap((p) => p.mentions).filter((m) => m.actor !== text.target && isState(m.actor))
    return cast(voters, side.side, k, 'verb')
  }
  return []

  function cast(voters: Mention[], side: 'against' | 'for', k: number, how: string): RelationEvent[] {
    // A vote against a state's draft takes no side with or against the state in particular.
    if (!text || text.authored && side === 'against') return []
    const against = side === 'against'
    const supports = against || !!text.authored
    return voters.map((m) => ({
      sentence,
      source: m.actor,
      target: text.target,
      type: supports ? 'SUPPORT' : 'ACCUSE',
      mode: 'vote',
      polarity: supports ? 'coop' : 'conflict',
      modality: 'asserted',
      date: null,
      start: tokens[k]!.start,
      end: tokens[k]!.end,
      sourceMention: { start: m.start, end: m.end },
      targetMention: text.sentence === sentence ? { start: text.start, end: text.end } : { start: tokens[k]!.start, end: tokens[k]!.end },
      quantity: null,
      attribution: null,
      rule: text.authored ? rules.draft : against ? rules.against : rules.for,
      trace: [`trigger:${how}:${tokens[k]!.text}`, `vote:${side}`, `target:voted-text(${text.rule})`],
      confidence: 0.6,
    }))
  }
}

/**
 * "gegen die Stimmen Russlands und Chinas", "mit den Stimmen Indiens": a ballot noun after a side's
 * word, with the voters in its genitive right after it.
 */
function ballotVotes(tokens: Token[], from: number, to: number, phrases: readonly Phrase[], words: VoteWords): { voters: Mention[]; side: 'against' | 'for'; at: number } | null {
  for (let k = from; k < to; k++) {
    const norm = tokens[k]!.norm
    const side = words.against.has(norm) ? 'against' : words.withBallots.has(norm) ? 'for' : null
    if (!side) continue
    for (let j = k + 1; j <= k + 2 && j < to; j++) {
      if (!words.ballots.has(tokens[j]!.norm)) continue
      const voters = phrases.find((p) => p.from === j + 1 && p.mentions.every((m) => m.genitive))
      if (voters) return { voters: voters.mentions, side, at: j }
    }
  }
  return null
}

/** Whether the folded words `seq` stand at `tokens[k…]`. */
const wordsAt = (tokens: Token[], k: number, to: number, seq: readonly string[]) => k + seq.length <= to && seq.every((w, j) => tokens[k + j]!.norm === w)

/**
 * "gegen den Text", "für die Resolution", "dafür": which side of a text a vote in `tokens[from, to)`
 * takes, if any, and where the text (or the word that stands for it) is named.
 */
function sideOf(tokens: Token[], from: number, to: number, words: VoteWords): { side: 'against' | 'for'; at: number } | null {
  for (let k = from; k < to; k++) {
    if (words.forIt.some((seq) => wordsAt(tokens, k, to, seq))) return { side: 'for', at: k }
    if (words.againstIt.some((seq) => wordsAt(tokens, k, to, seq))) return { side: 'against', at: k }
    const t = tokens[k]!
    const side = words.against.has(t.norm) ? 'against' : words.for.has(t.norm) ? 'for' : null
    if (!side) continue
    for (let j = k + 1; j < to && j - k <= REACH + 1; j++) if (words.texts.has(tokens[j]!.norm)) return { side, at: j }
  }
  return null
}

/** Punctuation that ends the list of voters. */
const CLAUSE_PUNCT = new Set([',', ';', ':'])

/**
 * The latest draft a state put forward in `tokens[from, to)`: a text noun with the state's demonym
 * right before it ("ein russischer Entwurf") or its genitive right after ("der Entwurf Russlands").
 */
export function authoredText(tokens: Token[], from: number, to: number, mentions: readonly Mention[], words: VoteWords, isState: (actor: string) => boolean, sentence: number, rule: string): VotedText | null {
  let found: VotedText | null = null
  for (let k = from; k < to; k++) {
    if (!words.texts.has(tokens[k]!.norm)) continue
    // The genitive may follow an article ("der Entwurf der USA").
    const author = mentions.find((m) => isState(m.actor) && (m.kind === 'adjective' && m.tokenEnd === k || m.genitive && m.kind !== 'adjective' && (m.tokenStart === k + 1 || m.tokenStart === k + 2)))
    if (author) found = { target: author.actor, start: author.start, end: author.end, rule, sentence, authored: true }
  }
  return found
}
