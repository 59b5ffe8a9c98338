import { test } from 'node:test'
import assert from 'node:assert/strict'
import { clusterEvents, type Clusterable } from '../src/analysis/cluster.ts'
import { scratchDir } from './scratch-dir.ts'

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

test('the same act reported in German and in English is one cluster with two sources', async () => {
  const { writeFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { openStore, knowledgeBase } = await import('../src/service/context.ts')
  const { ingestPaths } = await import('../src/service/ingest.ts')
  const { clustersOf } = await import('../src/service/events.ts')
  const dir = scratchDir('entente-xling-')
  writeFileSync(join(dir, 'de.json'), JSON.stringify({ title: 'Iran liefert Drohnen', publisher: 'Tagesblatt', date: '2024-10-02', text: 'Iran liefert Drohnen\n\nDer Iran hat im September 2024 weitere Kampfdrohnen an Russland geliefert, wie die Regierung in Teheran bestätigte.' }))
  writeFileSync(join(dir, 'en.json'), JSON.stringify({ title: 'Iran ships drones', publisher: 'Daily Wire Service', date: '2024-10-03', text: 'Iran ships drones\n\nIran delivered more combat drones to Russia in September 2024, the government in Tehran confirmed.' }))
  const store = await openStore(join(dir, 'x.db'))
  await ingestPaths([dir], knowledgeBase(), store)
  const events = (await store.events({ pair: ['IRN', 'RUS'], type: 'AID' }))
  assert.deepEqual([...new Set(events.map((e) => e.lang))].sort(), ['de', 'en'])
  const clusters = clustersOf(events)
  const ids = new Set(events.map((e) => clusters.get(e.id)!.id))
  assert.equal(ids.size, 1)
  assert.equal(clusters.get(events[0]!.id)!.sources, 2)
  await store.close()
})
