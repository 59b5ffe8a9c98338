import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { analyseText } from './helpers.ts'
import { fixtureEvents, fixtureSets, loadEventFixtures, sameEvents } from './fixtures.ts'

// Sentences the engine does not yet get right (line numbers in each TSV), tracked as todo so a
// regression of any other sentence fails. Regenerate with: node --import tsx scripts/fixture-report.ts <set> --gaps
for (const set of fixtureSets()) {
  const lang = set.slice(0, 2)
  const gapsFile = join(import.meta.dirname, 'fixtures', `${set}.known-gaps`)
  const gaps = new Set(existsSync(gapsFile) ? readFileSync(gapsFile, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [])
  describe(`fixtures (test/fixtures/${set}.tsv)`, () => {
    for (const f of loadEventFixtures(set)) {
      test(`line ${f.line}: ${f.sentence}`, { todo: gaps.has(f.line) ? 'known gap' : false }, () => {
        const got = fixtureEvents(set, analyseText(f.sentence, '2025-06-17', lang))
        assert.ok(sameEvents(got, f.expected), `expected ${f.expected.join(' ; ') || 'no event'}, got ${got.join(' ; ') || 'no event'} (${f.note})`)
      })
    }
  })
}
