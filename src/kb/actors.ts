import type { Group, Organisation, Sector, State } from './schema.ts'

export type ActorKind = 'state' | 'igo' | 'armed_group' | 'pmc' | 'sector'

/** Generic parties (police, rebels): they take part in events but not in the relations between named actors. */
export const isSector = (a: Actor | undefined) => a?.kind === 'sector'

export interface Actor {
  id: string
  kind: ActorKind
  /** English name, for display. */
  name: string
  from?: string
  to?: string
  parent?: string
  /** Dated changes of what the actor stands for ("die Taliban" are AFG from 2021-08-15). */
  becomes: { from: string; actor: string }[]
  /** A state on islands only. */
  island?: boolean
  /** A kingdom, emirate or sultanate. */
  monarchy?: boolean
  /** An organisation that groups states as a bloc or alliance ("das Bündnis"), not an organ, court or agency. */
  grouping?: boolean
  /** The state that continues a historical one (the Soviet Union: Russia). */
  successor?: string
}

export function actorsFromData(states: State[], organisations: Organisation[], groups: Group[], englishName: (id: string) => string | undefined, sectors: Sector[] = []): Map<string, Actor> {
  const actors = new Map<string, Actor>()
  const add = (a: Actor) => {
    if (actors.has(a.id)) throw new Error(`actor id ${a.id} is defined twice`)
    actors.set(a.id, a)
  }
  for (const s of states) add({ id: s.id, kind: 'state', name: s.name ?? englishName(s.id) ?? s.id, from: s.from, to: s.to, becomes: [], ...(s.island ? { island: true } : {}), ...(s.monarchy ? { monarchy: true } : {}), ...(s.successor ? { successor: s.successor } : {}) })
  for (const o of organisations) add({ id: o.id, kind: 'igo', name: o.name, from: o.from, to: o.to, becomes: [], ...(o.grouping ? { grouping: true } : {}) })
  for (const g of groups) add({ id: g.id, kind: g.kind, name: g.name, parent: g.parent, becomes: g.becomes ?? [] })
  for (const x of sectors) add({ id: x.id, kind: 'sector', name: x.name, becomes: [] })
  return actors
}

/** The actor a mention of `id` stands for on `date` (YYYY, YYYY-MM or YYYY-MM-DD; null: today). */
export function actorAt(actor: Actor, date: string | null): string {
  let current = actor.id
  for (const change of actor.becomes) {
    if (date === null || date >= change.from) current = change.actor
  }
  return current
}
