import { test } from 'node:test'
import assert from 'node:assert/strict'
import { valueAt, valueOf, type Act } from '../src/relations/acts.ts'
import { loadRelationParams } from '../src/relations/params.ts'
import { monthlySeries, pairHistory, sinceOf, snapshot, stateChanges, trendOf, type Flow } from '../src/relations/pair.ts'
import { alliesOf, changesOf } from '../src/relations/allies.ts'
import { blocsOf, relationGraph } from '../src/relations/graph.ts'
import { exportGraph } from '../src/relations/export.ts'
import { DATA_DIR } from '../src/service/context.ts'
import type { Bloc } from '../src/kb/schema.ts'

const p = loadRelationParams(DATA_DIR)
let n = 0
/** An act with sensible defaults: asserted, confidence 0.8, one outlet. */
const act = (source: string, target: string, type: string, mode: string, day: string, more: Partial<Act> = {}): Act => {
  const id = `e${++n}`
  return { id, ids: [id], source, target, type, mode, modality: 'asserted', confidence: 0.8, day, stated: true, outlets: ['dpa'], quantity: null, hosted: false, ...more }
}
const none: Bloc[] = []

test('how much an act counts follows how firmly the article vouches for it', () => {
  const v = (modality: string) => valueOf(act('RUS', 'PRK', 'AID', 'arms', '2024-01-01', { modality }), p)
  assert.ok(v('asserted') > v('reported') && v('reported') > v('hedged') && v('hedged') > v('planned') && v('planned') > 0)
  assert.equal(v('denied'), 0)
  assert.ok(v('negated') < 0, 'help that did not come counts slightly against')
  assert.equal(valueOf(act('RUS', 'UKR', 'ASSAULT', 'attack', '2024-01-01', { modality: 'negated' }), p), 0, 'an attack that did not happen counts for nothing')
  // a treaty weighs more than a statement of support; an invasion more than an accusation
  assert.ok(valueOf(act('A', 'B', 'SUPPORT', 'treaty', '2024-01-01'), p) > valueOf(act('A', 'B', 'SUPPORT', 'statement', '2024-01-01'), p))
  assert.ok(valueOf(act('A', 'B', 'ASSAULT', 'invasion', '2024-01-01'), p) < valueOf(act('A', 'B', 'ACCUSE', 'statement', '2024-01-01'), p))
})

test('more independent sources weigh more, up to a cap', () => {
  const one = valueOf(act('IRN', 'RUS', 'AID', 'arms', '2024-01-01'), p)
  const two = valueOf(act('IRN', 'RUS', 'AID', 'arms', '2024-01-01', { outlets: ['dpa', 'Reuters'] }), p)
  const many = valueOf(act('IRN', 'RUS', 'AID', 'arms', '2024-01-01', { outlets: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }), p)
  assert.ok(two > one)
  assert.ok(Math.abs(many - one * p.maxSourceFactor) < 1e-9)
})

test('a contribution halves every half-life and does not exist before its day', () => {
  const x = act('RUS', 'PRK', 'AID', 'arms', '2024-01-01')
  assert.equal(valueAt(x, '2023-12-31', p), 0)
  const after = valueAt(x, '2025-01-01', p) / valueOf(x, p)
  assert.ok(Math.abs(after - 0.5) < 0.02, `after twelve months ${after}`)
  const quick = { ...p, halfLifeMonths: 6 }
  assert.ok(Math.abs(valueAt(x, '2025-01-01', quick) / valueOf(x, quick) - 0.25) < 0.02)
})

test('one hedged report is neutral with low confidence, not an alliance', () => {
  const h = pairHistory('RUS', 'AFG', [act('RUS', 'AFG', 'AID', 'arms', '2015-12-25', { modality: 'hedged' })], none)
  const s = snapshot(h, '2016-01-01', p)
  assert.equal(s.state, 'neutral')
  assert.equal(s.confidence, 'low')
  // many firm acts of help from two sources make an alliance
  const firm = ['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10', '2024-05-10'].map((d, i) => act('PRK', 'RUS', 'AID', i % 2 ? 'arms' : 'troops', d, { outlets: [i % 2 ? 'dpa' : 'AFP'] }))
  const strong = snapshot(pairHistory('PRK', 'RUS', firm, none), '2024-06-01', p)
  assert.equal(strong.state, 'allied')
  assert.equal(strong.confidence, 'high')
  assert.deepEqual(strong.flows.map((f) => `${f.kind} ${f.from}>${f.to} ${f.acts}`).sort(), ['arms PRK>RUS 2', 'troops PRK>RUS 3'])
})

