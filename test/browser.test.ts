import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { EXAMPLES_DIR, ROOT, knowledgeBase, openStore } from '../src/service/context.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { buildApp, type Api } from '../src/server/app.ts'
import { ensureWebBuilt, WEB_DIST } from '../src/server/web-build.ts'
import type { Store } from '../src/store/store.ts'
import { scratchDir } from './scratch-dir.ts'

// The web app in real Chromium (Debian's, which .ci/run installs). Screenshots are kept as artefacts.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const skip = existsSync(CHROMIUM) || process.env['CI'] ? false : `no Chromium at ${CHROMIUM}`
const shots = join(ROOT, 'test-artifacts', 'screenshots')
const dir = scratchDir('entente-web-')
let store: Store
let app: Api
let browser: Browser
let base = ''

before(async () => {
  if (skip) return
  mkdirSync(shots, { recursive: true })
  store = await openStore(join(dir, 'web.db'))
  await ingestPaths([EXAMPLES_DIR], knowledgeBase(), store)
  await ensureWebBuilt()
  app = await buildApp({ store, kb: knowledgeBase(), uploads: join(dir, 'uploads'), webDir: WEB_DIST })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'] })
})

after(async () => {
  await browser?.close()
  await app?.close()
  await store?.close()
})

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'en-GB' })
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text()) })
  await page.goto(`${base}${path}`)
  return { page, errors }
}

const edgeCount = async (page: Page) => Number((await page.getByTestId('edge-count').textContent())?.split(' ')[0])

test('network: the graph draws, and moving the time slider changes it', { skip }, async () => {
  const { page, errors } = await open('/?view=network&lang=en')
  await page.waitForFunction(() => /^\d+ /.test(document.querySelector('[data-testid="edge-count"]')?.textContent ?? ''))
  await page.waitForSelector('[data-testid="graph"] canvas')
  const last = await edgeCount(page)
  const lastDate = await page.getByTestId('slider-date').textContent()
  assert.ok(last > 0, 'relations at the latest date')
  await page.screenshot({ path: join(shots, 'network.png') })
  // to the first month: fewer relations
  await page.getByTestId('time-slider').focus()
  await page.keyboard.press('Home')
  await page.waitForFunction((d) => document.querySelector('[data-testid="slider-date"]')?.textContent !== d, lastDate)
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="edge-count"]')?.textContent?.split(' ')[0]) !== n, last)
  const first = await edgeCount(page)
  assert.ok(first < last, `${first} relations at the first month, ${last} at the last`)
  assert.match(page.url(), /at=\d{4}-\d{2}/, 'the date is kept in the URL')
  await page.screenshot({ path: join(shots, 'network-early.png') })
  assert.deepEqual(errors, [])
  await page.close()
})

test('pair: a pair shows its score chart and its evidence with highlighted sentences', { skip }, async () => {
  const { page, errors } = await open('/?view=pair&a=RUS&b=PRK&lang=en')
  await page.waitForSelector('[data-testid="evidence"] li')
  assert.match((await page.getByTestId('pair-state').textContent()) ?? '', /State: (allied|aligned|neutral|strained|hostile)/)
  assert.ok(await page.locator('.chart svg').count() > 0, 'a chart')
  assert.ok(await page.locator('[data-testid="evidence"] mark.trigger').count() > 0, 'triggers highlighted')
  await page.screenshot({ path: join(shots, 'pair.png'), fullPage: true })
  // the evidence links to the reader, which explains the event
  await page.locator('[data-testid="evidence"] a').first().click()
  await page.waitForSelector('[data-testid="explain"]')
  assert.match(page.url(), /view=reader/)
  assert.deepEqual(errors, [])
  await page.close()
})

test('map: countries are coloured by their state with the focused actor', { skip }, async () => {
  const { page, errors } = await open('/?view=map&focus=RUS&lang=en')
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="map"] path')].some((p) => !['#eee', '#222'].includes(p.getAttribute('fill') ?? '')))
  assert.ok(await page.locator('[data-testid="map"] path').count() > 150)
  assert.equal(await page.locator('[data-testid="map"] path[data-iso="RUS"]').getAttribute('fill'), '#222')
  await page.screenshot({ path: join(shots, 'map.png') })
  assert.deepEqual(errors, [])
  await page.close()
})

