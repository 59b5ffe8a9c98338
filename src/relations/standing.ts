import type { Bloc } from '../kb/schema.ts'
import type { Act } from './acts.ts'
import type { RelationParams } from './params.ts'

export type StandingKind = keyof RelationParams['standing']

/**
 * A fact that holds over an interval rather than happening on a day: both in an alliance, a
 * treaty in force, recognition, sanctions, a closed border, troops stationed, a war.
 */
export interface StandingFact {
  kind: StandingKind
  a: string
  b: string
  from: string
  /** The first day it no longer holds; null while it holds. */
  to: string | null
  /** What it rests on: a bloc ("CSTO"), or the act that opened it and the latest (up to FACT_BASIS) that confirmed or closed it. */
  basis: string[]
  /** Who acts, for directed facts (recognition and sanctions by `a` of `b`). */
  directed: boolean
}

const FIRM = new Set(['asserted', 'reported'])

const samePair = (x: { source: string; target: string }, a: string, b: string) =>
  (x.source === a && x.target === b) || (x.source === b && x.target === a)

/** When an actor stopped taking part in a bloc, by the news: "fror seine Teilnahme an der OVKS ein". */
function suspensions(acts: Act[], actor: string, bloc: string): string[] {
  return suspensionIndex(acts).get(`${actor}>${bloc}`) ?? []
}

// Indexes made once per list (and again if it grew): a question asks for the bloc facts of
// hundreds of pairs, with the same blocs and membership retreats.
interface Indexed<T> { length: number; index: Map<string, T[]> }
const suspensionIndexes = new WeakMap<Act[], Indexed<string>>()
const memberIndexes = new WeakMap<Bloc['members'], Indexed<Bloc['members'][number]>>()

function indexed<I, T>(cache: WeakMap<I[], Indexed<T>>, list: I[], entry: (x: I) => [string, T] | null): Map<string, T[]> {
  const known = cache.get(list)
  if (known && known.length === list.length) return known.index
  const index = new Map<string, T[]>()
  for (const x of list) {
    const e = entry(x)
    if (e) index.set(e[0], [...(index.get(e[0]) ?? []), e[1]])
  }
  cache.set(list, { length: list.length, index })
  return index
}

function suspensionIndex(acts: Act[]): Map<string, string[]> {
  return indexed(suspensionIndexes, acts, (x) => (x.type === 'RETREAT' && x.mode === 'membership' && FIRM.has(x.modality) ? [`${x.source}>${x.target}`, x.day] : null))
}

/** A bloc's member entries of an actor (one that left and joined again has several). */
function membersOf(bloc: Bloc, actor: string): Bloc['members'] {
  return indexed(memberIndexes, bloc.members, (m) => [m.actor, m]).get(actor) ?? []
}

/** The blocs each actor ever belonged to: a pair needs only the blocs both are in. */
export function blocIndex(blocs: Bloc[]): (a: string, b: string) => Bloc[] {
  const of = new Map<string, Bloc[]>()
  for (const bloc of blocs) for (const m of new Set(bloc.members.map((x) => x.actor))) of.set(m, [...(of.get(m) ?? []), bloc])
  return (a, b) => (of.get(a) ?? []).filter((bloc) => (of.get(b) ?? []).includes(bloc))
}

/** Shared membership of a's and b's blocs, each interval where both took part. */
export function blocFacts(blocs: Bloc[], a: string, b: string, acts: Act[]): StandingFact[] {
  const facts: StandingFact[] = []
  for (const bloc of blocs) {
    const end = (m: Bloc['members'][number]) => {
      const ends = [m.to, m.suspended, ...suspensions(acts, m.actor, bloc.org)].filter((d): d is string => !!d && d >= m.from)
      return ends.length ? ends.sort()[0]! : null
    }
    for (const ma of membersOf(bloc, a)) {
      for (const mb of membersOf(bloc, b)) {
        const from = ma.from > mb.from ? ma.from : mb.from
        const ends = [end(ma), end(mb)].filter((d): d is string => d !== null)
        const to = ends.length ? ends.sort()[0]! : null
        if (to !== null && to <= from) continue
        facts.push({ kind: bloc.tie, a, b, from, to, basis: [bloc.org], directed: false })
      }
    }
  }
  return facts
}

