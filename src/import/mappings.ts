import { join } from 'node:path'
import { z } from 'zod'
import { loadDataFile } from '../kb/data-file.ts'

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/)
const plover = z.object({ type: z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']), mode: z.string().min(1) })

export const DATASETS = ['gdelt', 'icews', 'acled', 'polecat'] as const
export type Dataset = typeof DATASETS[number]

const schema = z.object({
  version: z.literal(1),
  confidence: z.object({ gdelt: z.number().gt(0).max(1), icews: z.number().gt(0).max(1), polecat: z.number().gt(0).max(1), acled: z.number().gt(0).max(1) }),
  cameoCountries: z.record(z.string().regex(/^[A-Z]{3}$/), code),
  knownGroups: z.record(z.string().regex(/^[A-Z]{3}$/), code),
  sectorTypes: z.record(z.string().regex(/^[A-Z]{3}$/), code),
  sectorNames: z.record(z.string().min(1), code),
  noActor: z.array(z.string().min(1)),
  countryNames: z.record(z.string().min(1), code),
  acledCountryPatterns: z.array(z.string().refine((r) => { try { new RegExp(r); return true } catch { return false } }, 'not a valid regular expression')),
  acled: z.record(z.string().min(1), plover),
})

export type ImportMappings = z.output<typeof schema>
export type PloverType = z.output<typeof plover>

/** data/import/mappings.yaml, checked against its schema. */
export function loadImportMappings(dataDir: string): ImportMappings {
  return loadDataFile(join(dataDir, 'import', 'mappings.yaml'), schema)
}
