import SQLite from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import { copyDatabase, tableReports, type TableReport } from '../store/copy.ts'
import { migrations } from '../store/migrations.ts'
import { isPostgresUrl, PostgresStore } from '../store/postgres-store.ts'
import { SqliteStore } from '../store/sqlite-store.ts'
import { BUSY_TIMEOUT_MS } from '../store/sqlite-dialect.ts'
import type { Database } from '../store/tables.ts'
import { describeDb, openStore } from './context.ts'

/** A backup, restore or move that was refused or failed; the message says which file and why. */
export class BackupError extends Error {}

export interface BackupReport {
  tables: TableReport[]
  /** Another process wrote to the source during the backup: the copy is the state at one moment within it. */
  sourceChanged: boolean
}

// A backup step copies this many pages; all of them at once reads one snapshot. Small steps restart
// whenever another connection commits, and under steady ingest would never finish.
const ALL_PAGES = 0x7fffffff
const SQLITE_MAGIC = 'SQLite format 3\0'

/** A free name beside `file`, so that a rename onto it stays on one file system. */
const besideTmp = (file: string) => join(dirname(file), `.${file.split(/[\\/]/).pop()}.${randomBytes(4).toString('hex')}.tmp`)

/** Removes a SQLite file with its -wal and -shm. */
function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
}

function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(16)
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC
  } finally {
    closeSync(fd)
  }
}

/** Throws unless `conn` passes SQLite's integrity check. */
function checkIntegrity(conn: SQLite.Database, name: string): void {
  let problems: string[]
  try {
    problems = (conn.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
  } catch (err) {
    throw new BackupError(`${name} failed the integrity check: ${(err as Error).message}`)
  }
  if (problems.join() !== 'ok') throw new BackupError(`${name} failed the integrity check: ${problems.slice(0, 3).join('; ')}`)
}

/** Throws unless `conn` holds an Entente schema this version knows (an older one is migrated on opening). */
function checkSchema(conn: SQLite.Database, name: string): void {
  let tables: Set<string>
  try {
    tables = new Set(conn.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[])
  } catch (err) {
    throw new BackupError(`${name} cannot be read as a SQLite database: ${(err as Error).message}`)
  }
  const missing = ['kysely_migration', 'documents', 'events'].filter((t) => !tables.has(t))
  if (missing.length) throw new BackupError(`${name} is not an Entente database (no table ${missing.join(', ')})`)
  const unknown = (conn.prepare('select name from kysely_migration').pluck().all() as string[]).filter((m) => !(m in migrations))
  if (unknown.length) throw new BackupError(`${name} was written by a newer Entente (migration ${unknown[0]}): upgrade Entente to restore it`)
}

/** Row counts of a SQLite connection's data tables, for comparing a backup with its source. */
const countRows = (conn: SQLite.Database, tables: string[]) =>
  Object.fromEntries(tables.map((t) => [t, Number(conn.prepare(`select count(*) from "${t}"`).pluck().get())]))

/** Brings `file` to the current schema, makes it one self-contained file (no -wal), checks it and reports its tables. */
async function sealBackup(file: string, name: string): Promise<TableReport[]> {
  await (await SqliteStore.open(file)).close()
  const conn = new SQLite(file, { fileMustExist: true })
  try {
    conn.pragma('journal_mode = DELETE')
    checkIntegrity(conn, name)
    checkSchema(conn, name)
    return await tableReports(new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) }))
  } finally {
    conn.close()
  }
}

async function backupSqlite(path: string, tmp: string): Promise<BackupReport> {
  if (!existsSync(path)) throw new BackupError(`${path}: no such database`)
  const conn = new SQLite(path, { fileMustExist: true })
  let changed: boolean
  let before: Record<string, number>
  try {
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    checkSchema(conn, path)
    const version = conn.pragma('data_version', { simple: true })
    before = countRows(conn, ['documents', 'events'])
    await conn.backup(tmp, { progress: () => ALL_PAGES })
    changed = conn.pragma('data_version', { simple: true }) !== version
  } finally {
    conn.close()
  }
  const tables = await sealBackup(tmp, `the backup of ${path}`)
  if (!changed) {
    for (const t of tables) {
      if (t.table in before && before[t.table] !== t.rows) throw new BackupError(`the backup of ${path} has ${t.rows} rows in ${t.table}, the database ${before[t.table]}`)
    }
  }
  return { tables, sourceChanged: changed }
}

async function backupPostgres(url: string, tmp: string): Promise<BackupReport> {
  const src = await PostgresStore.open(url)
  try {
    const dst = await SqliteStore.open(tmp)
    try {
      await copyDatabase(src.db, dst.db, { target: tmp })
    } finally {
      await dst.close()
    }
  } finally {
    await src.close()
  }
  return { tables: await sealBackup(tmp, `the backup of ${describeDb(url)}`), sourceChanged: false }
}

/**
 * Writes a SQLite backup of the database to `file`: online for SQLite (other processes may keep
 * writing), a verified copy for PostgreSQL. The file appears only once it has passed its checks.
 */