test('states run from allied to hostile with the documented thresholds', () => {
  const acts = [act('RUS', 'UKR', 'ASSAULT', 'attack', '2024-01-01'), act('RUS', 'UKR', 'ASSAULT', 'airstrike', '2024-01-05'), act('UKR', 'RUS', 'ACCUSE', 'statement', '2024-01-06')]
  const s = snapshot(pairHistory('RUS', 'UKR', acts, none), '2024-01-31', p)
  assert.equal(s.state, 'strained')
  assert.ok(s.score <= p.states.strained && s.score > p.states.hostile)
  assert.ok(s.dimensions.military < 0 && s.dimensions.military < s.dimensions.diplomatic)
  // the evidence is ordered by weight: the two attacks, the later (less decayed) first, then the accusation
  assert.deepEqual(s.evidence.map((e) => e.id), [acts[1]!.id, acts[0]!.id, acts[2]!.id])
})

test('an invasion opens a war that holds without decaying until a peace agreement closes it', () => {
  const invasion = act('RUS', 'UKR', 'ASSAULT', 'invasion', '2022-02-24')
  const h = pairHistory('RUS', 'UKR', [invasion], none)
  assert.equal(snapshot(h, '2025-02-24', p).state, 'hostile', 'three years on the war still stands')
  const peace = pairHistory('RUS', 'UKR', [invasion, act('RUS', 'UKR', 'AGREE', 'peace', '2025-03-01')], none)
  const after = snapshot(peace, '2026-03-01', p)
  assert.ok(!after.standing.some((f) => f.kind === 'war'))
  assert.notEqual(after.state, 'hostile')
})

test('sanctions stand until the same side lifts them', () => {
  const impose = act('EU', 'BLR', 'SANCTION', 'sanctions', '2021-06-24')
  const lift = act('EU', 'BLR', 'CONCEDE', 'sanctions', '2023-01-10')
  const h = pairHistory('EU', 'BLR', [impose, lift], none)
  const sanctions = h.facts.filter((f) => f.kind === 'sanctions')
  assert.deepEqual(sanctions.map((f) => [f.a, f.b, f.from, f.to]), [['EU', 'BLR', '2021-06-24', '2023-01-10']])
  assert.deepEqual(sanctions[0]!.basis, [impose.id, lift.id])
  // a hedged report opens nothing
  assert.equal(pairHistory('EU', 'BLR', [{ ...impose, modality: 'hedged' }], none).facts.length, 0)
})

const csto: Bloc = { org: 'CSTO', tie: 'defence', led_by: 'RUS', members: [{ actor: 'RUS', from: '1994-04-20' }, { actor: 'ARM', from: '1994-04-20' }, { actor: 'KAZ', from: '1994-04-20' }] }

test('membership of the same alliance is a standing fact; freezing participation ends it', () => {
  const h = pairHistory('RUS', 'ARM', [], [csto])
  assert.equal(snapshot(h, '2020-01-01', p).state, 'allied')
  assert.equal(sinceOf(h, '2020-01-01', p), '1994-04')
  const frozen = act('ARM', 'CSTO', 'RETREAT', 'membership', '2024-02-22')
  const after = pairHistory('RUS', 'ARM', [frozen], [csto])
  assert.deepEqual(after.facts.map((f) => [f.kind, f.from, f.to]), [['defence', '1994-04-20', '2024-02-22']])
  assert.equal(snapshot(after, '2025-01-01', p).standing.length, 0)
  // the freeze shows as a falling trend and a state change with its cause
  assert.equal(trendOf(after, '2025-01-31', 24, p).trend, 'falling')
  const changes = stateChanges(after, monthlySeries(after, '2023-01', '2025-01', p), p)
  assert.deepEqual(changes.map((c) => [c.month, c.from, c.to]), [['2024-02', 'allied', 'neutral']])
  assert.equal(changes[0]!.facts[0]!.kind, 'defence')
})

