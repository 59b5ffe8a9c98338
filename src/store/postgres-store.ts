import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { EVENT_COLUMNS, INTEGER_EVENT_COLUMNS, type Database, type EventsTable } from './tables.ts'
import { KyselyStore, migrate } from './kysely-store.ts'

/** A database URL rather than a file: `postgres://…` or `postgresql://…`. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location)

/** The URL of a database whose tables go to `schema` (it must exist): the search_path is set per connection. */
export function withSchema(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@')
}

/** The advisory lock's first key: "ENTE" (the second is the schema). */
const WRITE_LOCK = 0x454e5445

// COUNT(*) and other bigints arrive as strings; the store turns the counts it reads into numbers.
// Real columns (float4) are parsed as JS numbers by pg already.

/** The shared store: one PostgreSQL database that several ingest workers and servers use at once. */
export class PostgresStore extends KyselyStore {
  /**
   * One writer at a time, per schema: two ingests of the same folder would otherwise both find a
   * document missing and one would fail on the other's insert, and series rows updated in
   * different orders could deadlock. Reading and understanding files, the costly part, stays parallel.
   */
  protected override async lockForWrite(trx: Kysely<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${WRITE_LOCK}::int, hashtext(current_schema()))`.execute(trx)
  }

  /**
   * Imports send each batch as one statement: a column array per column, turned back into rows
   * by unnest. One round trip per batch instead of one per few hundred rows.
   */
  protected override async bulkInsertEvents(trx: Kysely<Database>, rows: EventsTable[]): Promise<void> {
    if (!rows.length) return
    const kind = (c: string) => (c === 'confidence' ? 'real[]' : INTEGER_EVENT_COLUMNS.has(c) ? 'integer[]' : 'text[]')
    const arrays = EVENT_COLUMNS.map((c) => sql`${rows.map((r) => r[c])}::${sql.raw(kind(c))}`)
    await sql`insert into events (${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx)
  }

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
