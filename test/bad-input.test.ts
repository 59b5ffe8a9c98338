// Bad input (issue 8): every file gets a clear verdict, the run goes on, and what was stored stays.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { kb, analyseText } from './helpers.ts'
import { readArticles } from '../src/ingest/read-file.ts'
import { analyseFile } from '../src/ingest/analyse-file.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { nestingDepth, MAX_DEPTH } from '../src/ingest/formats/html-depth.ts'
import { scratchDir } from './scratch-dir.ts'

const tmp = () => scratchDir('entente-bad-')
const reason = (file: string) => analyseFile(file, kb).errors.map((e) => e.reason).join(' | ')

test('compressed, binary and document files under a text name are refused by what they are', () => {
  const dir = tmp()
  const cases: [string, Buffer, RegExp][] = [
    ['news.txt', gzipSync('Russland schickte Truppen nach Belarus. '.repeat(20)), /gzip-compressed data: decompress it first/],
    ['dump.jsonl', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('{"text":"x"}')]), /zip-compressed/],
    ['report.html', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), /a PDF, not a text file/],
    ['photo.md', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x41, 0x42]), /JPEG image/],
    ['noise.txt', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 32 || 1)), /control bytes/],
    ['empty.txt', Buffer.alloc(0), /the file is empty/],
    ['blank.md', Buffer.from(' \n\t\n'), /holds no text/],
  ]
  for (const [name, bytes, expected] of cases) {
    writeFileSync(join(dir, name), bytes)
    assert.match(reason(join(dir, name)), expected, name)
  }
})

test('a file over the size limit is refused after reading no more than the limit', () => {
  const dir = tmp()
  const file = join(dir, 'dump.txt')
  writeFileSync(file, 'Russland lieferte Waffen an Syrien. '.repeat(40_000))
  assert.throws(() => readArticles(file, 1024 * 1024), /over the 1 MB limit/)
  assert.equal(readArticles(file, 2 * 1024 * 1024).articles.length, 1)
  assert.match(analyseFile(file, kb, { maxBytes: 100_000 }).errors[0]!.reason, /over the 0\.10 MB limit \(set a higher one with --max-size\)/)
})

test('a file that mixes UTF-8 and Latin-1 lines reads right on both sides', () => {
  const dir = tmp()
  const file = join(dir, 'mixed.txt')
  writeFileSync(file, Buffer.concat([Buffer.from('Die Türkei lieferte Drohnen an Aserbaidschan.\n', 'utf8'), Buffer.from('Weißrussland und Rußland übten gemeinsam.\n', 'latin1')]))
  const read = readArticles(file)
  assert.equal(read.encoding, 'mixed')
  assert.equal(read.articles[0]!.text, 'Die Türkei lieferte Drohnen an Aserbaidschan.\nWeißrussland und Rußland übten gemeinsam.\n')
  const invalid = join(dir, 'invalid.txt')
  writeFileSync(invalid, Buffer.from([0x52, 0x75, 0xc3, 0x28, 0x20, 0x6f, 0x6b]))
  assert.equal(readArticles(invalid).articles[0]!.text, 'RuÃ( ok')
})

test('HTML nested 100,000 levels deep is read in seconds, not overflowing the stack', () => {
  const dir = tmp()
  for (const tag of ['div', 'h1', 'p', 'time']) {
    const file = join(dir, `deep-${tag}.html`)
    writeFileSync(file, `<html><body>${`<${tag}>`.repeat(100_000)}Russland lieferte Waffen an Syrien.${`</${tag}>`.repeat(100_000)}</body></html>`)
    const result = analyseFile(file, kb, { date: '2024-05-02', lang: 'de' })
    assert.deepEqual(result.errors, [], tag)
    assert.deepEqual(result.docs[0]!.events.map((e) => `${e.source}>${e.target}:${e.type}`), ['RUS>SYR:AID'], tag)
  }
  assert.equal(nestingDepth('<div><p>a<br>b</p><img src=x><div/></div>'), 2)
  assert.ok(nestingDepth(`${'<section>'.repeat(MAX_DEPTH + 1)}`) > MAX_DEPTH)
})