test('a trend rises when cooperation grows and is stable when nothing happens', () => {
  const growing = [2, 5, 8, 11].map((m) => act('CHN', 'RUS', 'COOPERATE', 'economic', `2024-${String(m).padStart(2, '0')}-01`))
  assert.equal(trendOf(pairHistory('CHN', 'RUS', growing, none), '2024-12-31', 12, p).trend, 'rising')
  assert.equal(trendOf(pairHistory('CHN', 'RUS', [], none), '2024-12-31', 12, p).trend, 'stable')
})

test('allies lists every counterpart from most cooperative to most hostile, bloc partners included', () => {
  const acts = [
    act('PRK', 'RUS', 'AID', 'troops', '2024-10-01'), act('PRK', 'RUS', 'AID', 'arms', '2024-11-01'),
    act('RUS', 'UKR', 'ASSAULT', 'invasion', '2022-02-24'),
    act('CHN', 'RUS', 'CONSULT', 'visit', '2024-05-16'),
  ]
  const list = alliesOf('RUS', acts, [csto], '2024-12-31', 24, p)
  assert.deepEqual(list.map((c) => c.actor), ['ARM', 'KAZ', 'PRK', 'CHN', 'UKR'])
  assert.deepEqual(list.map((c) => c.state), ['allied', 'allied', 'aligned', 'neutral', 'hostile'])
  assert.equal(list.find((c) => c.actor === 'PRK')!.since, '2024-10')
  const moved = changesOf('RUS', acts, [csto], '2021-12-31', '2024-12-31', p)
  assert.deepEqual(moved.map((c) => [c.actor, c.steps]), [['UKR', -2], ['PRK', 1]])
})

test('blocs are the communities of the cooperation graph, with what holds each together', () => {
  const acts = [
    act('RUS', 'BLR', 'SUPPORT', 'treaty', '2024-01-01'), act('RUS', 'PRK', 'SUPPORT', 'treaty', '2024-06-19'), act('BLR', 'PRK', 'COOPERATE', 'military', '2024-07-01'),
    act('USA', 'POL', 'SUPPORT', 'treaty', '2024-01-01'), act('USA', 'EST', 'SUPPORT', 'treaty', '2024-01-01'), act('POL', 'EST', 'COOPERATE', 'military', '2024-07-01'),
    act('RUS', 'POL', 'THREATEN', 'military', '2024-07-01'),
  ]
  const graph = relationGraph(acts, none, '2024-08-01', p)
  assert.equal(graph.edges.length, 7)
  const blocs = blocsOf(graph, p)
  assert.deepEqual(blocs.map((b) => b.members), [['BLR', 'PRK', 'RUS'], ['EST', 'POL', 'USA']])
  assert.deepEqual(blocs[0]!.holds, [{ basis: 'treaty', ties: 2 }])
})

