import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { analyseText, eventStrings } from './helpers.ts'
import { loadEventFixtures, sameEvents } from './fixtures.ts'

// Sentences the engine does not yet get right (line numbers in the TSV), tracked as todo so a
// regression of any other sentence fails. Regenerate with: node --import tsx scripts/fixture-report.ts de --gaps
const gapsFile = join(import.meta.dirname, 'fixtures', 'de-events.known-gaps')
const gaps = new Set(existsSync(gapsFile) ? readFileSync(gapsFile, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [])

describe('German event fixtures (test/fixtures/de-events.tsv)', () => {
  for (const f of loadEventFixtures('de')) {
    const name = `line ${f.line}: ${f.sentence}`
    test(name, { todo: gaps.has(f.line) ? 'known gap' : false }, () => {
      const got = eventStrings(analyseText(f.sentence))
      assert.ok(sameEvents(got, f.expected), `expected ${f.expected.join(' ; ') || 'no event'}, got ${got.join(' ; ') || 'no event'} (${f.note})`)
    })
  }
})
