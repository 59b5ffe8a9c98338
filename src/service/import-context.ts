import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import { ActorResolver } from '../import/actors.ts'
import { CameoTable } from '../import/cameo-table.ts'
import type { MapContext } from '../import/datasets.ts'
import { loadImportMappings, type Dataset } from '../import/mappings.ts'
import { DATA_DIR, ROOT } from './context.ts'

/** Where the CAMEO→PLOVER table is looked for when --cameo-table is not given. */
export const DEFAULT_CAMEO_TABLE = process.env['ENTENTE_CAMEO_TABLE'] ?? join(ROOT, '..', 'shared', 'bench', 'plover', 'CAMEO2PLOVER-2021.txt')

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
