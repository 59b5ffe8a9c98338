// Property-based tests (issue 8): random and mutated documents go through the whole pipeline.
// Whatever the input, no exception escapes, every event points inside its sentence, and every
// date is a real calendar date. FC_RUNS raises the number of cases (`npm run soak`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import SQLite from 'better-sqlite3'
import { kb } from './helpers.ts'
import { analyseFile } from '../src/ingest/analyse-file.ts'
import { buildDocs } from '../src/ingest/build-doc.ts'
import { SUPPORTED } from '../src/ingest/read-file.ts'
import { POINTED_BACK } from '../src/events/extract.ts'
import { isValidDay } from '../src/time/calendar.ts'
import type { Doc } from '../src/pipeline/document.ts'
import { SqliteStore } from '../src/store/sqlite-store.ts'
import { scratchDir } from './scratch-dir.ts'

const RUNS = Number(process.env['FC_RUNS'] ?? 60)
const dir = scratchDir('entente-prop-')

/** Sentences of my own, in the kinds the pipeline reads, to be cut, spliced and garbled. */
const SEEDS = [
  'Stand: 14.03.2024\nRussland lieferte im Februar Raketen an den Iran, berichtete die Agentur.',
  'Nordkorea soll laut Geheimdiensten Tausende Soldaten nach Russland geschickt haben.',
  'Die Türkei, ein enger Partner Aserbaidschans, schloss am 3. Mai einen Vertrag mit Baku.',
  'Kasachstan lehnte es ab, Truppen nach Moskau zu entsenden. Der Kreml bestritt das.',
  'Mali und Burkina Faso traten zwischen 2023 und 2024 aus der ECOWAS aus.',
  'Published 2 June 2025. China reportedly sent drones to Russia in late May, officials said.',
  'Belarus will host Russian nuclear weapons, Minsk announced on Monday.',
  'Armenia froze its membership in the CSTO last autumn and recalled its envoy from Moscow.',
  '<html><head><title>Kreml</title></head><body><p>Putin besuchte am 5. Juli Pjöngjang.</p></body></html>',
  '{"text": "Iran und Russland unterzeichneten ein Abkommen.", "date": "2025-01-17"}',
]

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), seed: fc.nat(SEEDS.length - 1) }),
  fc.record({ kind: fc.constant('markup' as const), at: fc.nat(), text: fc.constantFrom('<p>', '</div>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', ']]>', '&amp;', '&#0;', '\u0000', '\uFEFF', '\u202E', '31. Februar', 'im Jahr 20251', '99.99.9999', '\r\n\r\n', '"', '{"text":') }),
)

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(text: string, ops: Mutation[]): string {
  let s = text
  for (const op of ops) {
    const at = s.length ? op.at % (s.length + 1) : 0
    if (op.kind === 'insert' || op.kind === 'markup') s = s.slice(0, at) + op.text + s.slice(at)
    else if (op.kind === 'delete') s = s.slice(0, at) + s.slice(at + op.length)
    else s = s.slice(0, at) + SEEDS[op.seed]! + s.slice(at)
  }
  return s
}

const document = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.nat(SEEDS.length - 1), fc.array(mutation, { maxLength: 8 })).map(([i, ops]) => mutate(SEEDS[i]!, ops)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SEEDS.join(' ').split(/\s+/)), { maxLength: 60 }).map((w) => w.join(' ')) },
)

function isCalendarValue(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return false
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) return false
  return !m[3] || isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** What must hold of any document the pipeline produces. */
