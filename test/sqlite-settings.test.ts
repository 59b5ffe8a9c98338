// How a SQLite store keeps its pages: new files get large pages; the server keeps a large page
// cache, so that pages its questions read stay in the process (the OS may not keep them).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { openStore, SERVER_CACHE_MB } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { PAGE_SIZE } from '../src/store/sqlite-store.ts'
import { kb } from './helpers.ts'
import { scratchDir } from './scratch-dir.ts'

test('a store opened for the server keeps a larger page cache; others keep the default of the SQLite build', async () => {
  const dir = scratchDir('entente-cache-')
  try {
    const cacheOf = async (o: { cacheMb?: number }) => {
      const store = await openStore(join(dir, 'entente.db'), o)
      try {
        return (await sql<{ cache_size: number }>`pragma cache_size`.execute(store.db)).rows[0]!.cache_size
      } finally {
        await store.close()
      }
    }
    // A negative cache_size is in KiB.
    assert.equal(await cacheOf({ cacheMb: SERVER_CACHE_MB }), -SERVER_CACHE_MB * 1024)
    // better-sqlite3 builds SQLite with 16 MB; whatever the build, a one-shot command keeps it.
    const plain = await cacheOf({})
    assert.ok(plain < 0 && -plain < SERVER_CACHE_MB * 1024, `default cache_size ${plain}`)
    // WAL syncs at checkpoints (NORMAL = 1), not at every commit: a crashed process loses nothing it committed.
    const store = await openStore(join(dir, 'entente.db'))
    try {
      assert.equal((await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows[0]!.synchronous, 1)
      assert.equal((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows[0]!.journal_mode, 'wal')
    } finally {
      await store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a new store is made with 16 KB pages; a store made with 4 KB pages keeps them and its documents', async () => {
  const dir = scratchDir('entente-pages-')
  try {
    const pageSize = async (file: string) => {
      const store = await openStore(file)
      try {
        return (await sql<{ page_size: number }>`pragma page_size`.execute(store.db)).rows[0]!.page_size
      } finally {
        await store.close()
      }
    }
    assert.equal(await pageSize(join(dir, 'new.db')), PAGE_SIZE)
    // A store as earlier versions made it.
    const old = join(dir, 'old.db')
    const conn = new SQLite(old)
    conn.pragma('page_size = 4096')
    conn.pragma('journal_mode = WAL')
    conn.close()
    const store = await openStore(old)
    try {
      const corpus = join(dir, 'corpus')
      mkdirSync(corpus)
      writeFileSync(join(corpus, 'besuch.txt'), 'Stand: 03.02.2025\nDer polnische Außenminister besuchte am Montag Vilnius und sagte Litauen Unterstützung zu.')
      await ingestPaths([corpus], kb, store)
      assert.equal((await store.stats()).documents, 1)
      assert.ok((await store.events({ pair: ['POL', 'LTU'] })).length > 0)
    } finally {
      await store.close()
    }
    assert.equal(await pageSize(old), 4096)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
