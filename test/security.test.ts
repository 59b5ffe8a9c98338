// Security (issue 8): the server listens on this machine only unless told otherwise; writes need the
// token when it listens elsewhere; uploads stay in the upload folder; pages carry a strict
// Content-Security-Policy; over-limit requests get 429 and 413 at once; SQL only takes parameters.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, openStore } from '../src/service/context.ts'
import { kb, multipart } from './helpers.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp, type Api } from '../src/server/app.ts'
import { isLoopback } from '../src/server/security.ts'
import type { Store } from '../src/store/store.ts'
import { scratchDir } from './scratch-dir.ts'

const dir = scratchDir('entente-sec-')
const TOKEN = 'a-long-random-token-for-the-test-0123456789'
let store: Store
let app: Api


before(async () => {
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeFileSync(join(corpus, 'pakt.txt'), 'Stand: 19.06.2024\nRussland und Nordkorea unterzeichneten in Pjöngjang einen Beistandspakt.')
  writeFileSync(join(corpus, 'drohnen.txt'), 'Stand: 03.02.2023\nIran lieferte Hunderte Kampfdrohnen an Russland.')
  store = await openStore(join(dir, 'sec.db'))
  await ingestPaths([corpus], kb, store)
  app = await buildApp({ store, kb, uploads: join(dir, 'uploads'), maxUploadBytes: 32 * 1024, token: TOKEN })
})
after(async () => {
  await app?.close()
  await store?.close()
})

test('loopback addresses are told apart from addresses other machines reach', () => {
  for (const h of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.ok(isLoopback(h), h)
  for (const h of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.org', '128.0.0.1']) assert.ok(!isLoopback(h), h)
})

test('writes need the token: uploads and deletions without it, or with a wrong one, are refused; reads are open', async () => {
  const upload = multipart([{ name: 'neu.txt', content: 'Stand: 01.03.2024\nKasachstan und China unterzeichneten ein Handelsabkommen.' }])
  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
    const r = await app.inject({ method: 'POST', url: '/api/ingest', ...upload, headers: { ...upload.headers, ...(authorization ? { authorization } : {}) } })
    assert.equal(r.statusCode, 401, String(authorization))
    assert.equal(r.json().code, 'unauthorized')
  }
  assert.ok(!existsSync(join(dir, 'uploads')) || readdirSync(join(dir, 'uploads')).length === 0, 'nothing was stored')
  const ok = await app.inject({ method: 'POST', url: '/api/ingest', ...upload, headers: { ...upload.headers, authorization: `Bearer ${TOKEN}` } })
  assert.equal(ok.statusCode, 202)
  assert.equal((await app.inject({ method: 'GET', url: '/api/events?limit=5' })).statusCode, 200)
  assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).json().writeToken, true)
})

