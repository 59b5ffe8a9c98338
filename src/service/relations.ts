import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store, StoredEvent } from '../store/store.ts'
import { clustersOf } from './events.ts'
import type { Act } from '../relations/acts.ts'
import { placeDate } from '../relations/dates.ts'
import { loadRelationParams, type RelationParams } from '../relations/params.ts'
import { DATA_DIR } from './context.ts'

let params: RelationParams | undefined
/** The model's parameters (data/relations.yaml), with the half-life the user may override. */
export function relationParams(halfLifeMonths?: number): RelationParams {
  params ??= loadRelationParams(DATA_DIR)
  return halfLifeMonths ? { ...params, halfLifeMonths } : params
}

const PRECISION = (d: string | null) => (d ? d.length : 0)

/**
 * Reports to acts: one act per cluster of reports of the same event, placed on the most precise
 * date a report states, else the publication date of its article. Reports with neither are left
 * out and counted.
 */
export interface ActSet {
  acts: Act[]
  /** Reports with no date of their own and no publication date: left out. */
  undated: number
  /** The reports behind the acts, by id. */
  events: Map<string, StoredEvent>
}

type PairEvent = StoredEvent & { target: string }

export function actsFromEvents(all: StoredEvent[], kb: KnowledgeBase): ActSet {
  // A one-sided act ("Georgia's president resigned") relates no pair (the store queries above leave
  // them out already; this also narrows the type for any other caller).
  // A state's act towards its own people or institutions (imported data codes many) relates no pair either.
  const events = all.filter((e): e is PairEvent => e.target !== null && e.target !== e.source)
  const outlet = (e: StoredEvent) => e.publisher ?? e.file
  const clusters = clustersOf(events)
  const members = new Map<string, PairEvent[]>()
  for (const e of events) {
    const c = clusters.get(e.id)?.id ?? e.id
    members.set(c, [...(members.get(c) ?? []), e])
  }
  const acts: Act[] = []
  let undated = 0
  // Generic parties (police, rebels) are no counterparts in relations between named actors.
  const generic = (id: string) => kb.actors.get(id)?.kind === 'sector'
  for (const reports of members.values()) {
    if (generic(reports[0]!.source) || generic(reports[0]!.target)) continue
    const best = [...reports].sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id))[0]!
    const stated = [...reports].filter((e) => e.date).sort((a, b) => PRECISION(b.date) - PRECISION(a.date))[0]?.date ?? null
    const day = placeDate(stated ?? best.docDate ?? '')
    if (!day) { undated += reports.length; continue }
    acts.push({
      id: best.id, ids: reports.map((e) => e.id).sort(), source: best.source, target: best.target, type: best.type, mode: best.mode,
      modality: best.modality, confidence: best.confidence, day, stated: stated !== null,
      outlets: [...new Set(reports.map(outlet))].sort(), quantity: reports.find((e) => e.quantity)?.quantity ?? null,
      hosted: best.type === 'MOBILIZE' && best.trace.some((t) => /^target:prep:(in|nach|im)$/.test(t)),
    })
  }
  return { acts: [...acts, ...leaderShares(acts, kb)], undated, events: new Map(events.map((e) => [e.id, e])) }
}

/** Acts towards a bloc led by one state ("die vom Kreml geführte OVKS") count partly towards that state. */
function leaderShares(acts: Act[], kb: KnowledgeBase): Act[] {
  const leaders = new Map(kb.blocs.filter((b) => b.led_by).map((b) => [b.org, b.led_by!]))
  const out: Act[] = []
  for (const x of acts) {
    const toBloc = leaders.get(x.target)
    const fromBloc = leaders.get(x.source)
    if (toBloc && toBloc !== x.source) out.push({ ...x, target: toBloc, via: x.target })
    if (fromBloc && fromBloc !== x.target) out.push({ ...x, source: fromBloc, via: x.source })
  }
  return out
}

/** The acts that bear on an actor's relations: its own, and those with the blocs it leads. */
export async function actsAround(store: Store, kb: KnowledgeBase, actor: string): Promise<ActSet> {
  const led = kb.blocs.filter((b) => b.led_by === actor).map((b) => b.org)
  const seen = new Set<string>()
  const events: StoredEvent[] = []
  for (const id of [actor, ...led]) {
    for (const e of await store.events({ actor: id, partner: 'named' })) if (!seen.has(e.id)) { seen.add(e.id); events.push(e) }
  }
  return actsFromEvents(events, kb)
}

export async function allActs(store: Store, kb: KnowledgeBase): Promise<ActSet> {
  return actsFromEvents(await store.events({ partner: 'named' }), kb)
}

/** The date questions default to: the latest act (the news horizon), else today. */
export function newsHorizon(acts: Act[]): string {
  let latest = ''
  for (const x of acts) if (x.day > latest) latest = x.day
  return latest || new Date().toISOString().slice(0, 10)
}
