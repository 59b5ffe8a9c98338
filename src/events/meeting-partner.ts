// The partner of an act told with a meeting: "reiste nach Algier und vereinbarte dort Gaslieferungen",
// "empfing Xi in Moskau und verlieh ihm einen Orden". An act of one side that names no partner, in a
// sentence that tells that side meeting exactly one other, is done with that other.
import type { RelationEvent } from '../pipeline/document.ts'

/** Acts a meeting gives its partner to: agreements, cooperation, backing, requests, aid and concessions. */
const WITH_THE_MET = new Set(['AGREE', 'COOPERATE', 'SUPPORT', 'REQUEST', 'AID', 'CONCEDE'])
/** A meeting that did not happen gives no partner. */
const UNMET = new Set(['negated', 'denied'])
/** Confidence kept when the partner is the meeting's rather than a role of the act's own clause. */
const FROM_MEETING = 0.8

/**
 * Gives each one-sided act of `events` (one sentence's) the party its doer meets in that sentence,
 * where there is exactly one. Rules in `oneSided` name acts that have no partner by nature.
 */
export function meetingPartners(events: RelationEvent[], oneSided: ReadonlySet<string>): RelationEvent[] {
  const meetings = events.filter((e) => e.type === 'CONSULT' && e.target !== null && e.targetMention !== null && !UNMET.has(e.modality))
  if (!meetings.length) return events
  return events.map((e) => {
    if (e.target !== null || !WITH_THE_MET.has(e.type) || oneSided.has(e.rule)) return e
    const met = new Map<string, { start: number; end: number }>()
    for (const m of meetings) {
      if (m.source === e.source) met.set(m.target!, m.targetMention!)
      else if (m.target === e.source) met.set(m.source, m.sourceMention)
    }
    const only = met.size === 1 ? [...met][0] : undefined
    // "Putin und Erdoğan forderten bei einem Treffen die Konfliktparteien auf", "beide sprachen sich für … aus":
    // an act of several doers is done together, not with one of them.
    if (!only || events.some((x) => x !== e && x.start === e.start && x.target === null)) return e
    const [partner, span] = only
    return { ...e, target: partner, targetMention: span, trace: [...e.trace.filter((t) => t !== 'target:none'), 'target:meeting-partner'], confidence: Math.round(e.confidence * FROM_MEETING * 100) / 100 }
  })
}
