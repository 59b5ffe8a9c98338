import { basename } from 'node:path'
import type { MapContext } from './datasets.ts'
import { MAPPERS } from './datasets.ts'
import type { Dataset } from './mappings.ts'
import { readRows } from './read-rows.ts'
import { isSkip, type ImportedEvent, type Skip } from './record.ts'

/** Mapped records handed on at a time. */
const BATCH = 2000
/** Unreadable lines listed (by line) per file; all are counted. */
export const MAX_MALFORMED_LISTED = 20

/** What reading one file found: its records, those imported, and every record left out, by reason and value. */
export interface FileTally {
  rows: number
  imported: number
  oneSided: number
  skipped: Record<Skip['reason'], Record<string, number>>
  malformed: { line: number; problem: string }[]
}

export const emptyTally = (): FileTally => ({ rows: 0, imported: 0, oneSided: 0, malformed: [], skipped: { 'event code': {}, 'source actor': {}, 'target actor': {}, date: {}, malformed: {} } })

/**
 * A file's records mapped to events, streamed in batches, with what was left out counted into
 * `tally` as it goes: never held in memory whole, nothing dropped without a count.
 */
export function mappedBatches(dataset: Dataset, path: string, ctx: MapContext, tally: FileTally): { batches: AsyncGenerator<ImportedEvent[]>; bytes: () => number } {
  const source = readRows(path, dataset)
  const map = MAPPERS[dataset]
  const skip = (s: Skip) => { const bucket = tally.skipped[s.reason]; bucket[s.value] = (bucket[s.value] ?? 0) + 1 }
  async function* batches(): AsyncGenerator<ImportedEvent[]> {
    let batch: ImportedEvent[] = []
    for await (const block of source.blocks) for (const row of block) {
      tally.rows++
      if ('problem' in row) {
        skip({ reason: 'malformed', value: basename(path) })
        if (tally.malformed.length < MAX_MALFORMED_LISTED) tally.malformed.push({ line: row.line, problem: row.problem })
        continue
      }
      const mapped = map(row.get, ctx)
      if (isSkip(mapped)) { skip(mapped); continue }
      tally.imported++
      if (mapped.target === null) tally.oneSided++
      batch.push(mapped)
      if (batch.length === BATCH) {
        yield batch
        batch = []
      }
    }
    if (batch.length) yield batch
  }
  return { batches: batches(), bytes: source.bytes }
}
