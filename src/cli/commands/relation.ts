import type { Command } from 'commander'
import { plot } from 'asciichart'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { relation, RELATION_EVIDENCE } from '../../service/questions.ts'
import { actorCode, count, validPartialDate } from '../options.ts'
import { color, printJson, printTable } from '../output.ts'
import { modelOptions, score, span } from './relation-options.ts'

export function registerRelation(program: Command): void {
  modelOptions(program.command('relation')
    .description('the relation of two actors over time: the score by month, state changes and their causes, and the evidence')
    .argument('<a>', 'actor code', actorCode)
    .argument('<b>', 'actor code', actorCode)
    .option('--from <date>', 'start of the period (default: the first evidence, at most ten years back)', validPartialDate)
    .option('--to <date>', 'end of the period (default: the latest act)', validPartialDate)
    .option('--window <span>', 'without --from, the span the trend is measured over', span, '24m')
    .option('--evidence <n>', `how many of the period's latest acts to list with their sentences (default ${RELATION_EVIDENCE})`, count))
    .action(async (a: string, b: string, opts: { from?: string; to?: string; window: string; evidence?: number; halfLife?: string; json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const r = await relation(store, knowledgeBase(), a, b, opts)
        if (opts.json) { printJson(r); return }
        const now = r.now
        process.stdout.write(`${color.bold(`${r.names[0]} – ${r.names[1]}`)}  ${r.from} → ${r.to}\n`)
        process.stdout.write(`on ${r.to}: ${color.bold(now.state)} (score ${now.score.toFixed(2)}, ${now.confidence} confidence, ${now.acts} acts, ${now.sources} sources), trend ${now.trend}${now.since ? `, since ${now.since}` : ''}\n`)
        process.stdout.write(`dimensions: military ${now.dimensions.military.toFixed(2)}, diplomatic ${now.dimensions.diplomatic.toFixed(2)}, economic ${now.dimensions.economic.toFixed(2)}; ${a}→${b} ${now.directed.ab.toFixed(2)}, ${b}→${a} ${now.directed.ba.toFixed(2)}\n`)
        if (r.series.length > 1) {
          // One column per month, at most 72: longer periods are sampled evenly.
          const step = Math.max(1, Math.ceil(r.series.length / 72))
          const values = r.series.filter((_, i) => i % step === 0 || i === r.series.length - 1).map((q) => q.score)
          process.stdout.write(`\n${plot(values, { height: 8, format: (x: number) => x.toFixed(1).padStart(6) })}\n`)
          process.stdout.write(`${' '.repeat(8)}${r.series[0]!.month}${' '.repeat(Math.max(1, values.length - 14))}${r.series.at(-1)!.month}${step > 1 ? `  (one column per ${step} months)` : ''}\n`)
        }
        if (r.changes.length) {
          process.stdout.write(`\n${color.bold('state changes')}\n`)
          for (const c of r.changes) {
            const why = [...c.causes.map((x) => `${x.id} (${score(x.value).trim()})`), ...c.facts.map((f) => `${f.kind} ${f.from === c.month || f.from.startsWith(c.month) ? 'began' : 'ended'}`)]
            process.stdout.write(`  ${c.month}  ${c.from} → ${c.to}  (score ${c.score.toFixed(2)})${why.length ? `: ${why.join(', ')}` : ': decay'}\n`)
          }
        }
        if (r.standing.length) {
          process.stdout.write(`\n${color.bold('standing facts')}\n`)
          for (const f of r.standing) process.stdout.write(`  ${f.kind.padEnd(11)} ${f.a}–${f.b}  ${f.from} → ${f.to ?? 'now'}  (${f.basis.join(', ')})\n`)
        }
        if (now.flows.length) {
          process.stdout.write(`\n${color.bold('flows')}\n`)
          for (const f of now.flows) process.stdout.write(`  ${f.kind.padEnd(12)} ${f.from} → ${f.to}  ${f.acts} act(s), latest ${f.latest}${f.quantity ? `: ${f.quantity}` : ''}\n`)
        }
        process.stdout.write(`\n${color.bold('evidence')}${r.evidenceTotal > r.evidence.length ? ` (the latest ${r.evidence.length} of ${r.evidenceTotal} acts; --evidence for more)` : ''}\n`)
        printTable(r.evidence.map((e) => ({
          day: e.stated ? e.day : `${e.day}*`, act: `${e.source}>${e.target} ${e.type}${e.via ? ` via ${e.via}` : ''}`, mode: e.mode, modality: e.modality,
          value: score(e.value), now: score(e.valueAtEnd), id: e.id, sentence: e.sentence,
        })), 80)
        if (r.evidence.some((e) => !e.stated)) process.stdout.write(`* the sentence gives no date: placed on the article's publication date\n`)
      } finally {
        await store.close()
      }
    })
}
