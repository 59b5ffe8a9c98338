// Shows how the German pipeline reads one sentence: mentions, clauses with their phrases, triggers, events.
// Usage: node --import tsx scripts/explain.ts "Satz …" [YYYY-MM-DD] [lang]
import { analyseText } from '../test/helpers.ts'
import { splitClauses } from '../src/events/clauses.ts'
import { clausePhrases } from '../src/events/phrases.ts'
import { eventLexicon } from '../src/events/lexicon.ts'
import { knowledgeBase } from '../src/service/context.ts'

const [text = '', date = '2025-06-17', lang = 'de'] = process.argv.slice(2)
const doc = analyseText(text, date, lang)
const pack = knowledgeBase().packs.get(lang)!
const lex = eventLexicon(pack)
console.log('mentions:', doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}(${m.kind}${m.genitive ? ',gen' : ''})`).join('  '))
console.log('times:', doc.times.map((t) => `${t.text}=${t.value}`).join('  '))
const actorTokens = new Set(doc.mentions.flatMap((m) => Array.from({ length: m.tokenEnd - m.tokenStart }, (_, k) => m.tokenStart + k)))
for (const s of doc.sentences) {
  const idx = doc.tokens.map((t, i) => [t, i] as const).filter(([t]) => t.sentence === s.index).map(([, i]) => i)
  for (const c of splitClauses(doc.tokens, idx[0]!, idx.at(-1)! + 1, pack.grammar, actorTokens)) {
    const words = doc.tokens.slice(c.from, c.to).map((t, k) => (c.skip && c.from + k >= c.skip[0] && c.from + k < c.skip[1] ? `[${t.text}]` : t.text)).join(' ')
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
for (const e of doc.events) console.log(`  ${e.source}>${e.target} ${e.type} ${e.mode} ${e.modality} ${e.date ?? ''} ${e.rule} | ${e.trace.join(' ')}`)
