import { createRequire } from 'node:module'
import { UndirectedGraph } from 'graphology'
import type { Bloc } from '../kb/schema.ts'
import type { Act } from './acts.ts'
import type { RelationParams } from './params.ts'
import { indexActs, pairHistory, pairKey, snapshot, type PairSnapshot, type RelationState } from './pair.ts'

// A CommonJS module whose declared ES default export NodeNext typing cannot call: loaded with require.
type Louvain = (graph: UndirectedGraph, options: { getEdgeWeight: string; rng: () => number }) => Record<string, number>
const louvain = createRequire(import.meta.url)('graphology-communities-louvain') as Louvain

export interface GraphEdge {
  source: string
  target: string
  score: number
  state: RelationState
  confidence: string
  acts: number
  /** The standing facts that hold: blocs both belong to (NATO, CSTO …) and kinds (treaty, sanctions …). */
  standing: string[]
  /** The acts that weigh most, by event id. */
  evidence: string[]
}
export interface RelationGraph { at: string; nodes: string[]; edges: GraphEdge[] }

/** Every pair with acts up to the day, or a bloc in common on it. */
function pairsOn(acts: Act[], blocs: Bloc[], day: string): [string, string][] {
  const keys = new Set<string>()
  const add = (a: string, b: string) => { if (a !== b) keys.add(pairKey(a, b)) }
  for (const x of acts) if (x.day <= day) add(x.source, x.target)
  for (const [a, b] of blocPairsOn(blocs, day)) add(a, b)
  return [...keys].sort().map((k) => k.split('|') as [string, string])
}

/** Every two actors who take part in one bloc on the day. */
export function blocPairsOn(blocs: Bloc[], day: string): [string, string][] {
  const out: [string, string][] = []
  for (const bloc of blocs) {
    const members = bloc.members.filter((m) => m.from <= day && (!m.to || day < m.to) && (!m.suspended || day < m.suspended)).map((m) => m.actor)
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.push([members[i]!, members[j]!])
  }
  return out
}

/**
 * The relations on a day: one edge per pair whose score reaches `min` in absolute value
 * (0 keeps every pair with evidence), with what it rests on.
 */
export function relationGraph(acts: Act[], blocs: Bloc[], day: string, p: RelationParams, min = 0): RelationGraph {
  const index = indexActs(acts)
  return graphOf(pairsOn(acts, blocs, day), (a, b) => snapshot(pairHistory(a, b, index, blocs), day, p, 3), day, min)
}

/** The graph of these pairs as their snapshots on the day show them (pairs without evidence left out). */
export function graphOf(pairs: Iterable<[string, string]>, snap: (a: string, b: string) => PairSnapshot, day: string, min: number): RelationGraph {
  const edges: GraphEdge[] = []
  const nodes = new Set<string>()
  for (const [a, b] of pairs) {
    const edge = edgeOf(a, b, snap(a, b))
    if (!edge || Math.abs(edge.score) < min) continue
    edges.push(edge)
    nodes.add(a).add(b)
  }
  return { at: day, nodes: [...nodes].sort(), edges }
}

/** The edge a pair's snapshot draws; null when it has neither acts nor standing facts. */
export function edgeOf(a: string, b: string, s: PairSnapshot): GraphEdge | null {
  if (s.acts === 0 && s.standing.length === 0) return null
  const standing = s.standing.map((f) => (f.kind === 'defence' || f.kind === 'union' ? f.basis[0]! : f.kind))
  return { source: a, target: b, score: s.score, state: s.state, confidence: s.confidence, acts: s.acts, standing, evidence: s.evidence.map((e) => e.id) }
}

export interface RelationBloc {
  id: number
  members: string[]
  /** Mean score of the cooperative ties inside the bloc. */
  cohesion: number
  /** What holds it together: alliances and standing facts with how many internal ties rest on each. */
  holds: { basis: string; ties: number }[]
  /** The strongest internal ties, those with news evidence first. */
  ties: GraphEdge[]
}

/** A small deterministic generator, so that the same graph always gives the same blocs. */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 }
}

/**
 * Groups of actors that cooperate with each other on the day: Louvain community detection on
 * the graph of cooperative relations (aligned or allied), weighted by score. Each bloc lists its
 * strongest internal ties, which say what holds it together.
 */
export function blocsOf(g: RelationGraph, p: RelationParams): RelationBloc[] {
  const coop = g.edges.filter((e) => e.score >= p.states.aligned && e.state !== 'neutral')
  const graph = new UndirectedGraph()
  for (const e of coop) {
    graph.mergeNode(e.source)
    graph.mergeNode(e.target)
    graph.mergeEdge(e.source, e.target, { weight: e.score })
  }
  if (graph.order === 0) return []
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seeded(42) })
  const groups = new Map<number, string[]>()
  for (const [node, c] of Object.entries(communities)) groups.set(c, [...(groups.get(c) ?? []), node])
  const blocs = [...groups.values()].filter((m) => m.length >= 2).map((members) => {
    const inside = new Set(members)
    const ties = coop.filter((e) => inside.has(e.source) && inside.has(e.target))
    const cohesion = Math.round((ties.reduce((s, e) => s + e.score, 0) / Math.max(1, ties.length)) * 100) / 100
    const counts = new Map<string, number>()
    for (const t of ties) for (const b of new Set(t.standing)) counts.set(b, (counts.get(b) ?? 0) + 1)
    const holds = [...counts].map(([basis, n]) => ({ basis, ties: n })).sort((u, v) => v.ties - u.ties || u.basis.localeCompare(v.basis))
    const strongest = [...ties].sort((u, v) => Number(v.acts > 0) - Number(u.acts > 0) || v.score - u.score || u.source.localeCompare(v.source))
    return { members: members.sort(), cohesion, holds, ties: strongest.slice(0, 5) }
  })
  return blocs.sort((u, v) => v.members.length - u.members.length || v.cohesion - u.cohesion || u.members[0]!.localeCompare(v.members[0]!))
    .map((b, i) => ({ id: i + 1, ...b }))
}
