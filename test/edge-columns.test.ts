// A month's graph edges stored as columns (src/relations/edge-columns.ts) read back as the edges
// written: every field, in order, as the graph's JSON writes them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EdgeColumns } from '../src/relations/edge-columns.ts'
import type { GraphEdge } from '../src/relations/graph.ts'

const edges: GraphEdge[] = [
  { source: 'ARM', target: 'RUS', score: -1.25, state: 'strained', confidence: 'medium', acts: 7, standing: ['CSTO'], evidence: ['doc-a-1', 'doc-a-4'] },
  { source: 'BLR', target: 'RUS', score: 6.5, state: 'allied', confidence: 'high', acts: 40, standing: ['CSTO', 'treaty'], evidence: ['doc-b-2', 'doc-c-9', 'doc-d-1'] },
  { source: 'DEU', target: 'FRA', score: 1, state: 'neutral', confidence: 'low', acts: 0, standing: ['NATO'], evidence: [] },
  { source: 'ARM', target: 'AZE', score: -3.75, state: 'hostile', confidence: 'high', acts: 12, standing: [], evidence: ['doc-e-3'] },
]

test('edges read back from their columns with every field, in the order written', () => {
  const { edges: read, acts } = EdgeColumns.decode(EdgeColumns.encode(edges))
  assert.deepEqual(JSON.parse(JSON.stringify(read)), edges)
  assert.equal(acts, 59)
  assert.equal(read[1]!.target, 'RUS')
  assert.deepEqual(read[1]!.standing, ['CSTO', 'treaty'])
  assert.deepEqual(read[2]!.evidence, [])
  assert.equal(read[3]!.state, 'hostile')
})

test('columns name each actor, state and confidence once', () => {
  const text = EdgeColumns.encode(edges)
  assert.equal(text.split('"RUS"').length - 1, 1)
  assert.equal(text.split('"high"').length - 1, 1)
  assert.ok(text.length < JSON.stringify(edges).length * 0.8, 'shorter than the edges as objects')
})

test('no edges make an empty month; an evidence id with a space cannot be stored', () => {
  assert.deepEqual(EdgeColumns.decode(EdgeColumns.encode([])), { edges: [], acts: 0, nodes: [] })
  assert.throws(() => EdgeColumns.encode([{ ...edges[0]!, evidence: ['doc a-1'] }]), /evidence id "doc a-1" holds a space or semicolon/)
})

test('an edge read from columns spreads into JSON only its fields', () => {
  const [e] = EdgeColumns.decode(EdgeColumns.encode(edges.slice(0, 1))).edges
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify({ e })).e).sort(), ['acts', 'confidence', 'evidence', 'score', 'source', 'standing', 'state', 'target'])
})
