import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Database } from './tables.ts'
import { KyselyStore, migrate } from './kysely-store.ts'

/** A database URL rather than a file: `postgres://…` or `postgresql://…`. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location)

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@')
}

// COUNT(*) and other bigints arrive as strings; the store turns the counts it reads into numbers.
// Real columns (float4) are parsed as JS numbers by pg already.

/** The shared store: one PostgreSQL database that several ingest workers and servers use at once. */
export class PostgresStore extends KyselyStore {
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 8 })
    const where = redactUrl(url)
    try {
      const client = await pool.connect()
      client.release()
    } catch (err) {
      await pool.end()
      throw new Error(`${where}: cannot connect to PostgreSQL: ${(err as Error).message}`)
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    try {
      // The migration bookkeeping lives in the schema the tables go to (the search_path's first),
      // so that several Entente databases can share one PostgreSQL database, one schema each.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
      await migrate(db, where, { schema: rows[0]!.schema })
    } catch (err) {
      await db.destroy()
      throw err
    }
    return new PostgresStore(db, where)
  }
}
