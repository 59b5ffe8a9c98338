// "kündigte eine angemessene Antwort an und warf Warschau vor, …": a threat that names no one,
// coordinated with a charge or protest by the same speaker against someone, is aimed at the one
// charged. So is a sanction ("kritisierte Belarus scharf, nach dem Zwischenfall schloss Warschau
// zwei Grenzübergänge").
import type { RelationEvent, Token } from '../pipeline/document.ts'
import { tokenStartingAt } from '../pipeline/spans.ts'

/** The hostile acts whose counterpart a targetless threat or sanction of the same source shares. */
const CHARGES = new Set(['ACCUSE', 'PROTEST'])
/** The acts that take it. */
const SHARING = new Set(['THREATEN', 'SANCTION'])

/** At most this many words between the two coordinated triggers. */
const SPAN = 12

/**
 * Gives each targetless threat or sanction among one sentence's events the counterpart of a charge
 * by the same source when a coordinator or a comma joins the two triggers, a few words apart.
 */
export function threatsShareCharges(events: RelationEvent[], tokens: Token[], coordinators: readonly string[], inSubordinate: (token: number) => boolean): void {
  const at = (e: RelationEvent) => tokenStartingAt(tokens, e.start)
  for (const threat of events) {
    if (!SHARING.has(threat.type) || threat.target !== null) continue
    // "…, die Ankara als Terrororganisationen einstuft": a sanction in a subordinate clause is about its own noun.
    if (threat.type === 'SANCTION' && inSubordinate(at(threat))) continue
    const charge = events.find((e) => CHARGES.has(e.type) && e.source === threat.source && e.target !== null && e.modality !== 'negated' && e.modality !== 'denied' && coordinated(tokens, at(threat), at(e), coordinators))
    if (!charge) continue
    threat.target = charge.target
    threat.targetMention = charge.targetMention
    threat.trace = [...threat.trace.filter((step) => step !== 'target:none'), `target:shared-charge(${charge.rule})`]
  }
}

function coordinated(tokens: Token[], a: number, b: number, coordinators: readonly string[]): boolean {
  if (a < 0 || b < 0) return false
  const [from, to] = a < b ? [a, b] : [b, a]
  const between = tokens.slice(from + 1, to)
  return between.filter((t) => t.kind === 'word').length <= SPAN && between.some((t) => t.text === ',' || t.kind === 'word' && coordinators.includes(t.norm))
}
