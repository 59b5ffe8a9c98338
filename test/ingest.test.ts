import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { kb, de } from './helpers.ts'
import { cleanText } from '../src/ingest/clean.ts'
import { readArticles } from '../src/ingest/read-file.ts'
import { buildDoc, buildDocs } from '../src/ingest/build-doc.ts'
import { ingestPaths } from '../src/service/ingest.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { scratchDir } from './scratch-dir.ts'

const tmp = () => scratchDir('entente-ingest-')

test('site chrome is stripped, the article stays', () => {
  const raw = [
    'WERBUNG', 'Such IconE-Mail IconMenü Icon', 'HomePolitikAusland', 'Loading...',
    'Moskau sucht Partner', 'Aktualisiert am 02.08.2023Lesedauer: 6 Min.',
    'Der Kreml verhandelt mit Teheran über Drohnen.', 'Moskau sucht Partner',
    'Verwendete Quellen', '  • beispiel.de: Teheran liefert Drohnen',
  ].join('\n')
  const text = cleanText(raw, de)
  assert.equal(text, 'Moskau sucht Partner\nAktualisiert am 02.08.2023\nDer Kreml verhandelt mit Teheran über Drohnen.')
})

test('the publication date comes from the header, else metadata, else an estimate', () => {
  const stated = buildDoc({ index: 0, text: 'Titel der Meldung\nStand: 28.03.2022 | Lesedauer: 6 Minuten\nIm Januar kam es zu Unruhen.', format: 'txt' }, '/x/a.txt', kb)
  assert.deepEqual([stated.date?.value, stated.date?.source], ['2022-03-28', 'text'])
  assert.equal(stated.times.find((t) => t.text === 'Januar')?.value, '2022-01')
  const meta = buildDoc({ index: 0, text: 'Russland und Mali unterzeichneten ein Abkommen.', format: 'html', date: '2024-06-19T08:00:00+02:00' }, '/x/b.html', kb)
  assert.deepEqual([meta.date?.value, meta.date?.source], ['2024-06-19', 'metadata'])
  const estimated = buildDoc({ index: 0, text: 'Im Mai 2025 reiste Lawrow nach Eriwan. Im Juni 2024 war er in Pjöngjang.', format: 'txt' }, '/x/c.txt', kb)
  assert.deepEqual([estimated.date?.value, estimated.date?.source], ['2025-05', 'estimated'])
  const override = buildDoc({ index: 0, text: 'Stand: 28.03.2022\nText.', format: 'txt' }, '/x/d.txt', kb, { date: '2022-04-01' })
  assert.equal(override.date?.source, 'override')
})

