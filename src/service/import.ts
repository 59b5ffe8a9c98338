import { createHash } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import { refreshPairStates } from './pair-states.ts'
import type { ImportDocument, Store } from '../store/store.ts'
import { ActorResolver } from '../import/actors.ts'
import { CameoTable } from '../import/cameo-table.ts'
import { MAPPERS, type MapContext } from '../import/datasets.ts'
import { loadImportMappings, type Dataset } from '../import/mappings.ts'
import { readRows } from '../import/read-rows.ts'
import { isSkip, type ImportedEvent, type ImportReport, type Skip } from '../import/record.ts'
import { DATA_DIR, ROOT } from './context.ts'

const BATCH = 2000
const MAX_MALFORMED_LISTED = 20

/** Where the CAMEO→PLOVER table is looked for when --cameo-table is not given. */
export const DEFAULT_CAMEO_TABLE = process.env['ENTENTE_CAMEO_TABLE'] ?? join(ROOT, '..', 'shared', 'bench', 'plover', 'CAMEO2PLOVER-2021.txt')

export interface ImportOptions {
  cameoTable?: string
  /** Called as the files are read: bytes read so far, of all files. */
  onProgress?: (bytes: number, total: number) => void
  /** Bring the pair states up to date after each file (default true; questions do it otherwise). */
  analyse?: boolean
}

async function fileHash(dataset: string, file: string): Promise<string> {
  const hash = createHash('sha256').update(`${dataset}\n`)
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex').slice(0, 24)
}

/** The context the mappers share: the CAMEO table only for the datasets coded in CAMEO. */
export function mapContext(dataset: Dataset, kb: KnowledgeBase, cameoTable?: string): MapContext {
  const maps = loadImportMappings(DATA_DIR)
  const needsCameo = dataset === 'gdelt' || dataset === 'icews'
  const table = cameoTable ?? DEFAULT_CAMEO_TABLE
  if (needsCameo && !existsSync(table)) {
    throw new Error(`${table}: the CAMEO→PLOVER table is needed to import ${dataset} (openeventdata/PLOVER, CAMEO2PLOVER-2021.txt); pass its path with --cameo-table or ENTENTE_CAMEO_TABLE`)
  }
  return { cameo: needsCameo ? CameoTable.read(table) : null, actors: new ActorResolver(kb, maps), maps }
}

/**
 * Imports files of an event dataset: each file is streamed, mapped record by record and stored in
 * one transaction. Records that cannot be mapped are counted by reason and value, never dropped
 * silently; a file that cannot be read is reported and the others go on.
 */
export async function importFiles(dataset: Dataset, files: string[], kb: KnowledgeBase, store: Store, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now()
  const ctx = mapContext(dataset, kb, options.cameoTable)
  const map = MAPPERS[dataset]
  const report: ImportReport = {
    dataset, files: [], rows: 0, imported: 0, oneSided: 0, malformed: [], seconds: 0,
    skipped: { 'event code': {}, 'source actor': {}, 'target actor': {}, date: {}, malformed: {} },
  }
  const skip = (s: Skip) => { const bucket = report.skipped[s.reason]; bucket[s.value] = (bucket[s.value] ?? 0) + 1 }
  const sizes = files.map((f) => { try { return statSync(f).size } catch { return 0 } })
  const total = sizes.reduce((a, b) => a + b, 0)
  let done = 0
  for (const [n, file] of files.entries()) {
    const path = resolve(file)
    const entry: ImportReport['files'][number] = { file, outcome: 'failed', rows: 0, imported: 0 }
    report.files.push(entry)
    try {
      if (!statSync(path).isFile()) throw new Error('not a file')
      const id = `${dataset}-${await fileHash(dataset, path)}`
      const doc = { id, sourceKey: `import:${dataset}:${path}`, file: basename(path), path, format: dataset, title: `${dataset.toUpperCase()} import: ${basename(path)}` }
      if ((await store.sourceDoc(doc.sourceKey)) === id) entry.outcome = 'unchanged'
      else await importFile(doc, entry)
    } catch (err) {
      entry.error = (err as Error).message.replace(`${path}: `, '')
    }
    done += sizes[n]!
    options.onProgress?.(done, total)
  }
  report.seconds = (performance.now() - started) / 1000
  return report

  /** One changed or new file: its records streamed in batches into one transaction. */
  async function importFile(doc: ImportDocument, entry: ImportReport['files'][number]): Promise<void> {
    const path = doc.path
    const file = entry.file
    const source = readRows(path, dataset)
    let rows = 0
    let imported = 0
    let oneSided = 0
    async function* batches(): AsyncGenerator<ImportedEvent[]> {
      let batch: ImportedEvent[] = []
      for await (const row of source.rows) {
        rows++
        if ('problem' in row) {
          skip({ reason: 'malformed', value: basename(path) })
          if (report.malformed.length < MAX_MALFORMED_LISTED) report.malformed.push({ file, line: row.line, problem: row.problem })
          continue
        }
        const mapped = map(row.get, ctx)
        if (isSkip(mapped)) { skip(mapped); continue }
        imported++
        if (mapped.target === null) oneSided++
        batch.push(mapped)
        if (batch.length === BATCH) {
          yield batch
          batch = []
          options.onProgress?.(done + source.bytes(), total)
        }
      }
      if (batch.length) yield batch
    }
    const saved = await store.saveImport(doc, batches())
    // The relation model follows each stored file (src/service/pair-states.ts).
    if (options.analyse !== false) await refreshPairStates(store, kb)
    entry.outcome = saved.outcome
    entry.rows = rows
    entry.imported = saved.outcome === 'unchanged' ? 0 : imported
    report.rows += rows
    report.imported += entry.imported
    report.oneSided += saved.outcome === 'unchanged' ? 0 : oneSided
  }
}
