import type { Command } from 'commander'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { changes } from '../../service/questions.ts'
import { actorCode, validPartialDate } from '../options.ts'
import { color, printJson, printTable } from '../output.ts'
import { modelOptions } from './relation-options.ts'

export function registerChanges(program: Command): void {
  modelOptions(program.command('changes')
    .description('who moved from one state to another with an actor between two dates, ranked by how far')
    .argument('<actor>', 'actor code', actorCode)
    .requiredOption('--from <date>', 'the earlier date', validPartialDate)
    .requiredOption('--to <date>', 'the later date', validPartialDate))
    .action(async (actor: string, opts: { from: string; to: string; halfLife?: string; json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const r = await changes(store, knowledgeBase(), actor, opts)
        if (opts.json) { printJson(r.changes); return }
        process.stdout.write(`${color.bold(actor)}: ${r.from} → ${r.to}\n\n`)
        printTable(r.changes.map((c) => ({
          actor: c.actor, name: c.name, from: `${c.from.state} (${c.from.score.toFixed(2)})`, to: `${c.to.state} (${c.to.score.toFixed(2)})`,
          steps: c.steps > 0 ? `+${c.steps}` : String(c.steps), delta: c.delta.toFixed(2),
        })))
      } finally {
        await store.close()
      }
    })
}