test('every format is read: text, Markdown, HTML, JSON lines and RSS', () => {
  const dir = tmp()
  writeFileSync(join(dir, 'a.md'), '# Kasachstan geht auf Abstand\nDer [Präsident](https://example.org/p) von **Kasachstan** sprach in Astana.\n')
  writeFileSync(join(dir, 'b.html'), '<html lang="de"><head><title>Seite</title><meta property="article:published_time" content="2024-02-23T10:00:00Z"><meta property="og:site_name" content="Beispielblatt"></head><body><nav>Start | Politik | Sport</nav><article><h1>Eriwan friert Mitarbeit ein</h1><p>Armenien hat seine Mitarbeit in der OVKS eingefroren, teilte die Regierung in Eriwan mit.</p><p>Der Schritt gilt als Bruch mit Moskau, der sich lange angekündigt hatte.</p><script>alert(1)</script></article><footer>Impressum</footer></body></html>')
  writeFileSync(join(dir, 'c.jsonl'), '{"title":"Eins","text":"Nordkorea entsandte Soldaten nach Russland.","date":"2024-10-20","lang":"de"}\nkein json\n{"title":"Zwei","text":"Iran lieferte Drohnen an Russland.","date":"2022-10-01"}\n')
  writeFileSync(join(dir, 'd.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Minsk and Moscow</title><link>https://example.org/1</link><pubDate>Tue, 13 Jun 2023 10:00:00 GMT</pubDate><description>Belarus received Russian weapons.</description></item></channel></rss>')
  const md = readArticles(join(dir, 'a.md')).articles[0]!
  assert.ok(!md.text.includes('https://') && md.text.includes('Präsident von Kasachstan'))
  const html = readArticles(join(dir, 'b.html')).articles[0]!
  assert.equal(html.date, '2024-02-23T10:00:00Z')
  assert.equal(html.publisher, 'Beispielblatt')
  assert.ok(html.text.includes('OVKS eingefroren') && !html.text.includes('Impressum') && !html.text.includes('alert'))
  const jl = readArticles(join(dir, 'c.jsonl'))
  assert.equal(jl.articles.length, 2)
  assert.match(jl.warnings[0]!, /line 2/)
  const feed = readArticles(join(dir, 'd.xml')).articles
  assert.equal(feed.length, 1)
  assert.equal(feed[0]!.date?.slice(0, 10), '2023-06-13')
})

test('Windows-1252 text is decoded', () => {
  const dir = tmp()
  const file = join(dir, 'latin.txt')
  writeFileSync(file, Buffer.from('Wei\xdfrussland und Russland schlossen einen Vertrag.', 'latin1'))
  const [article] = readArticles(file).articles
  assert.ok(article!.text.startsWith('Weißrussland'))
})

test('ingestion is idempotent, replaces a changed file, and reports a bad file without stopping', async () => {
  const dir = tmp()
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeFileSync(join(corpus, 'one.txt'), 'Stand: 19.06.2024\nRussland und Nordkorea unterzeichneten in Pjöngjang einen Beistandspakt.')
  writeFileSync(join(corpus, 'bad.txt'), Buffer.from([0, 1, 2, 3, 0, 0]))
  const store = await SqliteStore.open(join(dir, 'e.db'))
  try {
    const first = await ingestPaths([corpus], kb, store)
    assert.deepEqual(first.documents, { new: 1, unchanged: 0, replaced: 0, reanalysed: 0, failed: 1 })
    assert.match(first.errors[0]!.file, /bad\.txt$/)
    assert.match(first.errors[0]!.reason, /binary/)
    const again = await ingestPaths([corpus], kb, store)
    assert.deepEqual(again.documents, { new: 0, unchanged: 1, replaced: 0, reanalysed: 0, failed: 1 })
    writeFileSync(join(corpus, 'one.txt'), 'Stand: 20.06.2024\nRussland und Vietnam unterzeichneten in Hanoi ein Abkommen.')
    const changed = await ingestPaths([join(corpus, 'one.txt')], kb, store)
    assert.equal(changed.documents.replaced, 1)
    const stats = await store.stats()
    assert.equal(stats.documents, 1)
    assert.ok((await store.events({ actor: 'PRK' })).length === 0, 'old version\'s events are gone')
  } finally {
    await store.close()
  }
})

test('a page in two languages becomes one document per language, each read with its own pack and the page\'s date', () => {
  const german = 'Russland und Nordkorea vertiefen ihre Zusammenarbeit\n\nStand: 20.06.2024\n\nDer russische Präsident Wladimir Putin und der nordkoreanische Machthaber Kim Jong Un haben am Mittwoch in Pjöngjang einen Vertrag über eine umfassende strategische Partnerschaft unterzeichnet, der auch gegenseitigen Beistand im Fall eines Angriffs vorsieht.'
  const en = 'English summary: Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic partnership treaty in Pyongyang on Wednesday, which includes a pledge of mutual assistance if either country is attacked.'
  const docs = buildDocs({ index: 0, text: `${german}\n\n${en}`, format: 'txt' }, '/tmp/mixed.txt', kb)
  assert.deepEqual(docs.map((d) => d.lang), ['de', 'en'])
  assert.deepEqual(docs.map((d) => d.date?.value), ['2024-06-20', '2024-06-20'])
  assert.notEqual(docs[0]!.sourceKey, docs[1]!.sourceKey)
  assert.ok(docs[0]!.events.some((e) => e.type === 'SUPPORT' && e.date === '2024-06-19'), JSON.stringify(docs[0]!.events.map((e) => [e.type, e.date])))
  // one language: one document, as before
  assert.equal(buildDocs({ index: 0, text: german, format: 'txt' }, '/tmp/de.txt', kb).length, 1)
})

test('a wire dateline is where the story was filed, not an actor', () => {
  const en = buildDoc({ index: 0, text: 'Orbán blocks aid\n\nBRUSSELS — Hungary vetoed the package on Thursday.', format: 'txt' }, '/tmp/dateline.txt', kb, { date: '2023-12-15', lang: 'en' })
  assert.ok(!en.text.includes('BRUSSELS'))
  assert.ok(!en.mentions.some((m) => m.actor === 'EU'))
  const deDoc = buildDoc({ index: 0, text: 'Titel\n\nMoskau (dpa) – Die Türkei hat Drohnen an Aserbaidschan geliefert.', format: 'txt' }, '/tmp/dpa.txt', kb, { date: '2023-12-15', lang: 'de' })
  assert.ok(deDoc.text.includes('Die Türkei hat Drohnen') && !deDoc.text.includes('(dpa)'))
})

test('batched saving and a pool of reading threads store the same documents as one thread saving one by one', async () => {
  const dir = tmp()
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  const pairs = [['Russland', 'Nordkorea'], ['Iran', 'Russland'], ['China', 'Belarus'], ['Mali', 'Russland'], ['Armenien', 'Frankreich'], ['Kasachstan', 'China']]
  // More files than the pool is handed at once.
  for (let i = 0; i < 40; i++) {
    const [a, b] = pairs[i % pairs.length]!
    writeFileSync(join(corpus, `${String(i).padStart(2, '0')}.txt`), `Stand: ${1 + (i % 28)}.03.2024\n${a} und ${b} unterzeichneten am Montag ein Abkommen über militärische Zusammenarbeit.`)
  }
  writeFileSync(join(corpus, 'bad.txt'), Buffer.from([0, 1, 2, 3]))
  const plain = await SqliteStore.open(join(dir, 'plain.db'))
  const fast = await SqliteStore.open(join(dir, 'fast.db'))
  try {
    const one = await ingestPaths([corpus], kb, plain)
    const seen: number[] = []
    const many = await ingestPaths([corpus], kb, fast, { batch: true, workers: 2, onFile: (_f, done) => seen.push(done) })
    assert.deepEqual(many.documents, one.documents)
    assert.deepEqual(many.documents, { new: 40, unchanged: 0, replaced: 0, reanalysed: 0, failed: 1 })
    assert.deepEqual(seen, Array.from({ length: 41 }, (_, i) => i + 1), 'progress reaches every file once')
    const strings = async (s: SqliteStore) => (await s.events({})).map((e) => `${e.source}>${e.target}:${e.type}:${e.date}`).sort()
    assert.deepEqual(await strings(fast), await strings(plain))
    assert.deepEqual((await ingestPaths([corpus], kb, fast, { batch: true })).documents, { new: 0, unchanged: 40, replaced: 0, reanalysed: 0, failed: 1 })
  } finally {
    await plain.close()
    await fast.close()
  }
})

test('reading a folder again runs the pipeline over the changed articles only', async () => {
  const dir = tmp()
  writeFileSync(join(dir, 'a.txt'), 'Stand: 11.09.2023\nKuba und Venezuela vereinbarten eine engere Zusammenarbeit im Energiesektor.')
  writeFileSync(join(dir, 'b.txt'), 'Stand: 12.09.2023\nDie Türkei verurteilte den Angriff auf den Hafen von Odessa.')
  // A knowledge base that counts how often the pipeline looks up names (the mentions stage does, in each sentence).
  let lookups = 0
  const counting = Object.create(kb, { gazetteers: { get: () => { lookups++; return kb.gazetteers } } }) as typeof kb
  const store = await SqliteStore.open(join(dir, 'x.db'))
  try {
    const first = await ingestPaths([dir], counting, store)
    assert.deepEqual(first.documents, { new: 2, unchanged: 0, replaced: 0, reanalysed: 0, failed: 0 })
    assert.ok(lookups > 0)
    lookups = 0
    const again = await ingestPaths([dir], counting, store)
    assert.deepEqual(again.documents, { new: 0, unchanged: 2, replaced: 0, reanalysed: 0, failed: 0 })
    assert.equal(lookups, 0, 'unchanged articles are not analysed again')
    writeFileSync(join(dir, 'b.txt'), 'Stand: 12.09.2023\nDie Türkei verurteilte den Angriff auf den Hafen von Ismajil.')
    const changed = await ingestPaths([dir], counting, store)
    assert.deepEqual(changed.documents, { new: 0, unchanged: 1, replaced: 1, reanalysed: 0, failed: 0 })
    assert.ok(lookups > 0, 'the changed one is')
  } finally {
    await store.close()
  }
})
