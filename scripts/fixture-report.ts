// Prints how many fixture sentences the engine gets exactly right, and the failures.
// Usage: node --import tsx scripts/fixture-report.ts <set: a test/fixtures/*.tsv name> [--fails] [--gaps]
import { analyseText } from '../test/helpers.ts'
import { fixtureEvents, loadEventFixtures, sameEvents } from '../test/fixtures.ts'
const set = process.argv[2] ?? 'de-events'
const lang = set.slice(0, 2)
let ok = 0
const fails: string[] = []
const gapLines: number[] = []
const fixtures = loadEventFixtures(set)
for (const f of fixtures) {
  const got = fixtureEvents(set, analyseText(f.sentence, '2025-06-17', lang))
  if (sameEvents(got, f.expected)) ok++
  else gapLines.push(f.line), fails.push(`${f.line}\t${f.sentence}\n\twant ${f.expected.join(' ; ') || '-'}\n\tgot  ${got.join(' ; ') || '-'}\t${f.note}`)
}
if (process.argv.includes('--fails')) console.log(fails.join('\n'))
if (process.argv.includes('--gaps')) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(new URL(`../test/fixtures/${set}.known-gaps`, import.meta.url), `${gapLines.join('\n')}\n`)
}
console.log(`${ok}/${fixtures.length} fixture sentences exactly right`)
