import SQLite from 'better-sqlite3'
import { Kysely, type Insertable } from 'kysely'
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect, whenUnlocked } from './sqlite-dialect.ts'
import { migrations } from './migrations.ts'
import { ACTOR_STATE_COLUMNS, ANNOTATION_COLUMNS, EDGE_COLUMNS, EVENT_COLUMNS, STATE_COLUMNS, type Database, type EventsTable, type PairEdgesTable, type PairStatesTable, type ActorStatesTable } from './tables.ts'
import { GROUP_COLUMNS, GROUP_KEY, MERGE_GROUP, seriesQuery } from './series.ts'
import { KyselyStore, migrate } from './kysely-store.ts'
import { IMPORT_CONSTANTS, IMPORT_ROW_COLUMNS, type GroupRow, type ImportChunk, type ImportRow } from '../import/chunks.ts'
import { Checkpointer } from './checkpointer.ts'
import type { ImportDocument, ImportOutcome, SeriesFilter, SeriesRow } from './store.ts'
import { statSync } from 'node:fs'

/** A write-ahead log from this size on is copied into the file by a thread of its own after an import. */
const BACKGROUND_CHECKPOINT_BYTES = 64 << 20

/** A write-ahead log from this size on is copied and truncated before the next import writes (see boundLog). */
const LOG_LIMIT_BYTES = 1 << 30

/** The size of a SQLite file's write-ahead log (0 when there is none). */
function walBytes(path: string): number {
  try { return statSync(`${path}-wal`).size } catch { return 0 }
}

/** A string as an SQL literal. */
const quote = (v: string) => `'${v.replaceAll("'", "''")}'`

/** Page size of new SQLite files. */
export const PAGE_SIZE = 16384

/** The embedded default: one SQLite file in WAL mode. */
export class SqliteStore extends KyselyStore {
  private insertEvent: SQLite.Statement | null = null
  private insertImport: { doc: string; st: SQLite.Statement } | null = null
  private insertState: SQLite.Statement | null = null
  private insertActorState: SQLite.Statement | null = null
  private insertEdge: SQLite.Statement | null = null
  private extendEdge: SQLite.Statement | null = null
  private addGroup: SQLite.Statement | null = null
  private readonly insertRow = new Map<string, SQLite.Statement>()
  private conn!: SQLite.Database
  private checkpointer: Checkpointer | null = null
  private readonly seriesReads = new Map<string, (args: readonly unknown[]) => SeriesRow[]>()
  private checkpointAfter = BACKGROUND_CHECKPOINT_BYTES
  private logLimit = LOG_LIMIT_BYTES

  /**
   * Imports write hundreds of thousands of rows: one prepared statement, run row by row on the
   * transaction's connection, is several times faster than building multi-row INSERTs.
   */
  protected override async bulkInsertEvents(_trx: Kysely<Database>, rows: EventsTable[]): Promise<void> {
    this.insertEvent ??= this.conn.prepare(`INSERT INTO events (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`)
    const st = this.insertEvent
    for (const row of rows) st.run(EVENT_COLUMNS.map((c) => row[c]))
  }

  /**
   * An imported file's events: the columns every record shares are written into the statement (one
   * per file), so that each row binds 18 values instead of 23; binding is most of an insert's cost.
   */
  protected override async bulkInsertImport(_trx: Kysely<Database>, docId: string, rows: ImportRow[]): Promise<void> {
    if (this.insertImport?.doc !== docId) {
      const constants: Record<string, string> = { doc_id: quote(docId), ...Object.fromEntries(Object.entries(IMPORT_CONSTANTS).map(([c, v]) => [c, v === null ? 'NULL' : typeof v === 'number' ? String(v) : quote(v)])) }
      // The id: the file's id, "-" and the record's number (bound as a number, which better-sqlite3 binds as a real: cast, then made text).
      const values = [`${quote(`${docId}-`)} || CAST(? AS INTEGER)`, ...EVENT_COLUMNS.slice(1).map((c) => constants[c] ?? '?')]
      const order = [...EVENT_COLUMNS.slice(1).filter((c) => !(c in constants))]
      if (order.join() !== IMPORT_ROW_COLUMNS.join()) throw new Error('the import row columns do not follow the events table (src/import/chunks.ts)')
      this.insertImport = { doc: docId, st: this.conn.prepare(`INSERT INTO events (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${values.join(', ')})`) }
    }
    const st = this.insertImport.st
    for (const row of rows) st.run(row)
  }

  /** A document's sentences, mentions and times: as its events, one prepared statement per table, row by row. */
  protected override async bulkInsertRows<T extends keyof typeof ANNOTATION_COLUMNS>(_trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
    const columns: readonly string[] = ANNOTATION_COLUMNS[table]
    let st = this.insertRow.get(table)
    if (!st) this.insertRow.set(table, (st = this.conn.prepare(`INSERT INTO ${table} (${ANNOTATION_COLUMNS[table].map((c) => `"${c}"`).join(', ')}) VALUES (${ANNOTATION_COLUMNS[table].map(() => '?').join(', ')})`)))
    for (const row of rows) st.run(columns.map((c) => (row as Record<string, unknown>)[c] ?? null))
  }

