// Web app load time on the example corpus, in Debian's Chromium: from navigation to the view drawn
// (median and worst of N loads per view, a fresh page each time). Usage: node --import tsx bench/web.bench.ts [--runs 5]
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { EXAMPLES_DIR, ROOT, knowledgeBase, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp } from '../src/server/app.ts'
import { ensureWebBuilt, WEB_DIST } from '../src/server/web-build.ts'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) { console.log(`no Chromium at ${CHROMIUM}: web benchmark skipped`); process.exit(0) }

const dir = mkdtempSync(join(tmpdir(), 'entente-webbench-'))
const store = await openStore(join(dir, 'bench.db'))
await ingestPaths([EXAMPLES_DIR], knowledgeBase(), store)
await ensureWebBuilt()
const app = await buildApp({ store, kb: knowledgeBase(), uploads: join(dir, 'uploads'), webDir: WEB_DIST })
await app.listen({ port: 0, host: '127.0.0.1' })
const a = app.server.address()
const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })

const views: [string, string, string][] = [
  ['network', '/?view=network&lang=en', '[data-testid="graph"] canvas'],
  ['pair', '/?view=pair&a=RUS&b=PRK&lang=en', '[data-testid="evidence"] li'],
  ['map', '/?view=map&focus=RUS&lang=en', '[data-testid="map"] path'],
  ['events', '/?view=events&lang=en', '.event-table tbody tr'],
  ['reader', `/?view=reader&lang=en`, '.docs li'],
]
const rows: { view: string; medianMs: number; worstMs: number }[] = []
for (const [view, path, ready] of views) {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const t0 = performance.now()
    await page.goto(`${base}${path}`)
    await page.waitForSelector(ready)
    times.push(performance.now() - t0)
    await page.close()
  }
  times.sort((x, y) => x - y)
  rows.push({ view, medianMs: Math.round(times[Math.floor(times.length / 2)]!), worstMs: Math.round(times.at(-1)!) })
}
await browser.close()
await app.close()
await store.close()

console.log(`web app load on the example corpus, ${cpus().length} cores, ${runs} loads per view (Chromium, headless)`)
console.table(rows)
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', 'web.json'), JSON.stringify({ cores: cpus().length, node: process.version, runs, rows }, null, 2))
