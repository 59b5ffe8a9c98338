import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge.ts'
import { SqliteStore } from '../store/sqlite-store.ts'
import { isPostgresUrl, PostgresStore, redactUrl } from '../store/postgres-store.ts'
import type { KyselyStore } from '../store/kysely-store.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DATA_DIR = join(ROOT, 'data')
export const EXAMPLES_DIR = join(ROOT, 'examples', 'corpus')
export const DEFAULT_DB = 'entente.db'

let kb: KnowledgeBase | undefined
export function knowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase({ dataDir: DATA_DIR })
  return kb
}

/** The database the user chose: --db, else ENTENTE_DB, else ./entente.db (a file, or a postgres:// URL). */
export function dbPath(option?: string): string {
  return option ?? process.env['ENTENTE_DB'] ?? DEFAULT_DB
}

/** SQLite page cache of a process that answers questions for a long time (the server). */
export const SERVER_CACHE_MB = 128

/**
 * Opens the store a location names: a `postgres://` URL is PostgreSQL, anything else a SQLite file
 * (with `cacheMb` of page cache; PostgreSQL's cache is the server's).
 */
export async function openStore(location: string, o: { cacheMb?: number } = {}): Promise<KyselyStore> {
  return isPostgresUrl(location) ? PostgresStore.open(location) : SqliteStore.open(location, o)
}

/** A database location fit for messages: a file as given, a URL without its password. */
export function describeDb(location: string): string {
  return isPostgresUrl(location) ? redactUrl(location) : location
}
