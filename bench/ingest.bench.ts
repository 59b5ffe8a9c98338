// Ingest throughput on the example corpus replicated N times (articles/s, MB/s), one process.
// Usage: npm run bench [-- --copies 40]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { knowledgeBase, EXAMPLES_DIR, ROOT } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'

const copies = Number(process.argv[process.argv.indexOf('--copies') + 1]) || 30
const work = mkdtempSync(join(tmpdir(), 'entente-bench-'))
const corpus = join(work, 'corpus')
mkdirSync(corpus)
let bytes = 0
for (let c = 0; c < copies; c++) {
  for (const f of readdirSync(EXAMPLES_DIR).filter((n) => !n.endsWith('.md') || n !== 'README.md')) {
    if (f === 'README.md') continue
    // A marker line makes every copy a distinct document, so nothing is skipped as unchanged.
    const text = readFileSync(join(EXAMPLES_DIR, f), 'utf8')
    const out = f.endsWith('.html') || f.endsWith('.xml') || f.endsWith('.jsonl') ? text.replace(/(Russland|Russia)/, `$1 `.repeat(1) + `\u200b${c}\u200b`) : `${text}\nKopie ${c}.`
    writeFileSync(join(corpus, `${c}-${f}`), out)
    bytes += statSync(join(corpus, `${c}-${f}`)).size
  }
}
const kb = knowledgeBase()
const store = await SqliteStore.open(join(work, 'bench.db'))
const t0 = performance.now()
const s = await ingestPaths([corpus], kb, store)
const seconds = (performance.now() - t0) / 1000
await store.close()
const docs = s.documents.new + s.documents.replaced + s.documents.unchanged
const result = {
  benchmark: 'ingest-example-corpus', date: new Date().toISOString(), cores: cpus().length, node: process.version, workers: 1,
  files: s.files, documents: docs, events: s.events, seconds: Number(seconds.toFixed(2)),
  articlesPerSecond: Number((docs / seconds).toFixed(1)), mbPerSecond: Number((bytes / 1048576 / seconds).toFixed(3)),
  rssMb: Math.round(process.memoryUsage().rss / 1048576),
}
console.table([result])
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', `ingest-${Date.now()}.json`), JSON.stringify(result, null, 2))
