// A state that says another attacked, coerced or threatened it accuses that state: "Die Küstenwache
// erklärte, philippinische Boote seien in chinesische Gewässer eingedrungen" is China's accusation
// against the Philippines, whatever the truth of the act it tells.
import type { RelationEvent } from '../pipeline/document.ts'
import type { Phrase } from './phrases.ts'

/** Hostile acts whose telling by their target is a charge against their author. */
const HOSTILE = new Set(['ASSAULT', 'COERCE', 'THREATEN', 'MOBILIZE'])
/** Only an act someone tells is a claim; one the text asserts is the reporter's fact. */
const TOLD = new Set(['reported', 'hedged'])

/**
 * The accusations a sentence makes by its speaker telling a hostile act against the speaker's own
 * side: one ACCUSE from the speaker (the sentence's subject) to the act's author, with the act's date.
 * A speech verb of admission (`isAdmission`) tells without accusing.
 */
export function claimedAccusations(events: readonly RelationEvent[], speaker: Phrase | null, rule: string, isAdmission: (word: string) => boolean): RelationEvent[] {
  if (!speaker) return []
  const out: RelationEvent[] = []
  for (const e of events) {
    if (!HOSTILE.has(e.type) || !TOLD.has(e.modality) || !e.attribution || e.target === null) continue
    // "Kiew räumte ein, dass …": admitting a loss charges no one.
    if (isAdmission(e.attribution)) continue
    const said = speaker.mentions.find((m) => m.actor === e.target)
    // The speaker is not the act's own target phrase ("The Azerbaijani plane was shot down …, according to …").
    if (!said || said.actor === e.source || said.start === e.targetMention?.start) continue
    if (events.some((x) => x.type === 'ACCUSE' && x.source === said.actor && x.target === e.source) || out.some((x) => x.target === e.source)) continue
    out.push({
      ...e,
      source: said.actor,
      target: e.source,
      type: 'ACCUSE',
      mode: 'statement',
      polarity: 'conflict',
      modality: 'asserted',
      sourceMention: { start: said.start, end: said.end },
      targetMention: e.sourceMention,
      quantity: null,
      attribution: null,
      rule,
      trace: [`derived:claimed-${e.type.toLowerCase()}(${e.rule})`, ...e.trace.filter((t) => t.startsWith('date:'))],
      confidence: Math.round(e.confidence * 0.8 * 100) / 100,
    })
  }
  return out
}
