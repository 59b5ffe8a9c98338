// Prints how many fixture sentences the engine gets exactly right, and the failures.
import { analyseText, eventStrings } from '../test/helpers.ts'
import { loadEventFixtures, sameEvents } from '../test/fixtures.ts'
const lang = process.argv[2] ?? 'de'
let ok = 0
const fails: string[] = []
const fixtures = loadEventFixtures(lang)
for (const f of fixtures) {
  const got = eventStrings(analyseText(f.sentence, '2025-06-17', lang))
  if (sameEvents(got, f.expected)) ok++
  else fails.push(`${f.line}\t${f.sentence}\n\twant ${f.expected.join(' ; ') || '-'}\n\tgot  ${got.join(' ; ') || '-'}\t${f.note}`)
}
if (process.argv.includes('--fails')) console.log(fails.join('\n'))
console.log(`${ok}/${fixtures.length} fixture sentences exactly right`)