test('reader: a document with mentions, times and events highlighted; an event explains its rules', { skip }, async () => {
  const { page, errors } = await open('/?view=reader&lang=en')
  await page.locator('.docs a').first().click()
  await page.waitForSelector('[data-testid="reader-text"] mark.mention')
  assert.ok(await page.locator('[data-testid="reader-text"] mark.time').count() > 0)
  await page.locator('.found a').first().click()
  await page.waitForSelector('[data-testid="explain"] code')
  assert.match((await page.getByTestId('explain').textContent()) ?? '', /trigger:/)
  await page.screenshot({ path: join(shots, 'reader.png'), fullPage: true })
  assert.deepEqual(errors, [])
  await page.close()
})

test('ingest: an uploaded file is read, summarised, and appears in the reader; its text is never run as HTML', { skip }, async () => {
  const file = join(dir, 'upload-test.txt')
  writeFileSync(file, 'Usbekistan und Kasachstan vertiefen <script>window.__pwned = 1</script> Kooperation\n\nUsbekistan hat am Dienstag Kasachstan 5000 Tonnen Weizen geliefert. <img src=x onerror="window.__pwned = 2"> Die Regierung in Taschkent bestätigte die Lieferung.')
  const { page, errors } = await open('/?view=ingest&lang=en')
  await page.getByTestId('file-input').setInputFiles(file)
  await page.waitForSelector('[data-testid="ingest-summary"]')
  assert.match((await page.getByTestId('ingest-summary').textContent()) ?? '', /1 new/)
  await page.screenshot({ path: join(shots, 'ingest.png') })
  await page.goto(`${base}/?view=reader&lang=en`)
  await page.getByText('Usbekistan und Kasachstan vertiefen', { exact: false }).first().click()
  await page.waitForSelector('[data-testid="reader-text"] mark')
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no script from the article ran')
  assert.ok(((await page.getByTestId('reader-text').textContent()) ?? '').includes('<script>'), 'the markup is shown as text')
  assert.deepEqual(errors, [])
  await page.close()
})

test('German interface, keyboard navigation and a phone-sized screen', { skip }, async () => {
  const { page, errors } = await open('/?view=network&lang=de', { width: 390, height: 844 })
  await page.waitForSelector('[data-testid="graph"] canvas')
  assert.equal(await page.locator('nav a[data-view="map"]').textContent(), 'Karte')
  // the actor search works from the keyboard
  await page.locator('#actor-search').fill('Nordkor')
  await page.waitForSelector('.hits li')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => location.search.includes('focus=PRK'))
  await page.screenshot({ path: join(shots, 'phone-network.png') })
  assert.deepEqual(errors, [])
  await page.close()
})

test('events: filters by actor, type and modality narrow the list and stay in the URL', { skip }, async () => {
  const { page, errors } = await open('/?view=events&lang=en')
  const count = async () => Number(((await page.getByTestId('event-count').textContent()) ?? '0').split(' ')[0])
  await page.waitForFunction(() => /^\d+ /.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? '') && !document.querySelector('[data-testid="event-count"]')?.textContent?.startsWith('0 '))
  const all = await count()
  const actor = page.locator('.filters input[name="actor"]')
  await actor.fill('PRK')
  await actor.press('Enter')
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="event-count"]')?.textContent?.split(' ')[0]) < n, all)
  const prk = await count()
  await page.locator('label.chip', { hasText: 'AID' }).locator('input').check()
  // wait until the list shows the filtered events (the count alone may not change)
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.event-table tbody tr')].map((r) => r.textContent ?? '')
    return rows.length > 0 && rows.every((r) => r.includes('AID'))
  })
  assert.ok(await count() <= prk)
  assert.match(page.url(), /actor=PRK/)
  assert.match(page.url(), /types=AID/)
  const rows = await page.locator('.event-table tbody tr').allTextContents()
  assert.ok(rows.length > 0 && rows.every((r) => r.includes('PRK') && r.includes('AID')), rows.join('\n'))
  await page.screenshot({ path: join(shots, 'events.png'), fullPage: true })
  // a shared URL gives the same view
  const again = await browser.newPage()
  await again.goto(page.url())
  await again.waitForSelector('.event-table tbody tr')
  assert.equal(await again.locator('.event-table tbody tr').count(), rows.length)
  await again.close()
  // one-sided acts (no partner named) can be shown alone: North Korea's, of any type
  await page.locator('label.chip', { hasText: 'AID' }).locator('input').uncheck()
  await page.locator('.filters select[name="partner"]').selectOption('none')
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.event-table tbody tr')].map((r) => r.textContent ?? '')
    return rows.length > 0 && rows.every((r) => r.includes('→ ·'))
  })
  assert.match(page.url(), /partner=none/)
  assert.deepEqual(errors, [])
  await page.close()
})