function checkDoc(doc: Doc): void {
  const where = JSON.stringify(doc.text.slice(0, 200))
  for (const s of doc.sentences) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= doc.text.length, `sentence out of the text: ${where}`)
  if (doc.date) assert.ok(isCalendarValue(doc.date.value), `document date ${doc.date.value}: ${where}`)
  for (const t of doc.times) assert.ok(isCalendarValue(t.date), `time ${t.text} → ${t.date}: ${where}`)
  for (const e of doc.events) {
    const s = doc.sentences[e.sentence]
    assert.ok(s, `event in sentence ${e.sentence}, which does not exist: ${where}`)
    const inside = (a: number, b: number) => a >= s.start && a < b && b <= s.end
    assert.ok(inside(e.start, e.end), `trigger ${e.start}-${e.end} outside its sentence ${s.start}-${s.end}: ${where}`)
    assert.ok(inside(e.sourceMention.start, e.sourceMention.end), `source outside its sentence: ${where}`)
    // A partner taken from earlier in the text (the passage's topic, an act told before, a meeting the
    // sentence before) points back to where it was named.
    if (e.targetMention && e.trace.some((step) => POINTED_BACK.has(step))) assert.ok(e.targetMention.start >= 0 && e.targetMention.end <= s.end, `partner named after its event: ${where}`)
    else if (e.targetMention) assert.ok(inside(e.targetMention.start, e.targetMention.end), `target outside its sentence: ${where}`)
    assert.ok(kb.actors.has(e.source) && (e.target === null || kb.actors.has(e.target)), `unknown actor in ${e.source}>${e.target}`)
    if (e.date !== null) assert.ok(isCalendarValue(e.date), `event date ${e.date}: ${where}`)
    assert.ok(e.confidence > 0 && e.confidence <= 1, `confidence ${e.confidence}`)
  }
}

test('random and mutated texts: no exception escapes the pipeline, events point inside their sentences, dates are real', () => {
  fc.assert(fc.property(document, fc.constantFrom('de', 'en', undefined), (text, lang) => {
    let docs: Doc[]
    try {
      docs = buildDocs({ index: 0, text, format: 'txt' }, join(dir, 'prop.txt'), kb, lang ? { lang } : {})
    } catch (err) {
      // The one refusal a text may get is a clear one: nothing left to read.
      assert.match((err as Error).message, /no article text|no language pack/, `unexpected error for ${JSON.stringify(text.slice(0, 200))}`)
      return
    }
    for (const doc of docs) checkDoc(doc)
  }), { numRuns: RUNS * 4 })
})

test('random bytes under every supported extension: each file is read or refused with a reason, never a crash', () => {
  let n = 0
  fc.assert(fc.property(
    fc.oneof(fc.uint8Array({ maxLength: 3000 }), document.map((t) => new TextEncoder().encode(t)), fc.tuple(document, fc.uint8Array({ maxLength: 40 })).map(([t, b]) => Buffer.concat([Buffer.from(t, 'latin1'), b]))),
    fc.constantFrom(...SUPPORTED),
    (bytes, ext) => {
      const file = join(dir, `f${n++}${ext}`)
      writeFileSync(file, bytes)
      const result = analyseFile(file, kb)
      for (const e of result.errors) assert.ok(e.reason.length > 0 && !/undefined|\[object/.test(e.reason), `unclear reason: ${e.reason}`)
      for (const d of result.docs) checkDoc({ ...d, tokens: [] })
    },
  ), { numRuns: RUNS * 2 })
})

test('whatever the pipeline produces, the store keeps it whole', async () => {
  const store = await SqliteStore.open(join(dir, 'prop.db'))
  try {
    await fc.assert(fc.asyncProperty(document, async (text) => {
      const file = join(dir, `s${Math.random().toString(36).slice(2)}.txt`)
      writeFileSync(file, text)
      const result = analyseFile(file, kb, { date: '2025-06-17' })
      for (const d of result.docs) {
        await store.saveDocument(d, file)
        const back = await store.document(d.id)
        assert.equal(back?.text, d.text, 'text stored as read')
        const events = await store.events({ docId: d.id, limit: 1000 })
        assert.equal(events.length, d.events.length)
      }
    }), { numRuns: RUNS })
    const check = new SQLite(join(dir, 'prop.db'), { readonly: true })
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok')
    check.close()
  } finally {
    await store.close()
  }
})
