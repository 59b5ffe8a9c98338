// Shows how the pipeline reads one sentence: mentions, clauses with their phrases, triggers, events.
// Usage: node --import tsx scripts/explain.ts "Satz …" [YYYY-MM-DD] [lang]
//        node --import tsx scripts/explain.ts --file article.txt "words of the sentence"
import { analyseText, kb } from '../test/helpers.ts'
import { readArticles } from '../src/ingest/read-file.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'
import { splitClauses } from '../src/events/clauses.ts'
import { clausePhrases } from '../src/events/phrases.ts'
import { eventLexicon } from '../src/events/lexicon.ts'
import { knowledgeBase } from '../src/service/context.ts'
import { mentionTokenSet } from '../src/pipeline/spans.ts'

const args = process.argv.slice(2)
const fromFile = args[0] === '--file'
const [text = '', date = '2025-06-17', lang = 'de'] = fromFile ? ['', '', 'de'] : args
const doc = fromFile ? buildDoc(readArticles(args[1]!).articles[0]!, args[1]!, kb) : analyseText(text, date, lang)
const only = fromFile ? doc.sentences.find((s) => doc.text.slice(s.start, s.end).includes(args[2]!))?.index : undefined
const pack = knowledgeBase().packs.get(lang)!
const lex = eventLexicon(pack)
const shown = (m: { sentence: number }) => only === undefined || m.sentence === only
console.log('mentions:', doc.mentions.filter(shown).map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}(${m.kind}${m.genitive ? ',gen' : ''})`).join('  '))
console.log('times:', doc.times.filter(shown).map((t) => `${t.text}=${t.value}`).join('  '))
const actorTokens = mentionTokenSet(doc.mentions)
for (const s of doc.sentences.filter((x) => only === undefined || x.index === only)) {
  const idx = doc.tokens.map((t, i) => [t, i] as const).filter(([t]) => t.sentence === s.index).map(([, i]) => i)
  for (const c of splitClauses(doc.tokens, idx[0]!, idx.at(-1)! + 1, pack.grammar, actorTokens)) {
    const words = doc.tokens.slice(c.from, c.to).map((t, k) => ((c.skips ?? []).some(([a, b]) => c.from + k >= a && c.from + k < b) ? `[${t.text}]` : t.text)).join(' ')
    const flags = Object.entries(c).filter(([k, v]) => v === true && k !== 'from').map(([k]) => k).join(',')
    console.log(`\nclause ${flags ? `(${flags})` : ''}: ${words}`)
    for (const p of clausePhrases(doc.mentions, doc.tokens, c, pack.grammar, (id) => knowledgeBase().actors.get(id)?.kind === 'state')) {
      console.log(`  phrase ${p.mentions.map((m) => m.actor).join('+')} ${p.attach.kind}${p.attach.kind === 'prep' ? `:${p.attach.prep}` : ''}`)
    }
    for (let i = c.from; i < c.to; i++) {
      for (const ref of lex.triggers.get(doc.tokens[i]!.norm) ?? []) console.log(`  trigger ${doc.tokens[i]!.text} → ${ref.rule.rule} (${ref.kind})`)
    }
  }
}
console.log('\nevents:')
for (const e of doc.events.filter(shown)) console.log(`  ${e.source}>${e.target} ${e.type} ${e.mode} ${e.modality} ${e.date ?? ''} ${e.rule} | ${e.trace.join(' ')}`)
