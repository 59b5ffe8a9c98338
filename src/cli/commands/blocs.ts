import type { Command } from 'commander'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { blocs } from '../../service/questions.ts'
import { validPartialDate } from '../options.ts'
import { color, printJson } from '../output.ts'
import { modelOptions } from './relation-options.ts'

export function registerBlocs(program: Command): void {
  modelOptions(program.command('blocs')
    .description('groups of actors that cooperate with each other at a date (community detection on the cooperation graph)')
    .option('--at <date>', 'the date (default: the latest act)', validPartialDate))
    .action(async (opts: { at?: string; halfLife?: string; json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const r = await blocs(store, knowledgeBase(), opts)
        if (opts.json) { printJson(r.blocs); return }
        process.stdout.write(`${color.bold(`blocs at ${r.at}`)}: ${r.blocs.length}\n`)
        for (const b of r.blocs) {
          process.stdout.write(`\n${color.bold(`${b.id}.`)} ${b.members.map((m, i) => `${b.names[i]} (${m})`).join(', ')}\n`)
          process.stdout.write(`   mean tie ${b.cohesion.toFixed(2)}; held together by ${b.holds.slice(0, 6).map((h) => `${h.basis} (${h.ties} ties)`).join(', ') || 'news alone'}\n`)
          for (const t of b.ties.filter((x) => x.acts > 0)) process.stdout.write(`   ${t.source}–${t.target} ${t.state} ${t.score.toFixed(2)}, ${t.acts} act(s)${t.standing.length ? `; ${t.standing.join(', ')}` : ''}; evidence ${t.evidence.join(', ')}\n`)
        }
      } finally {
        await store.close()
      }
    })
}
