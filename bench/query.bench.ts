// Query latency p50/p95 for allies, relation, graph snapshot and event search at 1M and 10M events,
// on SQLite and (with ENTENTE_BENCH_PG) PostgreSQL, with the peak RSS; and the naive baseline (the
// questions answered from the reports one by one, without the relation series) as a ratio. Questions
// read the pair states (src/service/pair-states.ts), built once after the fill and timed apart.
// Usage: npm run bench:query [-- --sizes 1000000,10000000]
import { spawnSync } from 'node:child_process'
import { selfArgs } from './self.ts'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { knowledgeBase, ROOT, SERVER_CACHE_MB } from '../src/service/context.ts'
import { allies, graphAt, relation } from '../src/service/questions.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { PostgresStore } from '../src/store/postgres-store.ts'
import type { Store } from '../src/store/store.ts'
import { actorsBySkew, fillStore } from './gen/store-events.ts'
import { freshPgSchema } from './pg.ts'
import { refreshPairStates } from '../src/service/pair-states.ts'

const argOf = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : fallback }
const sizes = argOf('--sizes', '1000000,10000000').split(',').map(Number)
const baseRuns = Number(argOf('--runs', '40'))
const kb = knowledgeBase()
const work = mkdtempSync(join(tmpdir(), 'entente-query-bench-'))
const results: Record<string, unknown>[] = []
let peakRss = 0
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 20)

const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]! }

async function time(label: string, backend: string, size: number, n: number, fn: (i: number) => Promise<unknown>, extra: Record<string, unknown> = {}, warmUp = true) {
  if (warmUp) await fn(0)
  peakRss = process.memoryUsage().rss
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn(i)
    ms.push(performance.now() - t0)
  }
  results.push({ query: label, backend, events: size, runs: n, p50ms: Number(pct(ms, 0.5).toFixed(1)), p95ms: Number(pct(ms, 0.95).toFixed(1)), peakRssMb: Math.round(peakRss / 1048576), ...extra })
  process.stderr.write(`  ${label} ${backend} ${size}: p95 ${pct(ms, 0.95).toFixed(1)} ms\n`)
}

/** The pair states of every pair, computed once after the fill (imports and ingests do it per file). */
async function buildStates(store: Store, backend: string, size: number) {
  const t0 = performance.now()
  peakRss = process.memoryUsage().rss
  const pairs = await refreshPairStates(store, kb)
  const seconds = (performance.now() - t0) / 1000
  results.push({ query: 'pair states built', backend, events: size, runs: 1, p50ms: Math.round(seconds * 1000), p95ms: Math.round(seconds * 1000), peakRssMb: Math.round(peakRss / 1048576), pairs })
  process.stderr.write(`  pair states of ${pairs} pairs in ${seconds.toFixed(1)} s\n`)
}

