import SQLite from 'better-sqlite3'
import { Kysely } from 'kysely'
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect } from './sqlite-dialect.ts'
import { EVENT_COLUMNS, type Database, type EventsTable } from './tables.ts'
import { KyselyStore, migrate } from './kysely-store.ts'

/** The embedded default: one SQLite file in WAL mode. */
export class SqliteStore extends KyselyStore {
  private insertEvent: SQLite.Statement | null = null
  private conn!: SQLite.Database

  /**
   * Imports write hundreds of thousands of rows: one prepared statement, run row by row on the
   * transaction's connection, is several times faster than building multi-row INSERTs.
   */
  protected override async bulkInsertEvents(_trx: Kysely<Database>, rows: EventsTable[]): Promise<void> {
    this.insertEvent ??= this.conn.prepare(`INSERT INTO events (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`)
    const st = this.insertEvent
    for (const row of rows) st.run(EVENT_COLUMNS.map((c) => row[c]))
  }

  static async open(path: string): Promise<SqliteStore> {
    const conn = new SQLite(path)
    conn.pragma('journal_mode = WAL')
    conn.pragma('foreign_keys = ON')
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(conn) })
    await migrate(db, path)
    const store = new SqliteStore(db, path)
    store.conn = conn
    return store
  }
}
