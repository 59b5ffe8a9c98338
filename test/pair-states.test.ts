// Pair states (src/relations/pair-state.ts, src/service/pair-states.ts): big stores answer `allies`,
// graphs and blocs from one stored state per pair. These tests hold those answers to the ones the
// relation series gives act by act, on a generated store of my own, on SQLite and PostgreSQL; and
// check that states follow every write: new files, deletions, a changed model.
import { EdgeColumns } from '../src/relations/edge-columns.ts'
import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { kb } from './helpers.ts'
import { storeBackends } from './pg.ts'
import { actsAround, allActs, newsHorizon, relationParams } from '../src/service/relations.ts'
import { refreshPairStates } from '../src/service/pair-states.ts'
import { allies, graphAt, timeline } from '../src/service/questions.ts'
import { alliesOf, type Counterpart } from '../src/relations/allies.ts'
import type { FlowTotal } from '../src/relations/pair.ts'
import { relationGraph, type RelationGraph } from '../src/relations/graph.ts'
import { monthEnd } from '../src/relations/dates.ts'
import { polarityOf, type ImportedEvent } from '../src/import/record.ts'
import { importChunks } from '../src/import/chunks.ts'
import type { Store } from '../src/store/store.ts'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../src/store/tables.ts'
import { seeded, pick } from '../bench/gen/random.ts'

// Acts of every kind the model treats apart: standing facts opened and closed (treaty, sanctions,
// troops, war), hosted deployments, every modality, bloc leaders (CSTO, NATO), generic parties.
const KINDS: [string, string, string[]?][] = [
  ['CONSULT', 'visit'], ['AGREE', 'treaty'], ['SUPPORT', 'treaty'], ['SUPPORT', 'recognition'], ['COOPERATE', 'military'], ['AID', 'arms'],
  ['AID', 'troops'], ['RETREAT', 'troops'], ['ACCUSE', 'disapprove'], ['REJECT', 'treaty'], ['THREATEN', 'violence'], ['SANCTION', 'sanctions'],
  ['CONCEDE', 'sanctions'], ['MOBILIZE', 'troops', ['target:hosting']], ['MOBILIZE', 'troops'], ['ASSAULT', 'invasion'], ['AGREE', 'peace'], ['ASSAULT', 'airstrike'],
]
const MODALITIES = ['asserted', 'asserted', 'asserted', 'reported', 'reported', 'hedged', 'planned', 'denied', 'negated']
const ACTORS = ['RUS', 'RUS', 'RUS', 'USA', 'USA', 'UKR', 'UKR', 'CHN', 'BLR', 'PRK', 'IRN', 'KAZ', 'ARM', 'AZE', 'DEU', 'FRA', 'CSTO', 'NATO', 'EU', 'MLI', 'TUR', 'POLICE']

function events(n: number, seed: number, years: [number, number]): ImportedEvent[] {
  const rnd = seeded(seed)
  const span = Date.UTC(years[1], 0, 1) - Date.UTC(years[0], 0, 1)
  const out: ImportedEvent[] = []
  for (let i = 0; i < n; i++) {
    const source = pick(rnd, ACTORS)
    let target = pick(rnd, ACTORS)
    if (target === source) target = 'RUS' === source ? 'BLR' : 'RUS'
    const [type, mode, trace] = pick(rnd, KINDS)
    const date = new Date(Date.UTC(years[0], 0, 1) + Math.floor(rnd() * span)).toISOString().slice(0, 10)
    out.push({
      source, target, type, mode, polarity: polarityOf(type), // Imported records are asserted; reports of every modality are stored alike.
      modality: pick(rnd, MODALITIES) as ImportedEvent['modality'], date, quantity: null, rule: 'test.generated',
      trace: trace ?? ['dataset:test'], confidence: 0.5 + Math.round(rnd() * 50) / 100, evidence: `test ${seed}-${i}: ${source} → ${target}`, sourceSpan: [0, 0], targetSpan: null,
    })
  }
  return out
}

