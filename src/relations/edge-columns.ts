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
  /**
   * Each edge's standing facts and evidence ids: an edge's values joined by a space, the edges'
   * by a semicolon, as one text (ids and bloc codes hold neither). One long string parses at the
   * speed of a copy; an edge's part is found when it is read.
   */
  standing: string
  evidence: string
}

const VALUES = ' '
// Neither needs an escape in JSON, which would slow its parsing down.
const EDGES = ';'

const joined = (values: string[], what: string): string => {
  for (const v of values) if (/[\s;]/.test(v)) throw new Error(`a graph edge's ${what} "${v}" holds a space or semicolon`)
  return values.join(VALUES)
}

/** The parts of a text of lines (edges), each found by its number once the line starts are known. */
class Lines {
  #starts: number[] | null = null
  constructor(private readonly text: string) {}
  get(i: number): string[] {
    if (!this.#starts) {
      const starts = [0]
      for (let at = this.text.indexOf(EDGES); at >= 0; at = this.text.indexOf(EDGES, at + 1)) starts.push(at + 1)
      this.#starts = starts
    }
    const start = this.#starts[i]!
    const end = i + 1 < this.#starts.length ? this.#starts[i + 1]! - 1 : this.text.length
    return start < end ? this.text.slice(start, end).split(VALUES) : []
  }
}

/** The columns as read: the two texts of lines wrapped. */
interface Read extends Omit<Columns, 'standing' | 'evidence'> { standingOf: Lines; evidenceOf: Lines }

/** An edge read from the columns: a view that builds each field when read. */
class ColumnEdge implements GraphEdge {
  readonly #c: Read
  readonly #i: number
  constructor(c: Read, i: number) { this.#c = c; this.#i = i }
  get source(): string { return this.#c.nodes[this.#c.source[this.#i]!]! }
  get target(): string { return this.#c.nodes[this.#c.target[this.#i]!]! }
  get score(): number { return this.#c.score[this.#i]! }
  get state(): RelationState { return this.#c.states[this.#c.state[this.#i]!]! as RelationState }
  get confidence(): string { return this.#c.confidences[this.#c.confidence[this.#i]!]! }
  get acts(): number { return this.#c.acts[this.#i]! }
  get standing(): string[] { return this.#c.standingOf.get(this.#i) }
  get evidence(): string[] { return this.#c.evidenceOf.get(this.#i) }
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
    const c: Columns = { nodes: [], source: [], target: [], score: [], state: [], states: [], confidence: [], confidences: [], acts: [], standing: '', evidence: '' }
    const standing: string[] = []
    const evidence: string[] = []
    for (const e of edges) {
      c.source.push(index(nodes, e.source))
      c.target.push(index(nodes, e.target))
      c.score.push(e.score)
      c.state.push(index(states, e.state))
      c.confidence.push(index(confidences, e.confidence))
      c.acts.push(e.acts)
      standing.push(joined(e.standing, 'standing fact'))
      evidence.push(joined(e.evidence, 'evidence id'))
    }
    c.standing = standing.join(EDGES)
    c.evidence = evidence.join(EDGES)
    c.nodes = [...nodes.keys()]
    c.states = [...states.keys()]
    c.confidences = [...confidences.keys()]
    return JSON.stringify(c)
  },

  /** The edges of a text `encode` wrote, as views over its columns; the sum of their acts, and the actors they join. */
  decode(text: string): { edges: GraphEdge[]; acts: number; nodes: string[] } {
    const { standing, evidence, ...rest } = JSON.parse(text) as Columns
    const c: Read = { ...rest, standingOf: new Lines(standing), evidenceOf: new Lines(evidence) }
    const n = c.source.length
    const edges = new Array<GraphEdge>(n)
    let acts = 0
    for (let i = 0; i < n; i++) {
      edges[i] = new ColumnEdge(c, i)
      acts += c.acts[i]!
    }
    return { edges, acts, nodes: c.nodes }
  },
}
