// Import throughput (records/s) for GDELT 2.0 and ICEWS files, on SQLite and, when ENTENTE_BENCH_PG
// names a server, on PostgreSQL; with a naive baseline (one INSERT statement per record through the
// query builder) so that every figure is also a ratio.
// Usage: npm run bench:import [-- --rows 1000000]
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { knowledgeBase, ROOT } from '../src/service/context.ts'
import { importFiles, mapContext } from '../src/service/import.ts'
import { refreshPairStates } from '../src/service/pair-states.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { PostgresStore } from '../src/store/postgres-store.ts'
import type { Store } from '../src/store/store.ts'
import { readRows } from '../src/import/read-rows.ts'
import { MAPPERS } from '../src/import/datasets.ts'
import { isSkip } from '../src/import/record.ts'
import type { Dataset } from '../src/import/mappings.ts'
import { writeGdelt, writeIcews } from './gen/events.ts'
import { freshPgSchema } from './pg.ts'

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback }
const rows = arg('--rows', 1_000_000)
const baselineRows = arg('--baseline-rows', 50_000)
const work = mkdtempSync(join(tmpdir(), 'entente-import-bench-'))
const kb = knowledgeBase()
const files = { gdelt: join(work, '20250101000000.export.CSV'), 'gdelt-week': join(work, '20250108000000.export.CSV'), icews: join(work, 'events.generated.tab') }
process.stderr.write(`generating ${rows} GDELT records twice (dated over ten years; a week of exports) and ${rows / 5} ICEWS records …\n`)
await writeGdelt(files.gdelt, rows)
await writeGdelt(files['gdelt-week'], rows, 7, 'week')
await writeIcews(files.icews, rows / 5)

const results: Record<string, unknown>[] = []
let peakRss = 0
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)

type BenchFile = keyof typeof files

/**
 * `threads`: 2 reads the file on a thread of its own while this one writes (the default on two
 * cores), 1 does both here. `file` names the generated file (its dataset's by default).
 */
async function measure(dataset: Dataset, store: Store, backend: string, threads: 1 | 2 = 2, file: BenchFile = dataset as BenchFile) {
  peakRss = process.memoryUsage().rss
  const t0 = performance.now()
  const r = await importFiles(dataset, [files[file]], kb, store, { analyse: false, thread: threads === 2 })
  const seconds = (performance.now() - t0) / 1000
  // The file is stored and can be asked about; SQLite's log may still be copied into the file on a
  // thread of its own (src/store/checkpointer.ts). That is waited for and counted apart, with nothing
  // else running beside it (in use it overlaps the pair states or the next file).
  const t1 = performance.now()
  if (store instanceof SqliteStore) await store.idle()
  const walCopy = (performance.now() - t1) / 1000
  const mb = statSync(files[file]).size / 1048576
  results.push({
    benchmark: `import-${file}`, backend, threads, records: r.rows, events: r.imported, seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(r.rows / seconds), mbPerSecond: Number((mb / seconds).toFixed(1)), walCopySeconds: Number(walCopy.toFixed(2)),
    withWalCopy: Math.round(r.rows / (seconds + walCopy)), peakRssMb: Math.round(peakRss / 1048576),
  })
  // What `entente import` does next: the pair states of every pair the file touched.
  const t2 = performance.now()
  const pairs = await refreshPairStates(store, kb)
  const total = (performance.now() - t0) / 1000
  results.push({
    benchmark: `import-${file} + pair states`, backend, threads, records: r.rows, events: r.imported, seconds: Number(total.toFixed(2)),
    recordsPerSecond: Math.round(r.rows / total), statesSeconds: Number(((performance.now() - t2) / 1000).toFixed(2)), pairs, peakRssMb: Math.round(peakRss / 1048576),
  })
}

/** The naive way: map each record and insert it on its own, through the query builder. */
async function baseline(store: SqliteStore | PostgresStore, backend: string) {
  const ctx = mapContext('gdelt', kb)
  const t0 = performance.now()
  let n = 0
  await store.db.insertInto('documents').values({ id: 'baseline', file: 'baseline', path: 'baseline', format: 'gdelt', title: null, publisher: null, url: null, lang: 'und', lang_source: 'import', date: null, date_source: null, date_rule: null, text: '', pipeline_version: 0, ingested_at: '' }).execute()
  for await (const row of readRows(files.gdelt, 'gdelt').rows()) {
    if (n >= baselineRows) break
    n++
    if ('problem' in row) continue
    const e = MAPPERS.gdelt(row.get, ctx)
    if (isSkip(e)) continue
    await store.db.insertInto('events').values({
      id: `baseline-${n}`, doc_id: 'baseline', sentence: 0, source: e.source, target: e.target, type: e.type, mode: e.mode, polarity: e.polarity, modality: e.modality,
      date: e.date, start: 0, end: e.evidence.length, source_start: e.sourceSpan[0], source_end: e.sourceSpan[1], target_start: e.targetSpan?.[0] ?? null, target_end: e.targetSpan?.[1] ?? null,
      quantity: e.quantity, attribution: null, rule: e.rule, trace: JSON.stringify(e.trace), confidence: e.confidence, sentence_text: e.evidence, sentence_start: 0,
    }).execute()
  }
  const seconds = (performance.now() - t0) / 1000
  results.push({ benchmark: 'import-gdelt-naive-baseline', backend, records: n, seconds: Number(seconds.toFixed(2)), recordsPerSecond: Math.round(n / seconds) })
}

const sqlite = await SqliteStore.open(join(work, 'import.db'))
await measure('gdelt', sqlite, 'sqlite')
await measure('icews', sqlite, 'sqlite')
await sqlite.close()
// A week of exports, as a backfill reads them: far fewer series groups than ten years.
const week = await SqliteStore.open(join(work, 'import-week.db'))
await measure('gdelt', week, 'sqlite', 2, 'gdelt-week')
await week.close()
// The same GDELT file read and written on one thread: what the second core adds.
const single = await SqliteStore.open(join(work, 'import-1.db'))
await measure('gdelt', single, 'sqlite', 1)
await single.close()
const naive = await SqliteStore.open(join(work, 'naive.db'))
await baseline(naive, 'sqlite')
await naive.close()

if (process.env['ENTENTE_BENCH_PG']) {
  const url = await freshPgSchema(process.env['ENTENTE_BENCH_PG'], 'import')
  const pg = await PostgresStore.open(url)
  await measure('gdelt', pg, 'postgres')
  await measure('icews', pg, 'postgres')
  await baseline(pg, 'postgres')
  await pg.close()
}
clearInterval(sampler)

const naiveRate = (backend: string) => results.find((r) => r['benchmark'] === 'import-gdelt-naive-baseline' && r['backend'] === backend)?.['recordsPerSecond'] as number | undefined
for (const r of results) {
  const base = naiveRate(r['backend'] as string)
  if (base && r['benchmark'] !== 'import-gdelt-naive-baseline') r['vsBaseline'] = `${((r['recordsPerSecond'] as number) / base).toFixed(1)}×`
}
console.table(results)
const out = { date: new Date().toISOString(), cores: cpus().length, node: process.version, rows, results }
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', `import-${Date.now()}.json`), JSON.stringify(out, null, 2))
rmSync(work, { recursive: true, force: true })