export async function backup(dbLocation: string, file: string, o: { force?: boolean } = {}): Promise<BackupReport> {
  if (existsSync(file) && !o.force) throw new BackupError(`${file} exists: use --force to overwrite it`)
  if (!existsSync(dirname(file))) throw new BackupError(`${dirname(file)}: no such directory`)
  const tmp = besideTmp(file)
  try {
    const report = await (isPostgresUrl(dbLocation) ? backupPostgres(dbLocation, tmp) : backupSqlite(dbLocation, tmp))
    renameSync(tmp, file)
    return report
  } finally {
    removeDb(tmp)
  }
}

/**
 * Copies a backup to `tmp` (the backup file is only read), checks the copy and brings it to the
 * current schema: the store returned is what a restore writes.
 */
async function prepareBackup(file: string, tmp: string): Promise<SqliteStore> {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`)
  if (!isSqliteFile(file)) throw new BackupError(`${file} is not a SQLite database (not an Entente backup)`)
  const source = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    checkSchema(source, file)
    await source.backup(tmp, { progress: () => ALL_PAGES })
  } catch (err) {
    throw err instanceof BackupError ? err : new BackupError(`${file} could not be copied for restoring: ${(err as Error).message}`)
  } finally {
    source.close()
  }
  const copy = new SQLite(tmp)
  try {
    checkIntegrity(copy, file)
  } finally {
    copy.close()
  }
  return SqliteStore.open(tmp)
}

/** Documents in a SQLite database, or null when it is none (or no Entente database). */
function documentsIn(conn: SQLite.Database): number | null {
  try {
    return Number(conn.prepare('select count(*) from documents').pluck().get())
  } catch {
    return null
  }
}

/** Refuses to replace a SQLite database in use, or one holding documents (or not Entente's) without `force`. */
function checkSqliteTarget(target: string, force: boolean): void {
  if (!existsSync(target)) return
  const conn = new SQLite(target, { fileMustExist: true })
  conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  const docs = documentsIn(conn)
  conn.close()
  // The last connection to close removes the -wal file; if it is still there, another process has the database open.
  if (existsSync(`${target}-wal`)) throw new BackupError(`${target} is open in another process (a server or worker?): stop it before restoring`)
  if (docs === null && !force) throw new BackupError(`${target} is not an Entente database: use --force to replace it`)
  if (docs && !force) throw new BackupError(`${target} holds ${docs} documents: use --force to replace them`)
}

async function checkTarget(location: string, force: boolean): Promise<void> {
  if (!isPostgresUrl(location)) return checkSqliteTarget(location, force)
  const store = await PostgresStore.open(location)
  try {
    const docs = (await store.stats()).documents
    if (docs && !force) throw new BackupError(`${describeDb(location)} holds ${docs} documents: use --force to replace them`)
  } finally {
    await store.close()
  }
}

/** Puts the prepared file in the target's place in one rename: a reader sees the old database or the new. */
function replaceSqlite(prepared: string, target: string, force: boolean): void {
  checkSqliteTarget(target, force)
  // Stale -wal and -shm beside the target would be read as part of the new file.
  for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true })
  renameSync(prepared, target)
}

async function restorePostgres(src: SqliteStore, url: string, force: boolean): Promise<TableReport[]> {
  const dst = await PostgresStore.open(url)
  try {
    return await copyDatabase(src.db, dst.db, { target: describeDb(url), replace: force })
  } finally {
    await dst.close()
  }
}

/**
 * Replaces the database with a backup's content. A SQLite target is swapped in one rename, a
 * PostgreSQL one filled in one transaction: a failure leaves the target as it was.
 */
export async function restore(file: string, dbLocation: string, o: { force?: boolean } = {}): Promise<TableReport[]> {
  const force = o.force ?? false
  const pg = isPostgresUrl(dbLocation)
  if (!pg && !existsSync(dirname(dbLocation))) throw new BackupError(`${dirname(dbLocation)}: no such directory`)
  await checkTarget(dbLocation, force)
  const dir = pg ? mkdtempSync(join(tmpdir(), 'entente-restore-')) : null
  const prepared = dir ? join(dir, 'restore.db') : besideTmp(dbLocation)
  try {
    const src = await prepareBackup(file, prepared)
    let tables: TableReport[]
    try {
      tables = await (pg ? restorePostgres(src, dbLocation, force) : tableReports(src.db))
    } finally {
      await src.close()
    }
    if (!pg) replaceSqlite(prepared, dbLocation, force)
    return tables
  } finally {
    removeDb(prepared)
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** Copies everything into another, empty database and checks counts and checksums table by table. */
export async function migrateTo(fromLocation: string, toLocation: string): Promise<TableReport[]> {
  if (fromLocation === toLocation) throw new BackupError(`${describeDb(toLocation)} is the database being copied`)
  if (!isPostgresUrl(fromLocation) && !existsSync(fromLocation)) throw new BackupError(`${fromLocation}: no such database`)
  const src = await openStore(fromLocation)
  try {
    const dst = await openStore(toLocation)
    try {
      return await copyDatabase(src.db, dst.db, { target: describeDb(toLocation) })
    } finally {
      await dst.close()
    }
  } finally {
    await src.close()
  }
}