async function measure(store: Store, backend: string, size: number) {
  // At ten million events some questions take seconds: fewer runs of those, so the suite ends in
  // minutes. Those read from the pair states and edges keep every run (a p95 of ten is their maximum).
  const runs = size >= 5_000_000 ? Math.min(baseRuns, 10) : baseRuns
  const actors = actorsBySkew(500)
  const top = actors.slice(0, 10)
  const days = ['2016-06-30', '2018-03-31', '2019-12-31', '2021-06-30', '2022-09-30', '2023-12-31', '2024-06-30', '2025-06-30']
  // Each question is asked first with its pages on disk (this machine's OS keeps few of them for
  // long), then again, as a running server that was asked before answers it from its page cache.
  const ally = (i: number) => allies(store, kb, top[i % top.length]!, { at: days[i % days.length]! })
  await time('allies', backend, size, baseRuns, ally)
  await time('allies (asked before)', backend, size, baseRuns, ally)
  // A day inside a month reads that month's acts from the series as well.
  const allyMid = (i: number) => allies(store, kb, top[i % top.length]!, { at: days[i % days.length]!.slice(0, 8) + '14' })
  await time('allies (mid-month)', backend, size, baseRuns, allyMid)
  await time('allies (mid-month, asked before)', backend, size, baseRuns, allyMid)
  await time('relation', backend, size, Math.min(runs, size >= 5_000_000 ? 5 : 20), (i) => relation(store, kb, top[i % 5]!, top[5 + (i % 5)]!, { to: '2025-06-30' }))
  let nodes = 0
  let edges = 0
  const graph = async (i: number) => { const g = await graphAt(store, kb, { at: days[i % days.length]! }); nodes = g.nodes.length; edges = g.edges.length }
  // A month's edges are read from the disk the first time (the OS caches them after): those
  // questions are timed apart, then the graph as a running server answers it.
  await time('graph snapshot (first of its month)', backend, size, days.length, graph, {}, false)
  await time('graph snapshot', backend, size, Math.min(baseRuns, 20), graph, {})
  for (const r of results.slice(-2)) Object.assign(r, { nodes, edges })
  await time('event search', backend, size, runs, (i) => store.events({ actor: actors[i % 50]!, type: ['ASSAULT', 'AID', 'CONSULT'][i % 3]!, from: '2022', to: '2023-06', limit: 50 }))
  await time('event search (pair)', backend, size, runs, (i) => store.events({ pair: [top[i % 5]!, top[5 + (i % 5)]!], limit: 50 }))
  if (size <= 1_000_000) {
    await time('allies (naive: reports one by one)', backend, size, 3, (i) => allies(store, kb, top[i % 3]!, { at: '2024-06-30', exact: true }))
    await time('graph snapshot (naive: reports one by one)', backend, size, 2, () => graphAt(store, kb, { at: '2024-06-30', exact: true }))
  }
}

// Questions are asked by a process of their own, as the server (`npm start`) asks them: with its
// young generation and page cache. Not by the process that filled the store and built its states
// (its heap then holds 0.7 GB at 10M events).
if (process.argv.includes('--measure')) {
  const backend = argOf('--backend', 'sqlite')
  const size = Number(argOf('--size', '0'))
  const store = backend === 'sqlite' ? await SqliteStore.open(argOf('--measure', ''), { cacheMb: SERVER_CACHE_MB }) : await PostgresStore.open(argOf('--measure', ''))
  await measure(store, backend, size)
  await store.close()
  clearInterval(sampler)
  rmSync(work, { recursive: true, force: true })
  process.stdout.write(JSON.stringify(results))
  process.exit(0)
}

function measureApart(location: string, backend: string, size: number): void {
  const args = ['--max-semi-space-size=64', ...selfArgs(import.meta.url), '--measure', location, '--backend', backend, '--size', String(size), '--runs', String(baseRuns)]
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`measuring ${backend} at ${size} events failed (exit ${r.status})`)
  results.push(...(JSON.parse(r.stdout) as Record<string, unknown>[]))
}

for (const size of sizes) {
  process.stderr.write(`filling SQLite with ${size} events …\n`)
  const file = join(work, `q-${size}.db`)
  const store = await SqliteStore.open(file)
  const t0 = performance.now()
  await fillStore(store, size)
  process.stderr.write(`  filled in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`)
  await buildStates(store, 'sqlite', size)
  await store.close()
  measureApart(file, 'sqlite', size)
  rmSync(join(work, `q-${size}.db`), { force: true })
}
if (process.env['ENTENTE_BENCH_PG']) {
  for (const size of sizes.filter((s) => s <= Number(argOf('--pg-max', '1000000')))) {
    process.stderr.write(`filling PostgreSQL with ${size} events …\n`)
    const url = await freshPgSchema(process.env['ENTENTE_BENCH_PG'], 'query')
    const store = await PostgresStore.open(url)
    await fillStore(store, size)
    await buildStates(store, 'postgres', size)
    await store.close()
    measureApart(url, 'postgres', size)
  }
}
clearInterval(sampler)
for (const r of results) {
  const naive = results.find((x) => x['query'] === `${r['query']} (naive: reports one by one)` && x['backend'] === r['backend'] && x['events'] === r['events'])
  if (naive) r['vsNaive'] = `${((naive['p50ms'] as number) / (r['p50ms'] as number)).toFixed(0)}× faster`
}
console.table(results)
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', `query-${Date.now()}.json`), JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, node: process.version, results }, null, 2))
rmSync(work, { recursive: true, force: true })
