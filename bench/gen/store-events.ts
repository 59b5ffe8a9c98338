// Events written straight into a store (no text to read), for the query benchmarks: actors drawn
// with the skew of real news (a few states in most events), PLOVER types in GDELT-like shares,
// dates over ten years, a tenth of them one-sided.
import { knowledgeBase } from '../../src/service/context.ts'
import type { Store } from '../../src/store/store.ts'
import type { ImportedEvent } from '../../src/import/record.ts'
import { polarityOf } from '../../src/import/record.ts'
import { importChunks } from '../../src/import/chunks.ts'
import { pick, seeded } from './random.ts'

const TYPES: [string, string, number][] = [
  ['CONSULT', 'visit', 22], ['AGREE', 'diplomatic', 10], ['SUPPORT', 'diplomatic', 8], ['COOPERATE', 'economic', 6], ['AID', 'arms', 4],
  ['AID', 'troops', 2], ['REQUEST', 'assist', 8], ['ACCUSE', 'disapprove', 10], ['REJECT', 'assist', 4], ['THREATEN', 'violence', 3],
  ['PROTEST', 'demo', 4], ['SANCTION', 'economic', 3], ['MOBILIZE', 'troops', 3], ['COERCE', 'arrest', 5], ['ASSAULT', 'military', 8],
]
const TYPE_TABLE = TYPES.flatMap(([t, m, w]) => new Array<[string, string]>(w).fill([t, m]))

/** Actor ids with weights falling off as 1/rank (Zipf): the first few take most of the news. */
export function actorsBySkew(count: number): string[] {
  const kb = knowledgeBase()
  const first = ['RUS', 'USA', 'CHN', 'UKR', 'IRN', 'PRK', 'DEU', 'FRA', 'GBR', 'TUR', 'ISR', 'IND', 'BLR', 'SYR', 'KAZ', 'ARM', 'AZE', 'MLI', 'NATO', 'EU', 'UN']
  const rest = [...kb.actors.values()].filter((a) => a.kind === 'state' || a.kind === 'igo' || a.kind === 'armed_group').map((a) => a.id).filter((id) => !first.includes(id))
  return [...first, ...rest].slice(0, count)
}

export function drawActor(rnd: () => number, actors: string[]): string {
  // Inverse of the Zipf CDF, approximated by exponentiating a uniform draw.
  const i = Math.floor(Math.pow(actors.length + 1, rnd())) - 1
  return actors[Math.min(actors.length - 1, Math.max(0, i))]!
}

/** Writes `total` events into the store in documents of `perDoc` events each. */
export async function fillStore(store: Store, total: number, o: { perDoc?: number; actors?: number; seed?: number; onDoc?: (done: number) => void } = {}): Promise<void> {
  const perDoc = o.perDoc ?? 250_000
  const actors = actorsBySkew(o.actors ?? 500)
  const rnd = seeded(o.seed ?? 5)
  for (let d = 0; d * perDoc < total; d++) {
    const n = Math.min(perDoc, total - d * perDoc)
    async function* batches(): AsyncGenerator<ImportedEvent[]> {
      for (let i = 0; i < n; i += 5000) {
        const batch: ImportedEvent[] = []
        for (let k = i; k < Math.min(n, i + 5000); k++) {
          const source = drawActor(rnd, actors)
          let target: string | null = rnd() < 0.1 ? null : drawActor(rnd, actors)
          if (target === source) target = actors[(actors.indexOf(source) + 1) % actors.length]!
          const [type, mode] = pick(rnd, TYPE_TABLE)
          const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3900) * 86400000).toISOString().slice(0, 10)
          const evidence = `BENCH ${d}-${k}: ${source} → ${target ?? '·'}`
          batch.push({ source, target, type, mode, polarity: polarityOf(type), modality: 'asserted', date: day, quantity: null, rule: 'bench.generated', trace: ['dataset:bench'], confidence: 0.5 + rnd() / 2, evidence, sourceSpan: [0, 0], targetSpan: null })
        }
        yield batch
      }
    }
    const id = `bench-${o.seed ?? 5}-${d}`
    await store.saveImport({ id, sourceKey: `bench:${d}`, file: `bench-${d}`, path: `bench-${d}`, format: 'bench', title: 'generated events' }, importChunks(id, batches()))
    o.onDoc?.((d + 1) * perDoc)
  }
}
