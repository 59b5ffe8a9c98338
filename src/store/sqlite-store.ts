import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './tables.ts'
import { KyselyStore, migrate } from './kysely-store.ts'

/** The embedded default: one SQLite file in WAL mode. */
export class SqliteStore extends KyselyStore {
  static async open(path: string): Promise<SqliteStore> {
    const conn = new SQLite(path)
    conn.pragma('journal_mode = WAL')
    conn.pragma('foreign_keys = ON')
    conn.pragma('busy_timeout = 5000')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) })
    await migrate(db, path)
    return new SqliteStore(db, path)
  }
}