test('a deletion with the token removes the document, its events and its share of the relations', async () => {
  const [doc] = (await store.documents({ limit: 10, offset: 0 })).items.filter((d) => d.file === 'drohnen.txt')
  assert.ok(doc)
  assert.ok((await app.inject({ method: 'GET', url: '/api/actors/IRN/allies' })).body.includes('RUS'))
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/documents/${doc.id}` })).statusCode, 401)
  const r = await app.inject({ method: 'DELETE', url: `/api/documents/${doc.id}`, headers: { authorization: `Bearer ${TOKEN}` } })
  assert.equal(r.statusCode, 200)
  assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${doc.id}` })).statusCode, 404)
  assert.equal((await store.events({ pair: ['IRN', 'RUS'] })).length, 0)
  assert.equal((await store.series({ pair: ['IRN', 'RUS'] })).length, 0, 'the relation series lost its acts')
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/documents/${doc.id}`, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, 404)
})

test('upload names that try to leave the upload folder are refused, and nothing lands outside it', async () => {
  const names = ['../escape.txt', '..\\escape.txt', '/etc/entente.txt', 'sub/../../escape.txt', '..', '.env', 'C:\\Windows\\x.txt', 'a\u0000b.txt', 'x'.repeat(300) + '.txt']
  for (const name of names) {
    const body = multipart([{ name, content: 'Russland lieferte Waffen an Syrien.' }])
    const r = await app.inject({ method: 'POST', url: '/api/ingest', ...body, headers: { ...body.headers, authorization: `Bearer ${TOKEN}` } })
    assert.equal(r.statusCode, 400, `${JSON.stringify(name)}: ${r.body}`)
  }
  assert.ok(!existsSync(join(dir, 'escape.txt')) && !existsSync(join(dir, '..', 'escape.txt')))
  const stored = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? stored(join(d, e.name)) : [join(d, e.name)]))
  for (const f of stored(join(dir, 'uploads'))) assert.ok(!relative(join(dir, 'uploads'), f).startsWith('..'))
})

test('pages and API answers carry a strict Content-Security-Policy and other protective headers', async () => {
  for (const url of ['/api/health', '/api/events?limit=1', '/api/docs/']) {
    const r = await app.inject({ method: 'GET', url })
    const csp = String(r.headers['content-security-policy'] ?? '')
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
    assert.ok(script.includes("'self'") || csp.includes("default-src 'self'"), `${url}: ${csp}`)
    assert.doesNotMatch(script, /unsafe-inline|unsafe-eval|\*/, `${url}: ${csp}`)
    if (url.startsWith('/api/health')) {
      assert.match(csp, /object-src 'none'/)
      assert.match(csp, /frame-ancestors 'none'/)
      assert.equal(r.headers['x-content-type-options'], 'nosniff')
    }
  }
})

test('over-limit requests are rejected at once: 429 with Retry-After past the rate, 413 past the size', async () => {
  const limited = await buildApp({ store, kb, uploads: join(dir, 'uploads2'), maxUploadBytes: 32 * 1024, rateLimit: 20 })
  try {
    const codes: number[] = []
    const slowest429: number[] = []
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      const r = await limited.inject({ method: 'GET', url: '/api/events?limit=5', remoteAddress: '10.1.2.3' })
      codes.push(r.statusCode)
      if (r.statusCode === 429) {
        slowest429.push(performance.now() - t)
        assert.equal(r.json().code, 'too_many_requests')
        assert.ok(Number(r.headers['retry-after']) > 0)
      }
    }
    assert.deepEqual([codes.filter((c) => c === 200).length, codes.filter((c) => c === 429).length], [20, 10])
    assert.ok(Math.max(...slowest429) < 100, `429 answered in ${Math.max(...slowest429).toFixed(1)} ms`)
    // Another address has its own budget.
    assert.equal((await limited.inject({ method: 'GET', url: '/api/events?limit=5', remoteAddress: '10.1.2.4' })).statusCode, 200)
    const big = multipart([{ name: 'gross.txt', content: Buffer.alloc(64 * 1024, 'a') }])
    const r413 = await limited.inject({ method: 'POST', url: '/api/ingest', ...big, remoteAddress: '10.9.9.9' })
    assert.equal(r413.statusCode, 413)
    const json = await limited.inject({ method: 'POST', url: '/api/ingest', payload: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' }, remoteAddress: '10.9.9.8' })
    assert.equal(json.statusCode, 413)
  } finally {
    await limited.close()
  }
})

test('SQL takes values only as parameters: hostile query strings find nothing and change nothing', async () => {
  const before = await store.stats()
  const hostile = ["x' OR '1'='1", "x'; DROP TABLE events; --", 'x" OR 1=1 --', "%' UNION SELECT * FROM documents --", '\\\'; DELETE FROM documents; --']
  for (const h of hostile) {
    const q = encodeURIComponent(h)
    for (const url of [`/api/events?publisher=${q}`, `/api/documents/${q}`, `/api/events/${q}`, `/api/actors?q=${q}`, `/api/events?actor=${q}`]) {
      const r = await app.inject({ method: 'GET', url })
      assert.ok([200, 400, 404].includes(r.statusCode), `${url}: ${r.statusCode}`)
      if (r.statusCode === 200 && url.includes('publisher')) assert.equal(r.json().total, 0, url)
    }
    const d = await app.inject({ method: 'DELETE', url: `/api/documents/${q}`, headers: { authorization: `Bearer ${TOKEN}` } })
    assert.equal(d.statusCode, 404)
  }
  assert.deepEqual(await store.stats(), before)
})

test('SQL text is never built from values: every raw SQL fragment in the code is one of the reviewed, constant ones', () => {
  // Kysely and `sql` templates send values as parameters. What bypasses that (sql.raw, sql.lit,
  // prepare/exec with a built string, pg's client.query with a template) is listed here with why.
  const reviewed = new Map([
    ['src/store/postgres-store.ts', /sql\.raw\(kind\(c\)\)/],
    // The bulk paths' column lists (tables.ts EVENT_COLUMNS, STATE_COLUMNS, ACTOR_STATE_COLUMNS, EDGE_COLUMNS, and
    // ANNOTATION_COLUMNS, whose keys are the table names), constant.
    // The series' group columns and merge (series.ts GROUP_COLUMNS, MERGE_GROUP), constant; an
    // imported file's bulk load drops indexes by the names SQLite lists, checked to be identifiers.
    ['src/store/sqlite-store.ts', /prepare\(`INSERT (OR IGNORE )?INTO (events \(\$\{EVENT_COLUMNS|pair_states \(\$\{STATE_COLUMNS|actor_states \(\$\{ACTOR_STATE_COLUMNS|pair_edges \(\$\{EDGE_COLUMNS|pair_months \(\$\{GROUP_COLUMNS|\$\{table\} \(\$\{ANNOTATION_COLUMNS\[table\])|exec\(`DROP INDEX "\$\{i\.name\}"`\)/],
    ['src/store/series.ts', /sql\.raw\((MERGE_GROUP|GROUP_COLUMNS\.join\(', '\))\)/],
    ['src/service/backup.ts', /prepare\(`select count\(\*\) from "\$\{t\}"`\)/],
  ])
  const risky = /sql\.raw\(|sql\.lit\(|\.prepare\(`[^`]*\$\{|\.exec\(`[^`]*\$\{|\.query\(`[^`]*\$\{/
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []))
  const found: string[] = []
  for (const file of walk(join(ROOT, 'src'))) {
    const rel = relative(ROOT, file)
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (risky.test(line) && !reviewed.get(rel)?.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`)
    })
  }
  assert.deepEqual(found, [])
})

test('the server listens on 127.0.0.1 by default, and beyond it only with a token for writes', { timeout: 120_000 }, () => {
  const db = join(dir, 'start.db')
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'start', '--once', '--port', '0', '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOST: '', ENTENTE_TOKEN: '' } })
  const local = run([])
  assert.equal(local.status, 0, local.stderr)
  assert.match(local.stdout, /running at http:\/\/127\.0\.0\.1:\d+/)
  assert.doesNotMatch(local.stdout, /access token/)
  const open = run(['--host', '0.0.0.0'])
  assert.equal(open.status, 0, open.stderr)
  assert.match(open.stdout, /running at http:\/\/0\.0\.0\.0:\d+/)
  assert.match(open.stdout, /uploads and deletions need the access token [A-Za-z0-9_-]{32}/)
})