  protected override async bulkInsertStates(_trx: Kysely<Database>, rows: PairStatesTable[]): Promise<void> {
    this.insertState ??= this.conn.prepare(`INSERT INTO pair_states (${STATE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${STATE_COLUMNS.map(() => '?').join(', ')})`)
    const st = this.insertState
    for (const row of rows) st.run(STATE_COLUMNS.map((c) => row[c]))
  }

  protected override async bulkInsertActorStates(_trx: Kysely<Database>, rows: ActorStatesTable[]): Promise<void> {
    this.insertActorState ??= this.conn.prepare(`INSERT INTO actor_states (${ACTOR_STATE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${ACTOR_STATE_COLUMNS.map(() => '?').join(', ')})`)
    const st = this.insertActorState
    for (const row of rows) st.run(ACTOR_STATE_COLUMNS.map((c) => row[c]))
  }

  protected override async bulkInsertEdges(_trx: Kysely<Database>, rows: PairEdgesTable[], extend = false): Promise<void> {
    const st = extend
      ? (this.extendEdge ??= this.conn.prepare(`INSERT OR IGNORE INTO pair_edges (${EDGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${EDGE_COLUMNS.map(() => '?').join(', ')})`))
      : (this.insertEdge ??= this.conn.prepare(`INSERT INTO pair_edges (${EDGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${EDGE_COLUMNS.map(() => '?').join(', ')})`))
    for (const row of rows) st.run(EDGE_COLUMNS.map((c) => row[c]))
  }

  /** Series groups as events: one prepared upsert, run group by group. */
  protected override async bulkAddGroups(_trx: Kysely<Database>, rows: GroupRow[]): Promise<void> {
    this.addGroup ??= this.conn.prepare(`INSERT INTO pair_months (${GROUP_COLUMNS.join(', ')}) VALUES (${GROUP_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (${GROUP_KEY.join(', ')}) DO UPDATE SET ${MERGE_GROUP}`)
    const st = this.addGroup
    for (const row of rows) st.run(row)
  }

  /** The table's largest rowid: its row count unless rows were deleted (a bulk load then starts later). */
  protected override async rowsEstimate(_trx: Kysely<Database>, table: 'events' | 'pair_months'): Promise<number> {
    const query = table === 'events' ? 'SELECT max(rowid) AS n FROM events' : 'SELECT max(rowid) AS n FROM pair_months'
    return (this.conn.prepare(query).get() as { n: number | null }).n ?? 0
  }

  /** Drops the table's own indexes (not those of its keys) and keeps their SQL to create them again. */
  protected override async suspendIndexes(_trx: Kysely<Database>, table: 'events' | 'pair_months'): Promise<() => Promise<void>> {
    const indexes = this.conn.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { name: string; sql: string }[]
    // The names are those the migrations gave (DDL takes no parameters): plain identifiers only.
    const odd = indexes.find((i) => !/^\w+$/.test(i.name))
    if (odd) throw new Error(`${this.location}: index ${JSON.stringify(odd.name)} on ${table} is none this version made; not dropping it`)
    for (const i of indexes) this.conn.exec(`DROP INDEX "${i.name}"`)
    return async () => { for (const i of indexes) this.conn.exec(i.sql) }
  }

  /** Kysely closes the connection only if it ever used it; a store opened and closed unused must close it too. */
  override async close(): Promise<void> {
    await super.close()
    if (this.conn.open) this.conn.close()
    await this.checkpointer?.close()
  }

  /**
   * The series read as arrays rather than objects (better-sqlite3's `raw`), each statement prepared
   * once. Computing pair states reads every row of the pairs computed: after a million GDELT records,
   * 710k rows, and the states took 7.0–7.3 s instead of 7.75–8.2 s. `allies` reads a month of an
   * actor's rows.
   */
  protected override async readSeriesRows(db: Kysely<Database>, f: SeriesFilter): Promise<SeriesRow[]> {
    const { sql, parameters } = seriesQuery(db, f).compile()
    let read = this.seriesReads.get(sql)
    if (!read) {
      if (this.seriesReads.size >= 64) this.seriesReads.clear()
      const st = this.conn.prepare(sql).raw(true)
      const at = new Map(st.columns().map((c, i) => [c.name, i]))
      const col = (name: string) => { const i = at.get(name); if (i === undefined) throw new Error(`the series query has no column ${name}`); return i }
      const [source, target, month, type, mode, modality, hosted, acts, strength, stated, lastDay, bestEvent] =
        ['source', 'target', 'month', 'type', 'mode', 'modality', 'hosted', 'acts', 'strength', 'stated', 'last_day', 'best_event'].map(col) as number[]
      read = (args) => (st.all(...args) as unknown[][]).map((r): SeriesRow => ({
        source: r[source!] as string, target: r[target!] as string, month: r[month!] as string, type: r[type!] as string, mode: r[mode!] as string,
        modality: r[modality!] as string, hosted: r[hosted!] === 1, acts: r[acts!] as number, strength: r[strength!] as number, stated: r[stated!] as number,
        lastDay: r[lastDay!] as string, bestEvent: r[bestEvent!] as string | null,
      }))
      this.seriesReads.set(sql, read)
    }
    return read(parameters)
  }

