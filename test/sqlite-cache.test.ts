// The page cache a SQLite store keeps: the server's is large, so that pages its questions read stay
// in the process (the OS may not keep them); one-shot commands keep the default.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openStore, SERVER_CACHE_MB } from '../src/service/context.ts'

test('a store opened for the server keeps a larger page cache; others keep the default of the SQLite build', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-cache-'))
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
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