test('hostile articles: script tags and event handlers in titles, publishers and text run nowhere, under a strict CSP', { skip }, async () => {
  const hostile = join(dir, 'hostile')
  mkdirSync(hostile, { recursive: true })
  // An article whose every field carries a payload, as a scraper would hand it over.
  writeFileSync(join(hostile, 'angriff.jsonl'), JSON.stringify({
    title: 'Belarus <script>window.__xss = "title"</script><img src=x onerror="window.__xss = \'title-img\'">',
    publisher: '<svg onload="window.__xss = \'publisher\'">Agentur</svg>',
    date: '2024-04-02',
    text: 'Belarus und Russland hielten <b onmouseover="window.__xss = 1">gemeinsame</b> Manöver ab. <script>window.__xss = "text"</script> ' +
      '<img src=x onerror="window.__xss = \'text-img\'"> <a href="javascript:window.__xss=\'link\'">Mehr</a> Belarus kaufte Raketen von Russland.',
  }) + '\n')
  const summary = await ingestPaths([hostile], knowledgeBase(), store)
  assert.equal(summary.documents.new, 1)
  const doc = (await store.documents({ limit: 50, offset: 0 })).items.find((d) => d.file === 'angriff.jsonl')!
  const res = await fetch(`${base}/`)
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/)
  const pages = [`/?view=reader&doc=${doc.id}&lang=en`, '/?view=events&actor=BLR&lang=en', '/?view=pair&a=BLR&b=RUS&lang=en']
  for (const path of pages) {
    const { page, errors } = await open(path)
    let dialogs = 0
    page.on('dialog', (d) => { dialogs++; void d.dismiss() })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    // Hover over and click what the payload marked up, in case a handler survived as markup.
    for (const text of ['gemeinsame', 'Mehr']) {
      const el = page.getByText(text, { exact: false }).first()
      if (await el.count()) { await el.hover().catch(() => undefined); await el.click({ trial: true }).catch(() => undefined) }
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, `${path}: a payload ran`)
    assert.equal(dialogs, 0)
    assert.equal(await page.locator('[onerror], [onload], [onmouseover], script:not([src]), a[href^="javascript:"]').count(), 0, `${path}: markup from the article became DOM`)
    if (path.includes('reader')) assert.ok(((await page.getByTestId('reader-text').textContent()) ?? '').includes('<script>'), 'the markup is shown as text')
    assert.deepEqual(errors, [], path)
    await page.close()
  }
})

test('the API docs page works under its Content-Security-Policy', { skip }, async () => {
  const { page, errors } = await open('/api/docs/')
  await page.waitForSelector('.swagger-ui .opblock', { timeout: 20_000 })
  assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), [])
  await page.close()
})

test('a server that takes writes only with its token: the upload page asks for it, refuses without it, and ingests with it', { skip }, async () => {
  const guarded = await buildApp({ store, kb: knowledgeBase(), uploads: join(dir, 'uploads-guarded'), webDir: WEB_DIST, token: 'browser-test-token-0123456789abcdef' })
  await guarded.listen({ port: 0, host: '127.0.0.1' })
  const address = guarded.server.address()
  const at = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const page = await browser.newPage({ locale: 'en-GB' })
  try {
    const file = join(dir, 'guarded-upload.txt')
    writeFileSync(file, 'Stand: 05.05.2024\nTurkmenistan und Usbekistan unterzeichneten ein Abkommen über Gaslieferungen.')
    await page.goto(`${at}/?view=ingest&lang=en`)
    await page.getByTestId('token-input').waitFor()
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByRole('alert').waitFor()
    assert.match((await page.getByRole('alert').textContent()) ?? '', /access token/)
    await page.getByTestId('token-input').fill('browser-test-token-0123456789abcdef')
    await page.getByTestId('file-input').setInputFiles([])
    await page.getByTestId('file-input').setInputFiles(file)
    await page.waitForSelector('[data-testid="ingest-summary"]')
    assert.match((await page.getByTestId('ingest-summary').textContent()) ?? '', /1 new/)
  } finally {
    await page.close()
    await guarded.close()
  }
})