  /**
   * Keeps the write-ahead log from growing without end through a run of imports. SQLite starts the
   * log over only when a write begins after a checkpoint has copied all of it; an import that starts
   * while the background copy of the previous one still runs appends to it instead. A backfill of
   * forty files of 250,000 events left a 25 GB log beside a file of 150 MB. From `logLimit` on, the
   * next import waits for the copy and has what is left copied and the log truncated first.
   */
  private async boundLog(): Promise<void> {
    if (walBytes(this.location) < this.logLimit) return
    await this.checkpointer?.idle()
    if (walBytes(this.location) >= this.logLimit) this.conn.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** Resolves once the write-ahead log is no longer being copied in the background. */
  async idle(): Promise<void> {
    await this.checkpointer?.idle()
  }

  /**
   * A large import leaves its pages in the write-ahead log. SQLite would copy them into the file as
   * the import commits, on this thread (2.2 s of 15 s for a million GDELT records); a thread of its
   * own copies them instead while this one goes on (src/store/checkpointer.ts). Small imports commit
   * as everything else does.
   */
  override async saveImport(doc: ImportDocument, chunks: AsyncIterable<ImportChunk>): Promise<{ outcome: ImportOutcome; events: number }> {
    await this.boundLog()
    const auto = this.conn.pragma('wal_autocheckpoint', { simple: true }) as number
    this.conn.pragma('wal_autocheckpoint = 0')
    try {
      return await super.saveImport(doc, chunks)
    } finally {
      this.conn.pragma(`wal_autocheckpoint = ${auto}`)
      if (walBytes(this.location) >= this.checkpointAfter) (this.checkpointer ??= new Checkpointer(this.location, BUSY_TIMEOUT_MS)).start()
    }
  }

  /**
   * `cacheMb`: SQLite's own page cache for this connection (better-sqlite3's build keeps 16 MB). A
   * server keeps the pages its questions read there; the OS page cache may not keep them (on the
   * benchmark machine it is emptied within a minute). `checkpointAfterBytes`: the size of the
   * write-ahead log from which an import's log is copied on a thread of its own (64 MB).
   * `logLimitBytes`: the size from which the log is copied and truncated before an import (1 GiB).
   */
  static async open(path: string, o: { cacheMb?: number; checkpointAfterBytes?: number; logLimitBytes?: number } = {}): Promise<SqliteStore> {
    const conn = new SQLite(path)
    // First of all: another process may hold the lock (migrating a new file).
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // A new file gets 16 KB pages (SQLite's default is 4 KB; an existing file keeps its own): a month
    // of graph edges or a pair's states then spans a quarter as many pages, each a disk read when not
    // cached. At ten million events, allies p95 went from 136 to 67 ms, a month's first graph from
    // 311 to 240 ms, and imports ran 18% faster.
    conn.pragma(`page_size = ${PAGE_SIZE}`)
    // Switching to WAL needs a moment alone with the file, and SQLite does not always wait its busy
    // timeout for it: two processes opening a new file at once failed with "database is locked".
    await whenUnlocked(conn, async () => { conn.pragma('journal_mode = WAL') }, BUSY_TIMEOUT_MS)
    // In WAL mode, NORMAL syncs at checkpoints instead of at every commit and stays safe from
    // corruption; a power cut (not a crashed process) may undo the last commits. Rows inserted into
    // the indexed events table in one large transaction: 83k → 116k/s (its pages spill to the WAL
    // before it commits); ingestion, which commits every 256 articles, runs as fast as before.
    conn.pragma('synchronous = NORMAL')
    conn.pragma('foreign_keys = ON')
    if (o.cacheMb) conn.pragma(`cache_size = ${-Math.round(o.cacheMb * 1024)}`)
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(conn) })
    // Kysely's migrator takes no lock on SQLite: two processes opening a new file at once both
    // created the tables. Pending migrations run inside one write transaction, so the second
    // process waits and then finds them applied.
    if (pendingMigrations(conn)) {
      await whenUnlocked(conn, async () => { conn.exec('BEGIN IMMEDIATE') })
      try {
        await migrate(db, path)
        conn.exec('COMMIT')
      } catch (err) {
        if (conn.inTransaction) conn.exec('ROLLBACK')
        throw err
      }
    }
    const store = new SqliteStore(db, path)
    store.conn = conn
    if (o.checkpointAfterBytes !== undefined) store.checkpointAfter = o.checkpointAfterBytes
    if (o.logLimitBytes !== undefined) store.logLimit = o.logLimitBytes
    return store
  }
}

/** Whether the file lacks any of the migrations this version knows (a new file lacks them all). */
function pendingMigrations(conn: SQLite.Database): boolean {
  try {
    const done = new Set(conn.prepare('select name from kysely_migration').pluck().all() as string[])
    return Object.keys(migrations).some((m) => !done.has(m))
  } catch {
    return true
  }
}
