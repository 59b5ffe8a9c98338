// "In einem Telefonat sicherte Scholz Selenskyj weitere Hilfe zu", "Macron rief Putin in einem
// Telefonat zur Mäßigung auf": a call named as the setting of another act (an adjunct its rule's
// preposition opens) is a call between that act's two parties. The clause tells two relations:
// the act, and the contact (PLOVER CONSULT) in which it was done.
import type { Modality, RelationEvent, Token } from '../pipeline/document.ts'
import { tokenStartingAt } from '../pipeline/spans.ts'

/** A contact noun's rule: its id, mode, and the prepositions that make it an act's setting. */
export interface ContactRule {
  rule: string
  mode: string
  prepositions: readonly string[]
}

/** At most this many words between the preposition and the contact noun: "in einem langen Telefonat". */
const MODIFIERS = 3
/** At most this many words between the contact noun and the act's trigger, either way. */
const REACH = 12
/** The modalities of an act that tell its setting as a fact of the same standing; a planned act's call took place. */
const TELLS = new Map<Modality, Modality>([['asserted', 'asserted'], ['planned', 'asserted'], ['reported', 'reported'], ['hedged', 'hedged']])

/**
 * The contacts a sentence's events were made in: for each contact noun in `tokens[from, to)` that a
 * preposition of its rule opens and that names no partner of its own, one CONSULT between the source
 * and target of each pair of the nearest act with both, unless the sentence already tells a contact between them.
 */
export function contactAdjuncts(events: readonly RelationEvent[], tokens: Token[], from: number, to: number, contactRule: (t: Token) => ContactRule | undefined): RelationEvent[] {
  const out: RelationEvent[] = []
  for (let k = from; k < to; k++) {
    const rule = contactRule(tokens[k]!)
    if (!rule || !openedBy(tokens, k, from, rule.prepositions)) continue
    // "Bei einem Telefonat mit Macron …": a call with a partner of its own is that contact.
    if (events.some((e) => e.start === tokens[k]!.start)) continue
    const words = (a: number, b: number) => tokens.slice(Math.min(a, b) + 1, Math.max(a, b)).filter((t) => t.kind === 'word').length
    const at = (e: RelationEvent) => tokenStartingAt(tokens, e.start)
    const acts = events.filter((e) => e.type !== 'CONSULT' && e.target !== null && TELLS.has(e.modality) && at(e) >= 0 && words(k, at(e)) <= REACH && !tokens.slice(Math.min(k, at(e)), Math.max(k, at(e))).some((t) => t.text === ';'))
    const nearest = acts.sort((a, b) => words(k, at(a)) - words(k, at(b)))[0]
    if (!nearest) continue
    // "rief X und dessen Amtskollegen Y in Telefonaten zur Zurückhaltung auf": each pair of that act.
    for (const act of acts.filter((e) => e.start === nearest.start && e.type === nearest.type)) {
      const told = [...events, ...out].some((e) => e.type === 'CONSULT' && ((e.source === act.source && e.target === act.target) || (e.source === act.target && e.target === act.source)))
      if (told) continue
      out.push({
        ...act,
        type: 'CONSULT',
        mode: rule.mode,
        polarity: 'coop',
        modality: TELLS.get(act.modality)!,
        start: tokens[k]!.start,
        end: tokens[k]!.end,
        quantity: null,
        rule: rule.rule,
        trace: [`trigger:noun:${tokens[k]!.text}`, `derived:contact-adjunct(${act.rule})`, ...act.trace.filter((t) => t.startsWith('date:'))],
        confidence: Math.round(act.confidence * 0.9 * 100) / 100,
      })
    }
  }
  return out
}

/** Whether one of the prepositions opens the phrase of the noun at `at` ("in einem Telefonat"). */
function openedBy(tokens: Token[], at: number, from: number, prepositions: readonly string[]): boolean {
  for (let k = at - 1; k >= from && at - k <= MODIFIERS + 1; k--) {
    const t = tokens[k]!
    if (t.kind !== 'word') return false
    if (prepositions.includes(t.norm)) return true
  }
  return false
}
