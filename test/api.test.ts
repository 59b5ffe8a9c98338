import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { EXAMPLES_DIR, knowledgeBase, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp, type Api } from '../src/server/app.ts'
import type { Store } from '../src/store/store.ts'
import { multipart } from './helpers.ts'
import { scratchDir } from './scratch-dir.ts'

const dir = scratchDir('entente-api-')
const uploads = join(dir, 'uploads')
let store: Store
let app: Api

before(async () => {
  store = await openStore(join(dir, 'api.db'))
  await ingestPaths([EXAMPLES_DIR], knowledgeBase(), store)
  app = await buildApp({ store, kb: knowledgeBase(), uploads, maxUploadBytes: 64 * 1024 })
})
after(async () => { await app.close(); await store.close() })

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url })
  return { status: r.statusCode, body: r.json() as any }
}


test('the OpenAPI document lists every endpoint, and the interactive docs are served', async () => {
  const { status, body } = await get('/api/openapi.json')
  assert.equal(status, 200)
  for (const path of ['/api/actors', '/api/actors/{id}', '/api/actors/{id}/allies', '/api/actors/{id}/changes', '/api/events', '/api/events/{id}', '/api/documents', '/api/documents/{id}', '/api/relations/{a}/{b}', '/api/blocs', '/api/graph', '/api/timeline', '/api/ingest', '/api/ingest/{id}']) {
    assert.ok(body.paths[path], `${path} missing from the OpenAPI document`)
  }
  const docs = await app.inject({ method: 'GET', url: '/api/docs/' })
  assert.equal(docs.statusCode, 200)
  assert.match(docs.body, /swagger/i)
})

test('actors are found by any of their names, in any language', async () => {
  for (const [q, id] of [['Nordkorea', 'PRK'], ['north korea', 'PRK'], ['Pjöngjang', 'PRK'], ['OVKS', 'CSTO'], ['RUS', 'RUS']]) {
    const { status, body } = await get(`/api/actors?q=${encodeURIComponent(q!)}`)
    assert.equal(status, 200)
    assert.equal(body[0]?.id, id, `${q} → ${body[0]?.id}`)
  }
  assert.equal((await get('/api/actors/prk')).body.id, 'PRK')
  const unknown = await get('/api/actors/XYZ')
  assert.equal(unknown.status, 404)
  assert.deepEqual(Object.keys(unknown.body).sort(), ['code', 'message'])
  assert.equal(unknown.body.code, 'not_found')
})

test('events filter and page as in the CLI; one event comes with its trace and cluster', async () => {
  const all = await get('/api/events?limit=5')
  assert.equal(all.status, 200)
  assert.ok(all.body.total > 5 && all.body.items.length === 5)
  const second = await get('/api/events?limit=5&offset=5')
  assert.notEqual(second.body.items[0].id, all.body.items[0].id)
  const rus = await get('/api/events?actor=RUS&types=AID,SUPPORT&limit=500')
  assert.ok(rus.body.items.length > 0)
  assert.ok(rus.body.items.every((e: any) => (e.source === 'RUS' || e.target === 'RUS') && ['AID', 'SUPPORT'].includes(e.type)))
  const one = await get(`/api/events/${all.body.items[0].id}`)
  assert.equal(one.status, 200)
  assert.ok(one.body.trace.length > 0 && one.body.sentence.length > 0 && one.body.cluster)
  // bad input: malformed date, page too large, unknown event
  assert.equal((await get('/api/events?from=2024-13')).status, 400)
  assert.equal((await get('/api/events?from=yesterday')).body.code, 'bad_request')
  assert.equal((await get('/api/events?limit=100000')).status, 400)
  assert.equal((await get('/api/events/0123456789abcdef-999')).status, 404)
})

test('events with a named partner and one-sided acts can be listed apart', async () => {
  const all = (await get('/api/events?limit=1')).body.total as number
  const named = await get('/api/events?partner=named&limit=200')
  const none = await get('/api/events?partner=none&limit=200')
  assert.equal(named.status, 200)
  assert.equal(none.status, 200)
  assert.ok(named.body.total > 0 && none.body.total > 0)
  assert.equal(named.body.total + none.body.total, all)
  assert.ok(named.body.items.every((e: { target: string | null }) => typeof e.target === 'string'))
  assert.ok(none.body.items.every((e: { target: string | null }) => e.target === null))
  assert.equal((await get('/api/events?partner=maybe')).status, 400)
})

test('documents list and one document with its annotations', async () => {
  const list = await get('/api/documents?limit=3')
  assert.equal(list.status, 200)
  assert.equal(list.body.items.length, 3)
  const doc = await get(`/api/documents/${list.body.items[0].id}`)
  assert.equal(doc.status, 200)
  for (const k of ['text', 'sentences', 'mentions', 'times', 'events']) assert.ok(Array.isArray(doc.body[k]) || typeof doc.body[k] === 'string', k)
  assert.ok(doc.body.mentions.length > 0)
  assert.equal((await get('/api/documents/nope.txt')).status, 404)
})