test('scripts, styles and event handlers in HTML never reach the text', () => {
  const dir = tmp()
  const file = join(dir, 'hostile.html')
  writeFileSync(file, '<html><head><title>Lagebericht</title><script>document.title="x"</script><style>p{color:red}</style></head><body><article>' +
    '<p onclick="steal()">Belarus und Russland hielten <img src=x onerror="alert(1)">gemeinsame Übungen ab.</p><script>alert(2)</script><noscript>Bitte JavaScript aktivieren</noscript></article></body></html>')
  const text = readArticles(file).articles[0]!.text
  assert.doesNotMatch(text, /alert|steal|onerror|onclick|color:red|document\.title|JavaScript aktivieren/)
  assert.match(text, /Belarus und Russland hielten gemeinsame Übungen ab\./)
})

test('JSON lines: each broken line is reported with its number, and the good ones are kept', () => {
  const dir = tmp()
  const file = join(dir, 'feed.jsonl')
  writeFileSync(file, [
    '{"text": "Iran lieferte Drohnen an Russland.", "date": "2023-02-01"}',
    '{"text": "Kuba und Venezuela unterzeichneten',
    '["not", "an", "object"]',
    '{"title": "no text here"}',
    '{"text": "Serbien kaufte Waffen von China.", "date": 20230201}',
    '',
    '{"text": "Indien kaufte Öl von Russland.", "date": "2023-03-01"}',
  ].join('\n'))
  const result = analyseFile(file, kb)
  assert.equal(result.docs.length, 2)
  assert.deepEqual(result.errors.map((e) => e.reason.replace(/\(.*\)/, '(…)')), [
    'line 2: invalid JSON (…)',
    'line 3: expected an object such as {"text": "…", "date": "2025-01-17"}',
    'line 4: no "text" field with the article\'s text',
    'line 5: field "date": Invalid input: expected string, received number',
  ])
})

test('a feed with thousands of items is read item by item', () => {
  const dir = tmp()
  const items = Array.from({ length: 3000 }, (_, i) => `<item><title>Meldung ${i}</title><description>Kasachstan und China vereinbarten am ${1 + (i % 28)}. März 2024 Handel.</description><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>`)
  const file = join(dir, 'big.rss')
  writeFileSync(file, `<?xml version="1.0"?><rss version="2.0"><channel><title>Agentur</title>${items.join('')}</channel></rss>`)
  const read = readArticles(file)
  assert.equal(read.articles.length, 3000)
  assert.equal(read.articles[2999]!.title, 'Meldung 2999')
})

test('absurd dates are no dates: the 31st of February, the 45th of May, the year 20251', () => {
  const doc = analyseText('Am 31. Februar 2024 lieferte Russland Waffen an Syrien. Im Jahr 20251 schickte Nordkorea Soldaten nach Russland. Am 45. Mai besuchte Putin Minsk.', '2024-06-10')
  for (const t of doc.times) assert.doesNotMatch(t.value, /-02-31|-05-45|20251/, t.text)
  for (const e of doc.events) assert.ok(e.date === null || /^(\d{4})(-\d{2}(-\d{2})?)?$/.test(e.date) && !/-02-31|-05-45/.test(e.date), String(e.date))
  const header = analyseText('Stand: 31.02.2024\nRussland lieferte Waffen an Syrien.')
  assert.notEqual(header.date?.value, '2024-02-31')
})

test('a folder of bad files: each gets its reason, the good ones are stored, and what was stored before stays', async () => {
  const dir = tmp()
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeFileSync(join(corpus, 'a.txt'), 'Stand: 02.05.2024\nRussland und Vietnam unterzeichneten ein Abkommen.')
  const store = await SqliteStore.open(join(dir, 'e.db'))
  try {
    await ingestPaths([corpus], kb, store)
    writeFileSync(join(corpus, 'b.txt'), gzipSync('x'.repeat(100)))
    writeFileSync(join(corpus, 'c.jsonl'), '{"text": "Mali und Russland vertieften ihre Zusammenarbeit.", "date": "2024-05-03"}\n{broken')
    writeFileSync(join(corpus, 'd.html'), '<p>' + '<b>'.repeat(50_000) + 'Belarus kaufte Raketen von Russland.')
    const run = await ingestPaths([corpus], kb, store)
    assert.deepEqual(run.documents, { new: 2, unchanged: 1, replaced: 0, reanalysed: 0, failed: 2 })
    assert.deepEqual(run.errors.map((e) => e.file.split('/').pop()), ['b.txt', 'c.jsonl'])
    assert.equal((await store.stats()).documents, 3)
    assert.equal((await store.events({ pair: ['RUS', 'VNM'] })).length, 1)
  } finally {
    await store.close()
  }
})