async function save(store: Store, name: string, list: ImportedEvent[]): Promise<void> {
  async function* batches() { for (let i = 0; i < list.length; i += 5000) yield list.slice(i, i + 5000) }
  await store.saveImport({ id: `pair-states-${name}`, sourceKey: `test:${name}`, file: name, path: name, format: 'test', title: name }, importChunks(`pair-states-${name}`, batches()))
}

const p = relationParams()
// Test-sized stores count as big from 3,000 acts of an actor (data/relations.yaml says 20,000).
p.series.above = 3000

/** What the series gives act by act (the path questions took before pair states). */
async function seriesAllies(store: Store, actor: string, at: string): Promise<Counterpart[]> {
  const set = await actsAround(store, kb, actor)
  assert.ok(set.fromSeries, `${actor} has more than series.above acts`)
  return alliesOf(actor, set.acts, kb.blocs, at, 24, p)
}

async function seriesGraph(store: Store, at: string): Promise<RelationGraph> {
  return relationGraph((await allActs(store, kb, at)).acts, kb.blocs, at, p)
}

/** The time slider's span and acts per month as the acts give them, bloc leaders' shares left out. */
async function actsTimeline(store: Store) {
  const { acts } = await allActs(store, kb, undefined, { whole: true })
  const counts = new Map<string, number>()
  for (const x of acts) if (!x.via) counts.set(x.day.slice(0, 7), (counts.get(x.day.slice(0, 7)) ?? 0) + (x.count ?? 1))
  const months = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, acts]) => ({ month, acts }))
  return { from: months[0] ? `${months[0].month}-01` : null, to: newsHorizon(acts), months }
}

/** A flow as `allies` lists it: without its evidence, which the pair's relation gives. */
const flowTotal = (f: FlowTotal) => ({ kind: f.kind, from: f.from, to: f.to, acts: f.acts, latest: f.latest, quantity: f.quantity })

/** Equal but for the last rounding digit of a score or trend (sums taken in another order). */
function assertSame(actual: unknown, expected: unknown, where: string): void {
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 20) / 20 : v)
  assert.deepEqual(JSON.parse(JSON.stringify(actual, round)), JSON.parse(JSON.stringify(expected, round)), where)
}

async function assertAsSeries(store: Store, days: string[]): Promise<void> {
  for (const actor of ['RUS', 'USA', 'UKR']) {
    for (const at of days) {
      const fast = await allies(store, kb, actor, { at })
      const series = await seriesAllies(store, actor, at)
      assert.equal(fast.counterparts.length, series.length, `${actor} ${at}: counterparts`)
      assertSame(fast.counterparts.map(({ name: _n, standing: _s, ...c }) => c), series.map(({ standing: _s, ...c }) => ({ ...c, evidence: c.evidence.map((e) => e.id), flows: c.flows.map(flowTotal) })), `${actor} ${at}`)
      assertSame(fast.counterparts.map((c) => c.standing), series.map((c) => c.standing.map(({ kind, a, b, from, to, basis }) => ({ kind, a, b, from, to, basis }))), `${actor} ${at}: standing`)
    }
  }
  for (const at of days.slice(0, 2)) {
    assertSame(await graphAt(store, kb, { at }), await seriesGraph(store, at), `graph ${at}`)
    // A month's last day reads the edges stored for that month.
    if (at === monthEnd(at.slice(0, 7))) assert.ok((await store.monthEdges(at.slice(0, 7)))?.length, `edges stored for ${at}`)
  }
}

