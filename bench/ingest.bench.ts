// Ingestion throughput end to end into SQLite (articles/s, MB/s per core, peak RSS) on a generated
// corpus of German and English articles, with 1 and 2 threads; and a naive baseline (one
// regular expression per alias, row-by-row inserts) so that every figure is also a ratio.
// Usage: npm run bench:ingest [-- --articles 20000]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { knowledgeBase, ROOT } from '../src/service/context.ts'
import { ingestPaths, listInputFiles, type IngestSummary } from '../src/service/ingest.ts'
import { boundHeapGrowth } from '../src/service/memory.ts'
import { spawnSync } from 'node:child_process'
import { selfArgs } from './self.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { readArticles } from '../src/ingest/read-file.ts'
import { writeArticles } from './gen/articles.ts'

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback }
const articles = arg('--articles', 20_000)
const baselineArticles = arg('--baseline-articles', 1_000)
// Each configuration runs in a process of its own, as `entente ingest` does (with its bounded heap
// growth), and reports its own peak RSS as the kernel counts it, worker threads included. (A timer
// sampling RSS in this process missed the peaks: storing and computing pair states never yield to it.)
if (process.argv.includes('--run')) {
  const i = process.argv.indexOf('--run')
  const [dir, file, threads] = process.argv.slice(i + 1, i + 4) as [string, string, string]
  boundHeapGrowth()
  const store = await SqliteStore.open(file)
  const t0 = performance.now()
  const s = await ingestPaths([dir], knowledgeBase, store, { workers: Number(threads), batch: true })
  const seconds = (performance.now() - t0) / 1000
  await store.close()
  process.stdout.write(JSON.stringify({ s, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }))
  process.exit(0)
}

const work = mkdtempSync(join(tmpdir(), 'entente-ingest-bench-'))
const corpus = join(work, 'corpus')
const results: Record<string, unknown>[] = []

process.stderr.write(`generating ${articles} articles …\n`)
const { bytes } = writeArticles(corpus, articles)
const mb = bytes / 1048576

for (const workers of [1, 2]) {
  const r = spawnSync(process.execPath, [...selfArgs(import.meta.url), '--run', corpus, join(work, `ingest-${workers}.db`), String(workers)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`ingesting with ${workers} thread(s) failed (exit ${r.status})`)
  const { s, seconds, peakRssMb } = JSON.parse(r.stdout) as { s: IngestSummary; seconds: number; peakRssMb: number }
  const docs = s.documents.new + s.documents.replaced + s.documents.unchanged
  const cores = Math.min(workers, cpus().length)
  results.push({
    benchmark: 'ingest', workers, articles: docs, events: s.events, seconds: Number(seconds.toFixed(1)),
    articlesPerSecond: Math.round(docs / seconds), articlesPerSecondPerCore: Math.round(docs / seconds / cores),
    mbPerSecondPerCore: Number((mb / seconds / cores).toFixed(2)), peakRssMb,
  })
}

/** The naive way: every alias of the gazetteer as its own regular expression, each hit inserted on its own. */
async function baseline() {
  const kb = knowledgeBase()
  const aliases = new Set<string>()
  for (const lang of ['de', 'en']) {
    const pack = kb.packs.get(lang)!
    for (const a of Object.values(pack.actors)) for (const n of [...(a?.names ?? []), ...(a?.metonyms ?? [])]) aliases.add(n)
  }
  const patterns = [...aliases].map((a) => new RegExp(`\\b${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu'))
  const store = await SqliteStore.open(join(work, 'naive.db'))
  const files = listInputFiles([corpus]).slice(0, baselineArticles)
  const t0 = performance.now()
  let n = 0
  for (const file of files) {
    for (const article of readArticles(file).articles) {
      const id = `naive-${n++}`
      await store.db.insertInto('documents').values({ id, file, path: file, format: 'txt', title: null, publisher: null, url: null, lang: 'und', lang_source: 'baseline', date: null, date_source: null, date_rule: null, text: article.text, pipeline_version: 0, ingested_at: '' }).execute()
      for (const re of patterns) {
        for (const m of article.text.matchAll(re)) {
          await store.db.insertInto('mentions').values({ doc_id: id, sentence: 0, start: m.index, end: m.index + m[0].length, actor: m[0], kind: 'name', person: null, rule: 'naive', antecedent: null }).execute()
        }
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000
  await store.close()
  results.push({ benchmark: 'ingest-naive-baseline (mentions only)', workers: 1, articles: n, seconds: Number(seconds.toFixed(1)), articlesPerSecond: Math.round(n / seconds), articlesPerSecondPerCore: Math.round(n / seconds), patterns: patterns.length })
}
await baseline()

const base = results.at(-1)!['articlesPerSecond'] as number
for (const r of results.slice(0, -1)) r['vsBaseline'] = `${((r['articlesPerSecond'] as number) / base).toFixed(2)}×`
console.table(results)
const out = { date: new Date().toISOString(), cores: cpus().length, node: process.version, corpus: { articles, mb: Number(mb.toFixed(1)) }, results }
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', `ingest-${Date.now()}.json`), JSON.stringify(out, null, 2))
rmSync(work, { recursive: true, force: true })
