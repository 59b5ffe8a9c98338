import { test } from 'node:test'
import assert from 'node:assert/strict'
import { clusterEvents, type Clusterable } from '../src/analysis/cluster.ts'

const ev = (id: string, over: Partial<Clusterable>): Clusterable => ({
  id, docId: 'd1', source: 'PRK', target: 'RUS', type: 'AID', date: null, docDate: '2024-11-02', outlet: 'a.example', ...over,
})

test('a headline and its body, and two outlets, report one event', () => {
  const c = clusterEvents([
    ev('1', { date: '2024-10' }),
    ev('2', { date: '2024-10-18', docId: 'd2', outlet: 'b.example' }),
    ev('3', {}),
  ])
  assert.equal(c.get('1')!.id, c.get('2')!.id)
  assert.equal(c.get('3')!.id, c.get('1')!.id)
  assert.equal(c.get('1')!.sources, 2)
})

test('other dates, types or directions are other events; mutual acts match either way', () => {
  const c = clusterEvents([
    ev('1', { date: '2024-10' }),
    ev('2', { date: '2023-07' }),
    ev('3', { date: '2024-10', type: 'SUPPORT' }),
    ev('4', { date: '2024-10', source: 'RUS', target: 'PRK' }),
    ev('5', { date: '2024-06', type: 'CONSULT' }),
    ev('6', { date: '2024-06-19', type: 'CONSULT', source: 'RUS', target: 'PRK', docId: 'd9', outlet: 'c.example' }),
  ])
  assert.equal(new Set(['1', '2', '3', '4'].map((k) => c.get(k)!.id)).size, 4)
  assert.equal(c.get('5')!.id, c.get('6')!.id)
})