for (const backend of storeBackends('entente_states')) {
  describe(`pair states: ${backend.name}`, () => {
    after(async () => { await backend.cleanup?.() })

    test('answer allies, graphs and blocs as the series does, at month ends and mid-month, and follow new files and deletions', async () => {
      const store = await backend.open()
      try {
        await save(store, 'first', events(30_000, 11, [2018, 2024]))
        const days = ['2022-06-30', '2023-02-14', '2021-12-31', '2019-07-09']
        await assertAsSeries(store, days)
        // The time slider counts a big store's months in one pass over the series, as the acts give them.
        const slider = await timeline(store, kb)
        assert.deepEqual(slider, await actsTimeline(store))
        assert.ok(slider.months.length > 60 && slider.months.every((m) => m.acts > 0))
        const built = await store.pairStatus()
        assert.equal(built.dirty, 0, 'questions brought the states up to date')
        assert.ok((await store.pairs('RUS')).length > 10)

        // A later file touches old and new months: the states of its pairs are computed again.
        await save(store, 'second', events(8_000, 12, [2020, 2025]))
        assert.ok((await store.pairStatus()).dirty > 0, 'a new file leaves its pairs to compute again')
        await assertAsSeries(store, ['2024-03-31', '2021-05-17'])
        assert.equal((await store.pairStatus()).dirty, 0)

        // Deleting it takes its acts out of the states again.
        const before = JSON.stringify((await allies(store, kb, 'RUS', { at: '2021-12-31' })).counterparts.map((c) => [c.actor, c.score, c.acts]))
        await save(store, 'third', events(4_000, 13, [2021, 2022]))
        assert.notEqual(JSON.stringify((await allies(store, kb, 'RUS', { at: '2021-12-31' })).counterparts.map((c) => [c.actor, c.score, c.acts])), before)
        assert.ok(await store.deleteDocument('pair-states-third'))
        assert.equal(JSON.stringify((await allies(store, kb, 'RUS', { at: '2021-12-31' })).counterparts.map((c) => [c.actor, c.score, c.acts])), before)
        await assertAsSeries(store, ['2022-01-31'])
      } finally {
        await store.close()
      }
    })

    test('graph edges of a month are kept as one value, and a new act drops the months it changes and no others', async () => {
      const store = await backend.open()
      try {
        await save(store, 'kept', events(30_000, 51, [2019, 2024]))
        assertSame(await graphAt(store, kb, { at: '2023-12-31' }), await seriesGraph(store, '2023-12-31'), 'graph 2023-12-31')
        assert.equal((await store.pairStatus()).monthsToKeep, false, 'a graph question keeps every month')
        assert.deepEqual(await store.pairStateWork((tx) => tx.monthsToKeep()), [])
        const early = await store.monthEdges('2020-06')
        assert.ok(early && EdgeColumns.decode(early).edges.length > 50)
        // A visit in March 2023 changes the pair's edges from that month on.
        const visit = events(1, 52, [2023, 2023]).map((x) => ({ ...x, source: 'KAZ', target: 'AZE', type: 'CONSULT', mode: 'visit', polarity: polarityOf('CONSULT'), date: '2023-03-10', modality: 'asserted' as const }))
        await save(store, 'kept-visit', visit)
        await allies(store, kb, 'KAZ', { at: '2023-03-31' })
        const dropped = await store.pairStateWork((tx) => tx.monthsToKeep())
        assert.ok(dropped.includes('2023-03') && dropped.includes('2023-12'), `dropped: ${dropped.join(' ')}`)
        assert.ok(dropped.every((m) => m >= '2023-03'), `months before the visit stay kept: ${dropped.join(' ')}`)
        assert.equal(await store.monthEdges('2020-06'), early)
        // Until they are kept again, the month's rows answer; a graph question keeps them.
        assertSame(await graphAt(store, kb, { at: '2023-03-31' }), await seriesGraph(store, '2023-03-31'), 'graph 2023-03-31')
        assert.deepEqual(await store.pairStateWork((tx) => tx.monthsToKeep()), [])
        const march = EdgeColumns.decode((await store.monthEdges('2023-03'))!).edges
        assert.ok(march.some((e) => e.source === 'AZE' && e.target === 'KAZ' && e.evidence.length > 0), 'the visit is drawn')
      } finally {
        await store.close()
      }
    })

    test('a store that reaches decades back keeps every month, the empty ones too', async () => {
      const store = await backend.open()
      try {
        const old = events(1, 62, [1950, 1950]).map((x) => ({ ...x, source: 'USA', target: 'GBR', type: 'AGREE', mode: 'treaty', polarity: polarityOf('AGREE'), date: '1950-05-10', modality: 'asserted' as const }))
        await save(store, 'far', [...old, ...events(4_000, 61, [2023, 2024])])
        await refreshPairStates(store, kb)
        assert.deepEqual(await store.pairStateWork((tx) => tx.monthsToKeep()), [])
        assert.equal((await store.pairStatus()).monthsToKeep, false)
        assert.ok(EdgeColumns.decode((await store.monthEdges('1950-05'))!).edges.some((e) => e.source === 'GBR' && e.target === 'USA'))
        assert.equal(EdgeColumns.decode((await store.monthEdges('1990-01'))!).edges.length, 0, 'a month with no edges is kept as none')
      } finally {
        await store.close()
      }
    })

    test('small stores keep answering from their reports, and exact or another half-life bypass the states', async () => {
      const store = await backend.open()
      try {
        await save(store, 'small', events(4_000, 21, [2022, 2024]))
        assert.deepEqual(await timeline(store, kb), await actsTimeline(store), 'a small store counts its reports')
        const a = await allies(store, kb, 'RUS', { at: '2023-06-30' })
        // Reports carry their outlets: the series and the states count none.
        assert.ok(a.counterparts.some((c) => c.sources > 0), 'answered from the reports')
        await save(store, 'big', events(12_000, 22, [2022, 2024]))
        assert.ok((await allies(store, kb, 'RUS', { at: '2023-06-30' })).counterparts.every((c) => c.sources === 0), 'answered from the states')
        assert.ok((await allies(store, kb, 'RUS', { at: '2023-06-30', exact: true })).counterparts.some((c) => c.sources > 0), 'exact reads the reports')
        const longer = await allies(store, kb, 'RUS', { at: '2023-06-30', halfLife: '36m' })
        assert.equal(longer.halfLifeMonths, 36)
        assertSame(longer.counterparts.map((c) => c.score), alliesOf('RUS', (await actsAround(store, kb, 'RUS')).acts, kb.blocs, '2023-06-30', 24, { ...p, halfLifeMonths: 36 }).map((c) => c.score), 'half-life 36m')
      } finally {
        await store.close()
      }
    })

    test('a changed model computes every pair again; nothing to do writes nothing', async () => {
      const store = await backend.open()
      try {
        await save(store, 'model', events(6_000, 31, [2023, 2024]))
        const pairs = await refreshPairStates(store, kb)
        assert.ok(pairs > 50, `pairs: ${pairs}`)
        const version = await store.version()
        assert.equal(await refreshPairStates(store, kb), 0)
        assert.equal(await store.version(), version, 'an up-to-date refresh does not write')
        await store.pairStateWork((tx) => tx.setModel('an older model'))
        assert.equal(await refreshPairStates(store, kb), pairs)
        // Generic parties (police) have no states: they are no counterparts between named actors.
        assert.ok((await store.pairs()).every((r) => r.a !== 'POLICE' && r.b !== 'POLICE'))
      } finally {
        await store.close()
      }
    })

    test("each state is kept under both its actors, whose reads give the pair's states as they were computed", async () => {
      const store = await backend.open()
      try {
        await save(store, 'sides', events(6_000, 41, [2021, 2023]))
        await refreshPairStates(store, kb)
        const db = (store as unknown as { db: Kysely<Database> }).db
        const count = async (table: 'pair_states' | 'actor_states') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
        assert.equal(await count('actor_states'), 2 * (await count('pair_states')))
        // Questions about pairs read pair_states light: its recent months and flows are kept once, under the actors.
        assert.equal(Number((await db.selectFrom('pair_states').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([eb('recent', '<>', '[]'), eb('flows', '<>', '[]')])).executeTakeFirstOrThrow()).n), 0)
        await assert.rejects(store.pairStates({ before: '2023-01' }), /read light/)
        // An actor's latest two states before a month, whether the months just before hold them or not.
        const pairs = await store.pairs('RUS')
        const two = await store.pairStates({ actor: 'RUS', before: '2022-07', last: 2 })
        const all = await store.pairStates({ actor: 'RUS', from: '2000-01', to: '2022-06' })
        for (const p of pairs) {
          const expected = all.filter((r) => r.a === p.a && r.b === p.b).slice(-2)
          assert.deepEqual(two.filter((r) => r.a === p.a && r.b === p.b), expected, `${p.a}|${p.b}`)
        }
        assert.ok(two.some((r) => r.month < '2022-05'), 'some pairs have no states in the two months before')
        assert.ok(two.every((r) => r.recent !== '[]' && r.flows !== '[]'))

        // New acts in a late month: the pairs are computed again, and only their states from that month on are written.
        const rowids = async () => new Map((await sql<{ k: string; r: string }>`select a || '|' || b || '|' || month as k, ${sql.raw(backend.name === 'SQLite' ? 'rowid' : 'ctid::text')} as r from pair_states`.execute(db)).rows.map((x) => [x.k, String(x.r)]))
        const before = await rowids()
        await save(store, 'late', events(300, 42, [2023, 2024]).map((e) => ({ ...e, date: `2023-11-${e.date!.slice(8)}` })))
        assert.ok(await refreshPairStates(store, kb) > 0)
        const after = await rowids()
        const kept = [...before].filter(([k, r]) => after.get(k) === r)
        assert.ok(kept.length > 0 && kept.every(([k]) => k.slice(-7) < '2023-11'), 'states before the new month stay where they are')
        assert.ok([...after.keys()].filter((k) => k.slice(-7) >= '2023-11').every((k) => before.get(k) !== after.get(k)), 'states from it on are new')
        assert.equal(await count('actor_states'), 2 * (await count('pair_states')))
      } finally {
        await store.close()
      }
    })

    test('graph edges follow a month that only one pair has acts in, and a day after the news reads the states', async () => {
      const store = await backend.open()
      try {
        await save(store, 'edges', events(30_000, 41, [2019, 2024]))
        assertSame(await graphAt(store, kb, { at: '2023-12-31' }), await seriesGraph(store, '2023-12-31'), 'graph 2023-12-31')
        // One visit in February 2024: the other pairs' edges must reach that month too.
        const visit = events(1, 42, [2024, 2024]).map((x) => ({ ...x, source: 'KAZ', target: 'CHN', type: 'CONSULT', mode: 'visit', polarity: polarityOf('CONSULT'), date: '2024-02-10', modality: 'asserted' as const }))
        await save(store, 'visit', visit)
        // A question about Kazakhstan computes its one changed pair and leaves the others' edges.
        await allies(store, kb, 'KAZ', { at: '2024-02-29' })
        assert.equal((await store.pairStatus()).dirty, 0)
        assert.equal(await store.monthEdges('2024-02'), null, 'edges wait to be extended')
        assert.ok((await store.pairStatus()).edgesBehind)
        const graph = await graphAt(store, kb, { at: '2024-02-29' })
        assertSame(graph, await seriesGraph(store, '2024-02-29'), 'graph 2024-02-29')
        const stored = await store.monthEdges('2024-02')
        assert.ok(stored, 'every pair reaches the new month')
        assert.equal((await store.pairStatus()).edgesBehind, false)
        assert.ok(graph.edges.length > EdgeColumns.decode(stored).edges.length, 'bloc pairs without acts are drawn as well')
        assert.ok(graph.edges.some((e) => e.acts === 0 && e.standing.includes('NATO')), 'a NATO pair with no acts')
        // After the news the stored edges reach no further: the states answer.
        assert.equal(await store.monthEdges('2024-09'), null)
        assertSame(await graphAt(store, kb, { at: '2024-09-30' }), await seriesGraph(store, '2024-09-30'), 'graph 2024-09-30')
      } finally {
        await store.close()
      }
    })
  })
}
