import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyseText, eventStrings } from './helpers.ts'
import { loadEventFixtures, readsAll } from './fixtures.ts'

// Breadth probes: sentences written to cover each PLOVER family in many constructions, each naming
// the one relation it states (test/fixtures/probes/<lang>-<family>.tsv). The relation must be among
// the events read; other events the sentence also states are not asserted here. Lines the engine
// does not yet get are listed in <file>.known-gaps and run as todo, so that any other line regressing fails
// (rewrite them with: node --import tsx scripts/probe-gaps.ts).
const dir = join(import.meta.dirname, 'fixtures', 'probes')
for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
  const set = file.slice(0, -4)
  const lang = set.slice(0, 2)
  const gapsFile = join(dir, `${set}.known-gaps`)
  const gaps = new Set(existsSync(gapsFile) ? readFileSync(gapsFile, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [])
  describe(`probes (test/fixtures/probes/${file})`, () => {
    for (const f of loadEventFixtures(join('probes', set))) {
      test(`line ${f.line}: ${f.sentence}`, { todo: gaps.has(f.line) ? 'known gap' : false }, () => {
        const got = eventStrings(analyseText(f.sentence, '2025-06-17', lang))
        assert.ok(readsAll(got, f.expected), `expected ${f.expected.join(' ; ')} among ${got.join(' ; ') || 'no event'} (${f.note})`)
      })
    }
  })
}
