import type { GraphEdge } from './graph.ts'
import type { RelationState } from './pair.ts'

// A month's graph edges column by column: one JSON text of a dozen arrays, parsed in a fraction of
// the time tens of thousands of edge objects take (at ten million events a month holds 61,000
// edges: 12 MB of edge objects parsed in 55–180 ms, their columns in 13–21 ms). The graph's edges
// are then views over the columns, each field read when it is asked for.

/** What a month's edges hold, as stored (`EdgeColumns.encode`) and read back (`EdgeColumns.decode`). */
interface Columns {
  /** The actors, each once; `source` and `target` index them. */
  nodes: string[]
  source: number[]
  target: number[]
  score: number[]
  /** Index into `states`. */
  state: number[]
  states: string[]
  /** Index into `confidences`. */
  confidence: number[]
  confidences: string[]
  acts: number[]
  /** Each edge's standing facts and evidence ids, joined by a space (ids and bloc codes have none). */
  standing: string[]
  evidence: string[]
}

const SEPARATOR = ' '

const joined = (values: string[], what: string): string => {
  for (const v of values) if (v.includes(SEPARATOR)) throw new Error(`a graph edge's ${what} "${v}" holds a space`)
  return values.join(SEPARATOR)
}
const split = (value: string): string[] => (value ? value.split(SEPARATOR) : [])

/** An edge read from the columns: a view that builds each field when read. */
class ColumnEdge implements GraphEdge {
  readonly #c: Columns
  readonly #i: number
  constructor(c: Columns, i: number) { this.#c = c; this.#i = i }
  get source(): string { return this.#c.nodes[this.#c.source[this.#i]!]! }
  get target(): string { return this.#c.nodes[this.#c.target[this.#i]!]! }
  get score(): number { return this.#c.score[this.#i]! }
  get state(): RelationState { return this.#c.states[this.#c.state[this.#i]!]! as RelationState }
  get confidence(): string { return this.#c.confidences[this.#c.confidence[this.#i]!]! }
  get acts(): number { return this.#c.acts[this.#i]! }
  get standing(): string[] { return split(this.#c.standing[this.#i]!) }
  get evidence(): string[] { return split(this.#c.evidence[this.#i]!) }
  /** As the graph's JSON writes an edge: a plain object with every field. */
  toJSON(): GraphEdge {
    return { source: this.source, target: this.target, score: this.score, state: this.state, confidence: this.confidence, acts: this.acts, standing: this.standing, evidence: this.evidence }
  }
}

/** Edges as columns, and back. */
export const EdgeColumns = {
  /** The edges as one JSON text of columns, in the order given. */
  encode(edges: GraphEdge[]): string {
    const nodes = new Map<string, number>()
    const states = new Map<string, number>()
    const confidences = new Map<string, number>()
    const index = (m: Map<string, number>, v: string) => { let i = m.get(v); if (i === undefined) m.set(v, (i = m.size)); return i }
    const c: Columns = { nodes: [], source: [], target: [], score: [], state: [], states: [], confidence: [], confidences: [], acts: [], standing: [], evidence: [] }
    for (const e of edges) {
      c.source.push(index(nodes, e.source))
      c.target.push(index(nodes, e.target))
      c.score.push(e.score)
      c.state.push(index(states, e.state))
      c.confidence.push(index(confidences, e.confidence))
      c.acts.push(e.acts)
      c.standing.push(joined(e.standing, 'standing fact'))
      c.evidence.push(joined(e.evidence, 'evidence id'))
    }
    c.nodes = [...nodes.keys()]
    c.states = [...states.keys()]
    c.confidences = [...confidences.keys()]
    return JSON.stringify(c)
  },

  /** The edges of a text `encode` wrote, as views over its columns, and the sum of their acts. */
  decode(text: string): { edges: GraphEdge[]; acts: number } {
    const c = JSON.parse(text) as Columns
    const n = c.source.length
    const edges = new Array<GraphEdge>(n)
    let acts = 0
    for (let i = 0; i < n; i++) {
      edges[i] = new ColumnEdge(c, i)
      acts += c.acts[i]!
    }
    return { edges, acts }
  },
}
