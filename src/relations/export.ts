import { createRequire } from 'node:module'
import { UndirectedGraph } from 'graphology'
import { create } from 'xmlbuilder2'
import type { RelationGraph } from './graph.ts'

type GexfWrite = (graph: UndirectedGraph, options?: { version?: string; pretty?: boolean }) => string
const gexf = createRequire(import.meta.url)('graphology-gexf') as { write: GexfWrite }

export type GraphFormat = 'json' | 'gexf' | 'graphml'

export interface NodeInfo { name: string; kind: string }

function toGraphology(g: RelationGraph, info: (id: string) => NodeInfo): UndirectedGraph {
  const graph = new UndirectedGraph()
  for (const id of g.nodes) graph.addNode(id, { label: info(id).name, kind: info(id).kind })
  for (const e of g.edges) graph.addEdge(e.source, e.target, { weight: e.score, state: e.state, confidence: e.confidence, acts: e.acts, standing: e.standing.join(' '), evidence: e.evidence.join(' ') })
  return graph
}

/** GraphML for yEd, Cytoscape and networkx: keys declared, one node and one edge element each. */
function graphml(g: RelationGraph, info: (id: string) => NodeInfo): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', { xmlns: 'http://graphml.graphdrawing.org/xmlns' })
  const keys: [string, 'node' | 'edge', string, string][] = [
    ['label', 'node', 'label', 'string'], ['kind', 'node', 'kind', 'string'],
    ['weight', 'edge', 'weight', 'double'], ['state', 'edge', 'state', 'string'], ['confidence', 'edge', 'confidence', 'string'],
    ['acts', 'edge', 'acts', 'int'], ['standing', 'edge', 'standing', 'string'], ['evidence', 'edge', 'evidence', 'string'],
  ]
  for (const [id, on, name, type] of keys) root.ele('key', { id, for: on, 'attr.name': name, 'attr.type': type })
  const graph = root.ele('graph', { id: `entente-${g.at}`, edgedefault: 'undirected' })
  for (const id of g.nodes) {
    const n = graph.ele('node', { id })
    n.ele('data', { key: 'label' }).txt(info(id).name)
    n.ele('data', { key: 'kind' }).txt(info(id).kind)
  }
  g.edges.forEach((e, i) => {
    const x = graph.ele('edge', { id: `e${i}`, source: e.source, target: e.target })
    x.ele('data', { key: 'weight' }).txt(String(e.score))
    x.ele('data', { key: 'state' }).txt(e.state)
    x.ele('data', { key: 'confidence' }).txt(e.confidence)
    x.ele('data', { key: 'acts' }).txt(String(e.acts))
    x.ele('data', { key: 'standing' }).txt(e.standing.join(' '))
    x.ele('data', { key: 'evidence' }).txt(e.evidence.join(' '))
  })
  return root.end({ prettyPrint: true })
}

/** The relation graph of a day in a format network tools read (Gephi: GEXF; yEd, networkx: GraphML). */
export function exportGraph(g: RelationGraph, format: GraphFormat, info: (id: string) => NodeInfo): string {
  if (format === 'gexf') return gexf.write(toGraphology(g, info), { pretty: true })
  if (format === 'graphml') return graphml(g, info)
  return JSON.stringify({ at: g.at, nodes: g.nodes.map((id) => ({ id, ...info(id) })), edges: g.edges }, null, 2)
}