test('relations, allies, changes, blocs, graph and timeline answer as the CLI does', async () => {
  const allies = await get('/api/actors/RUS/allies?window=24m')
  assert.equal(allies.status, 200)
  assert.ok(allies.body.counterparts.length > 0)
  assert.ok(['allied', 'aligned', 'neutral', 'strained', 'hostile'].includes(allies.body.counterparts[0].state))
  const partner = allies.body.counterparts.find((c: any) => c.acts > 0).actor
  const rel = await get(`/api/relations/RUS/${partner}`)
  assert.equal(rel.status, 200)
  assert.ok(rel.body.series.length > 0 && rel.body.evidence.length > 0)
  assert.equal(rel.body.evidenceTotal, rel.body.evidence.length)
  const one = await get(`/api/relations/RUS/${partner}?evidence=1`)
  assert.deepEqual([one.body.evidence.length, one.body.evidenceTotal, one.body.evidence[0].id], [1, rel.body.evidenceTotal, rel.body.evidence.at(-1).id], 'the latest act only')
  assert.equal((await get(`/api/relations/RUS/${partner}?evidence=-1`)).status, 400)
  assert.equal((await get('/api/actors/RUS/changes?from=2015&to=2025')).status, 200)
  assert.equal((await get('/api/actors/RUS/changes?from=2015')).status, 400, 'to is required')
  const blocs = await get('/api/blocs')
  assert.equal(blocs.status, 200)
  const graph = await get('/api/graph?min=0.5')
  assert.equal(graph.status, 200)
  assert.ok(graph.body.edges.every((e: any) => Math.abs(e.score) >= 0.5))
  const ids = new Set(graph.body.nodes.map((n: any) => n.id))
  assert.ok(graph.body.edges.every((e: any) => ids.has(e.source) && ids.has(e.target)))
  const news = await get('/api/graph?news=true')
  assert.ok(news.body.edges.every((e: any) => e.acts > 0))
  const timeline = await get('/api/timeline')
  assert.ok(timeline.body.from < timeline.body.to && timeline.body.months.length > 0)
  // an earlier date gives another graph
  const early = await get(`/api/graph?at=${timeline.body.months[0].month}&news=true`)
  assert.ok(early.body.edges.length < news.body.edges.length)
  assert.equal((await get('/api/relations/RUS/XYZ')).status, 404)
  assert.equal((await get('/api/relations/RUS/PRK?from=2025&to=2020')).status, 400)
  assert.equal((await get('/api/actors/RUS/allies?at=2024-02-30x')).status, 400)
  assert.equal((await get('/api/nothing-here')).status, 404)
})

test('an upload is stored under the upload folder, ingested, and its events appear', async () => {
  const text = 'Kasachstan liefert Weizen\n\nKasachstan hat am Montag 20.000 Tonnen Weizen an Tadschikistan geliefert, teilte die Regierung in Astana mit.'
  const { payload, headers } = multipart([{ name: 'weizen.txt', content: text }])
  const r = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers })
  assert.equal(r.statusCode, 202, r.body)
  const job = r.json() as { id: string }
  for (let i = 0; i < 100; i++) {
    const s = await get(`/api/ingest/${job.id}`)
    if (s.body.status !== 'running') break
    await new Promise((res) => setTimeout(res, 20))
  }
  const done = await get(`/api/ingest/${job.id}`)
  assert.equal(done.body.status, 'done')
  assert.equal(done.body.summary.documents.new, 1)
  assert.ok(existsSync(join(uploads, job.id, 'weizen.txt')))
  const events = await get('/api/events?pair=KAZ,TJK')
  assert.ok(events.body.items.some((e: any) => e.type === 'AID' && e.source === 'KAZ'))
})

test('uploads with a path in the name, too large, empty or not multipart are refused', async () => {
  for (const name of ['../escape.txt', '..\\escape.txt', 'sub/dir.txt']) {
    const { payload, headers } = multipart([{ name, content: 'Russland liefert Waffen.' }])
    const r = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers })
    assert.equal(r.statusCode, 400, `${name}: ${r.body}`)
  }
  assert.ok(!readdirSync(dir).includes('escape.txt'))
  const big = multipart([{ name: 'big.txt', content: Buffer.alloc(100 * 1024, 'a') }])
  const tooLarge = await app.inject({ method: 'POST', url: '/api/ingest', ...big })
  assert.equal(tooLarge.statusCode, 413)
  assert.equal(tooLarge.json().code, 'too_large')
  const none = multipart([])
  assert.equal((await app.inject({ method: 'POST', url: '/api/ingest', ...none })).statusCode, 400)
  const json = await app.inject({ method: 'POST', url: '/api/ingest', payload: { files: [] } })
  assert.equal(json.statusCode, 415)
  assert.equal((await get('/api/ingest/00000000-0000-4000-8000-000000000000')).status, 404)
})
