// Concurrency (issue 8): the API keeps answering reads while another process ingests into the same
// database, and two ingests of the same folder at once store each document once. Both on the SQLite
// file (WAL mode, write transactions that begin immediate) and on PostgreSQL (one writer at a time).
import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { kb } from './helpers.ts'
import { PG, pgSchemas } from './pg.ts'
import { writeArticles } from '../bench/gen/articles.ts'
import { ROOT, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp } from '../src/server/app.ts'
import { scratchDir } from './scratch-dir.ts'

interface Summary { documents: { new: number; unchanged: number; replaced: number; failed: number }; errors: { reason: string }[] }

/** `entente ingest` in a child process; resolves with its JSON summary. */
function ingestProcess(dir: string, db: string): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/entente.js'), 'ingest', dir, '--db', db, '--workers', '1', '--json'], { env: { ...process.env, NO_COLOR: '1' } })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => { out += d })
    child.stderr.on('data', (d: Buffer) => { err += d })
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Summary) : reject(new Error(`ingest exited ${code}: ${err}`))))
  })
}

function corpus(files: number, seed: number): string {
  const dir = join(scratchDir('entente-conc-'), 'corpus')
  writeArticles(dir, files, seed)
  return dir
}

async function documentsIn(dir: string): Promise<number> {
  const store = await openStore(join(scratchDir('entente-conc-ref-'), 'ref.db'))
  try { return (await ingestPaths([dir], kb, store)).documents.new } finally { await store.close() }
}

const schemas = pgSchemas('entente_conc')
after(schemas.dropAll)

const backends: { name: string; fresh: () => Promise<string> }[] = [
  { name: 'SQLite', fresh: async () => join(scratchDir('entente-conc-'), 'c.db') },
]
if (PG) backends.push({ name: 'PostgreSQL', fresh: schemas.fresh })

for (const backend of backends) {
  describe(`concurrency: ${backend.name}`, () => {
    test('two ingests of the same folder at once store each document once, and neither fails', async () => {
      const dir = corpus(200, 21)
      const expected = await documentsIn(dir)
      const db = await backend.fresh()
      const [a, b] = await Promise.all([ingestProcess(dir, db), ingestProcess(dir, db)])
      assert.deepEqual([a.documents.failed, b.documents.failed], [0, 0], [...a.errors, ...b.errors].map((e) => e.reason).slice(0, 3).join('; '))
      assert.equal(a.documents.new + b.documents.new, expected, 'each document stored by exactly one of them')
      assert.equal(a.documents.new + a.documents.unchanged, expected)
      assert.equal(b.documents.new + b.documents.unchanged, expected)
      const store = await openStore(db)
      try {
        assert.equal((await store.stats()).documents, expected)
      } finally {
        await store.close()
      }
    })

    test('the API answers every read while another process ingests into the same database', async () => {
      const dir = corpus(300, 22)
      const db = await backend.fresh()
      const store = await openStore(db)
      const app = await buildApp({ store, kb, uploads: scratchDir('entente-conc-up-') })
      const ingest = ingestProcess(dir, db)
      try {
        let finished = false
        void ingest.finally(() => { finished = true })
        const urls = ['/api/documents?limit=1', '/api/events?limit=20', '/api/actors/RUS/allies', '/api/relations/RUS/BLR', '/api/graph?at=2025-01-01']
        let reads = 0
        let lastDocs = 0
        while (!finished) {
          // Injected requests resolve without passing through the event loop's I/O phase: give the
          // child process's exit a chance to be seen.
          await new Promise((r) => setTimeout(r, 10))
          for (const url of urls) {
            const r = await app.inject({ method: 'GET', url })
            assert.equal(r.statusCode, 200, `${url} during ingestion: ${r.body.slice(0, 200)}`)
            reads++
            if (url.startsWith('/api/documents')) {
              const docs = (r.json() as { total: number }).total
              assert.ok(docs >= lastDocs, 'what was stored stays stored')
              lastDocs = docs
            }
          }
        }
        const summary = await ingest
        assert.equal(summary.documents.failed, 0)
        assert.ok(reads >= urls.length, `reads while ingesting: ${reads}`)
        const listed = (await app.inject({ method: 'GET', url: '/api/documents?limit=1' })).json() as { total: number }
        assert.equal(listed.total, summary.documents.new, 'the server sees every document the other process stored')
      } finally {
        await ingest.catch(() => undefined)
        await app.close()
        await store.close()
      }
    })
  })
}