test('the graph exports to GraphML, GEXF and JSON with its nodes, edges and evidence', () => {
  const acts = [act('RUS', 'BLR', 'SUPPORT', 'treaty', '2024-01-01'), act('RUS', 'UKR', 'ASSAULT', 'invasion', '2022-02-24')]
  const graph = relationGraph(acts, none, '2024-08-01', p)
  const info = (id: string) => ({ name: `name of ${id}`, kind: 'state' })
  const graphml = exportGraph(graph, 'graphml', info)
  assert.match(graphml, /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns">/)
  assert.equal((graphml.match(/<edge /g) ?? []).length, 2)
  assert.match(graphml, /<data key="state">hostile<\/data>/)
  const gexf = exportGraph(graph, 'gexf', info)
  assert.match(gexf, /<gexf /)
  assert.equal((gexf.match(/<node /g) ?? []).length, 3)
  const json = JSON.parse(exportGraph(graph, 'json', info)) as { nodes: { id: string; name: string }[]; edges: { evidence: string[] }[] }
  assert.deepEqual(json.nodes.map((x) => x.id), ['BLR', 'RUS', 'UKR'])
  assert.ok(json.edges.every((e) => e.evidence.length === 1))
})

test('generic parties (police, rebels) take part in events but never in relations between named actors', async () => {
  const { analyseText, kb } = await import('./helpers.ts')
  const { actsFromEvents } = await import('../src/service/relations.ts')
  const doc = analyseText('Police arrested dozens of protesters. Israeli police detained Palestinian activists. North Korea sent troops to Russia. The Global Freedom Institute accused Russia of torture. Amnesty International accused Russia of torture.', '2025-06-17', 'en')
  const events = doc.events.map((e) => `${e.source}>${e.target}:${e.type}`)
  assert.ok(events.includes('POLICE>PROTESTERS:COERCE'), events.join(' '))
  assert.ok(events.includes('UNLISTED>RUS:ACCUSE'), 'a name the knowledge base does not list is an unlisted party')
  assert.ok(events.includes('NGO>RUS:ACCUSE'), 'a non-governmental organisation is a generic party')
  assert.ok(events.includes('ISR>PSE:COERCE'), 'a demonym before a generic party names its state')
  assert.ok(events.includes('PRK>RUS:AID'), 'the generic "troops" is what is sent, not the partner')
  const stored = doc.events.map((e, n) => ({ ...e, id: `d-${n}`, docId: 'd', file: 'f', lang: 'en', docDate: '2025-06-17', publisher: null, sentenceText: '', sentenceStart: 0, sourceSpan: [0, 0] as [number, number], targetSpan: [0, 0] as [number, number] }))
  const { acts } = actsFromEvents(stored, kb)
  assert.ok(acts.every((x) => kb.actors.get(x.source)?.kind !== 'sector' && kb.actors.get(x.target)?.kind !== 'sector'))
  assert.ok(acts.some((x) => x.source === 'PRK'))
})

test('a long-running flow or standing fact names its opening act and its latest ones, and counts them all', () => {
  const days = Array.from({ length: 40 }, (_, i) => `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-10`)
  const arms = days.map((d) => act('IRN', 'RUS', 'AID', 'arms', d))
  const sanctions = days.map((d) => act('USA', 'IRN', 'SANCTION', 'sanctions', d))
  // Built from the acts (a relation's flows): with their evidence.
  const flow = snapshot(pairHistory('IRN', 'RUS', arms, none), '2014-01-01', p).flows[0] as Flow
  assert.equal(flow.acts, 40)
  assert.deepEqual(flow.evidence, arms.slice(-10).map((x) => x.id), 'the ten latest deliveries')
  const fact = pairHistory('USA', 'IRN', sanctions, none).facts.find((f) => f.kind === 'sanctions')!
  assert.equal(fact.from, days[0])
  assert.equal(fact.basis.length, 10)
  assert.equal(fact.basis[0], sanctions[0]!.id, 'the act that imposed them')
  assert.deepEqual(fact.basis.slice(1), sanctions.slice(-9).map((x) => x.id), 'and the latest that renewed them')
})

test('a snapshot on a stored state keeps its flows as they were when the acts after it carry nothing, and adds to them when an act carries arms', () => {
  const base = {
    month: '2024-05', ab: 2, ba: 1, dimensions: { military: 2, diplomatic: 1, economic: 0 }, acts: 6, firm: 6, evidence: [{ id: 'old', value: 1 }],
    flows: [{ kind: 'arms', from: 'IRN', to: 'RUS', acts: 4, latest: '2024-05-20', quantity: null }, { kind: 'troops', from: 'PRK', to: 'RUS', acts: 1, latest: '2024-04-02', quantity: null }],
  }
  const visit = act('IRN', 'RUS', 'CONSULT', 'visit', '2024-06-10')
  const talk = snapshot(pairHistory('IRN', 'RUS', [visit], none), '2024-06-14', p, 5, base)
  assert.deepEqual(talk.flows.map((f) => `${f.kind} ${f.from}>${f.to} ${f.acts} ${f.latest}`), ['arms IRN>RUS 4 2024-05-20', 'troops PRK>RUS 1 2024-04-02'])
  assert.equal(talk.acts, 7)
  const drones = act('IRN', 'RUS', 'AID', 'arms', '2024-06-12', { quantity: '200 drones' })
  const armed = snapshot(pairHistory('IRN', 'RUS', [visit, drones], none), '2024-06-14', p, 5, base)
  assert.deepEqual(armed.flows.map((f) => `${f.kind} ${f.from}>${f.to} ${f.acts} ${f.latest} ${f.quantity}`), ['arms IRN>RUS 5 2024-06-12 200 drones', 'troops PRK>RUS 1 2024-04-02 null'])
})
