// The partner of an act told with a meeting: "reiste nach Algier und vereinbarte dort Gaslieferungen",
// "empfing Xi in Moskau und verlieh ihm einen Orden". An act of one side that names no partner, in a
// sentence that tells that side meeting exactly one other, is done with that other.
import type { RelationEvent } from '../pipeline/document.ts'

/** Acts a meeting gives its partner to: agreements, cooperation, backing, requests, aid and concessions. */
const WITH_THE_MET = new Set(['AGREE', 'COOPERATE', 'SUPPORT', 'REQUEST', 'AID', 'CONCEDE'])
/** A meeting that did not happen gives no partner. */
const UNMET = new Set(['negated', 'denied'])
/** The trace step of a doer an infinitive takes from the clause that governs it. */
const INFERRED_DOER = 'subject:infinitive-controller'
/** Confidence kept when the partner is the meeting's rather than a role of the act's own clause. */
const FROM_MEETING = 0.8

/** The meetings that happened among a sentence's events. */
export function meetingsOf(events: readonly RelationEvent[]): RelationEvent[] {
  return events.filter((e) => e.type === 'CONSULT' && e.target !== null && e.targetMention !== null && !UNMET.has(e.modality))
}

/**
 * Gives each one-sided act of `events` (one sentence's) the party its doer meets in that sentence
 * (`own`, its `meetingsOf`), where there is exactly one; with no meeting in it, the party met in
 * `before` (the sentence before's meetings). Rules in `oneSided` name acts that have no partner by nature.
 */
export function meetingPartners(events: RelationEvent[], oneSided: ReadonlySet<string>, own: readonly RelationEvent[], before: readonly RelationEvent[] = []): RelationEvent[] {
  const meetings = own.length ? own : before
  if (!meetings.length) return events
  const how = own.length ? 'target:meeting-partner' : 'target:meeting-partner-before'
  return events.map((e) => {
    // An infinitive's doer taken from its controller ("die Forderung der EU, Nawalny freizulassen") is too unsure to give a partner to.
    if (e.target !== null || !WITH_THE_MET.has(e.type) || oneSided.has(e.rule) || e.trace.includes(INFERRED_DOER)) return e
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
    return { ...e, target: partner, targetMention: span, trace: [...e.trace.filter((t) => t !== 'target:none'), how], confidence: Math.round(e.confidence * FROM_MEETING * 100) / 100 }
  })
}
