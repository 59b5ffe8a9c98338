import type SQLite from 'better-sqlite3'
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely'

/** How long a write transaction waits for another process's to finish before it gives up. */
export const WRITE_WAIT_MS = 5 * 60_000
/** How long any other statement waits for a lock (reads in WAL mode never do). */
export const BUSY_TIMEOUT_MS = 5000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Write transactions that take the write lock when they begin (BEGIN IMMEDIATE). SQLite's default,
 * a deferred transaction, reads first and fails with "database is locked" when another process
 * wrote in between; two ingests of the same folder lost a third of their documents that way.
 * Waiting for the lock is done between attempts, off the event loop, so a server that writes
 * (uploads) keeps answering reads meanwhile.
 */
class ImmediateDriver extends SqliteDriver {
  constructor(private readonly conn: SQLite.Database, private readonly waitMs: number) {
    super({ database: keepingStatements(conn) })
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await whenUnlocked(this.conn, async () => { await connection.executeQuery(CompiledQuery.raw('begin immediate')) }, this.waitMs)
  }
}

/**
 * Runs `attempt` (a BEGIN IMMEDIATE, or the switch of a new file to WAL) until it gets the lock it
 * needs: each attempt fails at once when another process holds it, and the wait between attempts
 * leaves the event loop free.
 */
export async function whenUnlocked(conn: SQLite.Database, attempt: () => Promise<void>, waitMs = WRITE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs
  for (let n = 0; ; n++) {
    conn.pragma('busy_timeout = 0')
    try {
      await attempt()
      return
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err
      if (Date.now() >= deadline) throw new Error(`the database is locked by another writer for over ${Math.round(waitMs / 1000)} s`)
      await sleep(Math.min(250, 5 * 2 ** n))
    } finally {
      conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    }
  }
}

/** Prepared statements a connection keeps, by SQL text. */
const STATEMENTS_KEPT = 256

/**
 * The connection as Kysely's driver sees it, keeping the statements it prepares: Kysely prepares
 * every query it runs, and storing an article runs the same dozen statements each time (preparing
 * them took a twentieth of ingestion). The least recently used statement goes first; one still
 * being iterated is not handed out twice.
 */
function keepingStatements(conn: SQLite.Database, size = STATEMENTS_KEPT): Pick<SQLite.Database, 'prepare' | 'close'> {
  const kept = new Map<string, SQLite.Statement>()
  return {
    close: () => conn.close(),
    prepare: ((source: string) => {
      const found = kept.get(source)
      if (found && !found.busy) {
        kept.delete(source)
        kept.set(source, found)
        return found
      }
      const st = conn.prepare(source)
      kept.set(source, st)
      if (kept.size > size) kept.delete(kept.keys().next().value!)
      return st
    }) as SQLite.Database['prepare'],
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly conn: SQLite.Database, private readonly waitMs = WRITE_WAIT_MS) {
    super({ database: conn })
  }

  override createDriver(): Driver {
    return new ImmediateDriver(this.conn, this.waitMs)
  }
}

