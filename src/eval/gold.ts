import { readFileSync } from 'node:fs'
import { z } from 'zod'

export const goldFactSchema = z.object({
  doc: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  alt: z.array(z.string()).optional(),
  mode: z.string().nullable().optional(),
  date: z.string().nullable(),
  polarity: z.enum(['coop', 'conflict']),
  modality: z.string(),
  core: z.boolean(),
  quote: z.string(),
}).passthrough()

export type GoldFact = z.output<typeof goldFactSchema>

/** Reads a gold file (JSON lines); an error names the file and the line. */
export function loadGold(file: string): GoldFact[] {
  const facts: GoldFact[] = []
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return
    let value: unknown
    try { value = JSON.parse(line) } catch (err) { throw new Error(`${file}: line ${i + 1}: invalid JSON: ${(err as Error).message}`) }
    const r = goldFactSchema.safeParse(value)
    if (!r.success) throw new Error(`${file}: line ${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`)
    facts.push(r.data)
  })
  return facts
}
