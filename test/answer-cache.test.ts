// The server keeps read answers until the store changes, whoever changes it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kb } from './helpers.ts'
import { openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp } from '../src/server/app.ts'
import { scratchDir } from './scratch-dir.ts'

test('a repeated question is answered from what was kept, and a write by another connection makes it stale', async () => {
  const dir = scratchDir('entente-cache-')
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeFileSync(join(corpus, 'a.txt'), 'Stand: 19.06.2024\nRussland und Nordkorea unterzeichneten einen Beistandspakt.')
  const db = join(dir, 'c.db')
  const store = await openStore(db)
  const writer = await openStore(db)
  const app = await buildApp({ store, kb, uploads: join(dir, 'up') })
  try {
    await ingestPaths([corpus], kb, writer)
    const first = await app.inject({ method: 'GET', url: '/api/events?actor=PRK' })
    const again = await app.inject({ method: 'GET', url: '/api/events?actor=PRK' })
    assert.equal(first.headers['x-cache'], undefined)
    assert.equal(again.headers['x-cache'], 'hit')
    assert.equal(again.body, first.body)
    assert.equal(again.headers['content-type'], first.headers['content-type'])
    writeFileSync(join(corpus, 'b.txt'), 'Stand: 20.10.2024\nNordkorea schickte Tausende Soldaten nach Russland.')
    await ingestPaths([corpus], kb, writer)
    const after = await app.inject({ method: 'GET', url: '/api/events?actor=PRK' })
    assert.equal(after.headers['x-cache'], undefined)
    assert.equal(after.json().total, first.json().total + 1)
    const job = await app.inject({ method: 'GET', url: '/api/health' })
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).headers['x-cache'], undefined, `${job.statusCode}: health is never kept`)
    const uncached = await buildApp({ store, kb, uploads: join(dir, 'up'), cache: false })
    await uncached.inject({ method: 'GET', url: '/api/events?actor=PRK' })
    assert.equal((await uncached.inject({ method: 'GET', url: '/api/events?actor=PRK' })).headers['x-cache'], undefined)
    await uncached.close()
  } finally {
    await app.close()
    await store.close()
    await writer.close()
  }
})
