import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge.ts'
import { SqliteStore } from '../store/sqlite-store.ts'
import type { Store } from '../store/store.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DATA_DIR = join(ROOT, 'data')
export const EXAMPLES_DIR = join(ROOT, 'examples', 'corpus')
export const DEFAULT_DB = 'entente.db'

let kb: KnowledgeBase | undefined
export function knowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase({ dataDir: DATA_DIR })
  return kb
}

/** The database the user chose: --db, else ENTENTE_DB, else ./entente.db. */
export function dbPath(option?: string): string {
  return option ?? process.env['ENTENTE_DB'] ?? DEFAULT_DB
}

export async function openStore(path: string): Promise<Store> {
  return SqliteStore.open(path)
}
