import { join } from 'node:path'
import { z } from 'zod'
import { loadDataFile } from '../kb/data-file.ts'

const plover = z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'])
const scale = z.number().min(-10).max(10)
const share = z.number().min(0).max(1)
const dimension = z.enum(['military', 'diplomatic', 'economic'])

/** The parameters of the relation model: data/relations.yaml, explained in docs/relations.md. */
export const relationParamsSchema = z.object({
  halfLifeMonths: z.number().positive(),
  types: z.record(plover, scale),
  modes: z.partialRecord(plover, z.record(z.string(), scale)).default({}),
  hostedDeployment: share,
  modality: z.object({ asserted: z.number(), reported: z.number(), hedged: z.number(), planned: z.number(), denied: z.number(), negated: z.number() }).strict(),
  extraSource: z.number().min(0),
  maxSourceFactor: z.number().min(1),
  leaderShare: share,
  standing: z.object({
    defence: z.number(), union: z.number(), treaty: z.number(), recognition: z.number(), sanctions: z.number(), border: z.number(), troops: z.number(), war: z.number(),
  }).strict(),
  states: z.object({ allied: z.number(), aligned: z.number(), strained: z.number(), hostile: z.number() }).strict()
    .refine((s) => s.allied > s.aligned && s.aligned > 0 && s.strained < 0 && s.hostile < s.strained, 'thresholds must run allied > aligned > 0 > strained > hostile'),
  minEvents: z.number().int().min(1),
  trendThreshold: z.number().positive(),
  dimensions: z.record(dimension, z.array(z.string())),
  typeDimensions: z.partialRecord(plover, dimension).default({}),
  flows: z.record(z.string(), z.array(z.string())),
  series: z.object({ above: z.number().int().min(0), lookbackHalfLives: z.number().positive() }).strict(),
}).strict()

export type RelationParams = z.output<typeof relationParamsSchema>
export type Dimension = z.infer<typeof dimension>

export function loadRelationParams(dataDir: string): RelationParams {
  return loadDataFile(join(dataDir, 'relations.yaml'), relationParamsSchema)
}
