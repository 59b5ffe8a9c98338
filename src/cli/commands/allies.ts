import type { Command } from 'commander'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { allies } from '../../service/questions.ts'
import { actorCode, validPartialDate } from '../options.ts'
import { color, printJson, printTable } from '../output.ts'
import { modelOptions, score, span, tenth } from './relation-options.ts'

export function registerAllies(program: Command): void {
  modelOptions(program.command('allies')
    .description('every counterpart of an actor at a date, from most cooperative to most hostile, with state, trend and evidence')
    .argument('<actor>', 'actor code (RUS, PRK, NATO …)', actorCode)
    .option('--at <date>', 'the date (YYYY, YYYY-MM or YYYY-MM-DD; default: the latest act)', validPartialDate)
    .option('--window <span>', 'the span the trend is measured over', span, '24m'))
    .action(async (actor: string, opts: { at?: string; window: string; halfLife?: string; json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const answer = await allies(store, knowledgeBase(), actor, opts)
        if (opts.json) { printJson(answer.counterparts); return }
        process.stdout.write(`${color.bold(`${answer.name} (${actor})`)} at ${answer.at} · trend over ${Math.round(answer.windowMonths)} months · half-life ${answer.halfLifeMonths} months\n\n`)
        printTable(answer.counterparts.map((c) => ({
          actor: c.actor, name: c.name, state: c.state, score: score(c.score), trend: c.trend, since: c.since ?? '',
          confidence: c.confidence, acts: c.acts, 'mil/dip/eco': [c.dimensions.military, c.dimensions.diplomatic, c.dimensions.economic].map(tenth).join(' / '),
          flows: c.flows.map((f) => `${f.kind} ${f.from}→${f.to}${f.quantity ? ` (${f.quantity})` : ''}`).join(', '),
          basis: c.standing.map((f) => (f.kind === 'defence' || f.kind === 'union' ? f.basis[0] : f.kind)).join(', '),
        })), 48)
        if (answer.undated) process.stdout.write(`\n${answer.undated} report(s) without any date were left out.\n`)
      } finally {
        await store.close()
      }
    })
}
