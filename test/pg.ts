// Throwaway schemas on the PostgreSQL server named by ENTENTE_TEST_PG, one per test, dropped after.
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { withSchema } from '../src/store/postgres-store.ts'
import { openStore } from '../src/service/context.ts'
import type { Store } from '../src/store/store.ts'
import { scratchDir } from './scratch-dir.ts'

export const PG = process.env['ENTENTE_TEST_PG']

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG })
  await client.connect()
  try { return await fn(client) } finally { await client.end() }
}

/** Makes fresh, empty schemas and drops them all at the end. */
export function pgSchemas(prefix: string): { fresh: () => Promise<string>; dropAll: () => Promise<void> } {
  const made: string[] = []
  return {
    async fresh() {
      const schema = `${prefix}_${randomBytes(4).toString('hex')}`
      await admin((c) => c.query(`create schema ${schema}`))
      made.push(schema)
      return withSchema(PG!, schema)
    },
    async dropAll() {
      if (!made.length) return
      await admin(async (c) => { for (const s of made) await c.query(`drop schema if exists ${s} cascade`) })
    },
  }
}

/** A database a contract runs on: how to open a fresh, empty store, and what to drop at the end. */
export interface StoreBackend { name: string; open: () => Promise<Store>; cleanup?: () => Promise<void> }

/** SQLite in a temporary file, and PostgreSQL (throwaway schemas named `prefix_…`) when ENTENTE_TEST_PG names a server. */
export function storeBackends(prefix: string): StoreBackend[] {
  const backends: StoreBackend[] = [{ name: 'SQLite', open: () => openStore(join(scratchDir(`${prefix}-`), 'store.db')) }]
  if (PG) {
    const schemas = pgSchemas(prefix)
    backends.push({ name: 'PostgreSQL', open: async () => openStore(await schemas.fresh()), cleanup: schemas.dropAll })
  }
  return backends
}
