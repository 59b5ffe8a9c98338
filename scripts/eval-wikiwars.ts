// Scores the German time tagger on WikiWarsDE (../shared/bench/wikiwars-de): extraction P/R and
// value F1 over calendar dates and seasons, anchored at each document's date, in the mode the tagger
// picks for each document (src/time/mode.ts: these histories read as narrative) or the one forced.
// Usage: npm run eval:wikiwars [-- --min-f1 0.885] [--errors] [--mode auto|news|narrative]
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { knowledgeBase, ROOT } from '../src/service/context.ts'
import { isTimeModeChoice, tagTimesIn, TIME_MODES } from '../src/time/mode.ts'
import { parseTimex2, scoreTimexes, isCalendarOrSeason } from '../src/eval/timex-gold.ts'

const dir = join(ROOT, '..', 'shared', 'bench', 'wikiwars-de')
if (!existsSync(dir)) { console.log(`${dir} not found: WikiWarsDE evaluation skipped`); process.exit(0) }
const de = knowledgeBase().packs.get('de')!
const docs = readdirSync(dir).filter((f) => f.endsWith('.key.xml')).sort().map((f) => parseTimex2(readFileSync(join(dir, f), 'utf8'), f))
const modeAt = process.argv.indexOf('--mode')
const mode = modeAt >= 0 ? process.argv[modeAt + 1] ?? '' : 'auto'
if (!isTimeModeChoice(mode)) { console.error(`--mode must be one of ${TIME_MODES.join(', ')}, not "${mode}"`); process.exit(2) }
const tagged = docs.map((d) => tagTimesIn(d.text, de.time, d.anchor, mode))
const results = docs.map((d, i) => ({ doc: d, predicted: tagged[i]!.times }))
const score = scoreTimexes(results.map((r) => ({ gold: r.doc.timexes, predicted: r.predicted })))
const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const narrative = tagged.filter((t) => t.mode === 'narrative').length
console.log(`WikiWarsDE: ${docs.length} documents (${narrative} read as narrative, ${docs.length - narrative} as news), ${score.gold} gold calendar/season expressions, ${score.predicted} predicted`)
console.log(`extraction  precision ${pct(score.extraction.precision)}  recall ${pct(score.extraction.recall)}  F1 ${pct(score.extraction.f1)}`)
console.log(`value       precision ${pct(score.value.precision)}  recall ${pct(score.value.recall)}  F1 ${pct(score.value.f1)}  (${score.value.correct} right)`)
if (process.argv.includes('--errors')) {
  for (const { doc, predicted } of results) {
    for (const g of doc.timexes.filter((t) => isCalendarOrSeason(t.value))) {
      const p = predicted.find((t) => t.start < g.end && g.start < t.end)
      if (!p) console.log(`MISS  ${doc.id.slice(0, 2)} ${g.value.padEnd(10)} ${JSON.stringify(g.text)}  …${doc.text.slice(Math.max(0, g.start - 40), g.start).replace(/\n/g, ' ')}`)
      else if (p.value !== g.value) console.log(`VALUE ${doc.id.slice(0, 2)} ${g.value.padEnd(10)} got ${p.value.padEnd(10)} ${JSON.stringify(g.text)} / ${JSON.stringify(p.text)} ${p.rule}`)
    }
    for (const p of predicted.filter((t) => isCalendarOrSeason(t.value))) {
      if (!doc.timexes.some((g) => g.start < p.end && p.start < g.end)) console.log(`EXTRA ${doc.id.slice(0, 2)} ${p.value.padEnd(10)} ${JSON.stringify(p.text)} ${p.rule}`)
    }
  }
}
const minAt = process.argv.indexOf('--min-f1')
if (minAt > 0 && score.value.f1 < Number(process.argv[minAt + 1])) {
  console.error(`quality gate failed: value F1 ${score.value.f1.toFixed(3)} < ${process.argv[minAt + 1]}`)
  process.exit(1)
}
