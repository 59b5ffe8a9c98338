// Rewrites the known gaps of the breadth probes (test/fixtures/probes/*.known-gaps): the lines whose
// relation the engine does not read yet. Usage: node --import tsx scripts/probe-gaps.ts
import { writeFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { analyseText, eventStrings } from '../test/helpers.ts'
import { loadEventFixtures, readsAll } from '../test/fixtures.ts'
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'probes')
for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
  const set = file.slice(0, -4)
  const gaps: number[] = []
  for (const f of loadEventFixtures(join('probes', set))) {
    const got = eventStrings(analyseText(f.sentence, '2025-06-17', set.slice(0, 2)))
    if (!readsAll(got, f.expected)) gaps.push(f.line)
  }
  writeFileSync(join(dir, `${set}.known-gaps`), gaps.join('\n') + '\n')
  console.log(set, gaps.length)
}