interface Opener { kind: StandingKind; opens: (x: Act) => boolean; closes: (x: Act, open: Act) => boolean; directed: boolean }

const OPENERS: Opener[] = [
  {
    kind: 'treaty', directed: false,
    opens: (x) => (x.type === 'SUPPORT' || x.type === 'AGREE') && ['treaty', 'alliance'].includes(x.mode),
    closes: (x) => (x.type === 'REJECT' || x.type === 'SANCTION' || x.type === 'RETREAT') && ['treaty', 'alliance'].includes(x.mode),
  },
  {
    kind: 'recognition', directed: true,
    opens: (x) => x.type === 'SUPPORT' && x.mode === 'recognition',
    closes: (x, o) => x.source === o.source && (x.type === 'REJECT' || x.type === 'SANCTION') && x.mode === 'recognition',
  },
  {
    kind: 'sanctions', directed: true,
    opens: (x) => x.type === 'SANCTION' && ['sanctions', 'economic', 'designation', 'energy', 'arms', 'money'].includes(x.mode),
    closes: (x, o) => x.source === o.source && x.type === 'CONCEDE' && ['sanctions', 'designation'].includes(x.mode),
  },
  {
    kind: 'border', directed: false,
    opens: (x) => x.type === 'SANCTION' && x.mode === 'border',
    closes: (x) => (x.type === 'CONCEDE' || x.type === 'AGREE') && x.mode === 'border',
  },
  {
    kind: 'troops', directed: true,
    opens: (x) => (x.type === 'AID' && ['troops', 'mercenaries'].includes(x.mode)) || (x.type === 'MOBILIZE' && x.hosted),
    closes: (x, o) => x.source === o.source && x.type === 'RETREAT' && ['troops', 'military'].includes(x.mode),
  },
  {
    kind: 'war', directed: false,
    opens: (x) => x.type === 'ASSAULT' && x.mode === 'invasion',
    closes: (x) => x.type === 'AGREE' && x.mode === 'peace',
  },
]

/**
 * Standing facts the news opens and closes between a and b: "unterzeichneten einen Vertrag"
 * opens a treaty, "hob die Sanktionen auf" closes sanctions. Only asserted or reported acts
 * open or close a fact; one that is reopened after closing starts a new interval.
 */
export function eventFacts(acts: Act[], a: string, b: string): StandingFact[] {
  const pair = acts.filter((x) => samePair(x, a, b) && FIRM.has(x.modality)).sort((x, y) => x.day.localeCompare(y.day))
  const facts: StandingFact[] = []
  for (const o of OPENERS) {
    const open = new Map<string, { act: Act; fact: StandingFact }>()
    for (const x of pair) {
      for (const [key, cur] of open) {
        if (o.closes(x, cur.act) && x.day >= cur.fact.from) {
          cur.fact.to = x.day
          addBasis(cur.fact, x.id)
          open.delete(key)
        }
      }
      if (!o.opens(x)) continue
      const key = o.directed ? `${x.source}>${x.target}` : 'pair'
      const cur = open.get(key)
      if (cur) { addBasis(cur.fact, x.id); continue }
      const fact: StandingFact = { kind: o.kind, a: o.directed ? x.source : a, b: o.directed ? x.target : b, from: x.day, to: null, basis: [x.id], directed: o.directed }
      facts.push(fact)
      open.set(key, { act: x, fact })
    }
  }
  return facts
}

/** Acts a fact lists as its basis: the one that opened it and the latest that confirmed or closed it. */
export const FACT_BASIS = 10

function addBasis(f: StandingFact, id: string): void {
  if (f.basis.length >= FACT_BASIS) f.basis.splice(1, 1)
  f.basis.push(id)
}

export function holdsOn(f: StandingFact, day: string): boolean {
  return f.from <= day && (f.to === null || day < f.to)
}
