import type { Command } from 'commander'
import { dbPath, EXAMPLES_DIR, knowledgeBase, openStore } from '../../service/context.ts'
import { ingestPaths } from '../../service/ingest.ts'
import { partnersOf } from '../../service/partners.ts'
import { printSummary } from './ingest.ts'
import { color, printJson } from '../output.ts'
import { actorCode } from '../options.ts'

export function registerStart(program: Command): void {
  program.command('start')
    .description('first run: ingest the example corpus, then show an actor\'s partners (default RUS)')
    .option('--actor <code>', 'whose partners to show', actorCode, 'RUS')
    .option('--json', 'print the partners as JSON')
    .option('--db <path>', 'database file')
    .action(async (opts: { actor: string; json?: boolean; db?: string }) => {
      const kb = knowledgeBase()
      const store = await openStore(dbPath(opts.db))
      try {
        if ((await store.stats()).documents === 0) {
          if (!opts.json) process.stdout.write(`No documents yet in ${dbPath(opts.db)}: ingesting the example corpus (${EXAMPLES_DIR}).\n`)
          const summary = await ingestPaths([EXAMPLES_DIR], kb, store)
          if (!opts.json) printSummary(summary)
        }
        const partners = await partnersOf(store, opts.actor, kb)
        if (opts.json) { printJson(partners); return }
        const name = kb.actors.get(opts.actor)?.name ?? opts.actor
        process.stdout.write(`\n${color.bold(`${name} (${opts.actor}): partners in the news`)}  ${color.green('coop')} / ${color.red('conflict')} events, latest event\n\n`)
        for (const p of partners) {
          const latest = p.latest
          process.stdout.write(`${p.actor.padEnd(8)} ${p.name.slice(0, 24).padEnd(24)} ${color.green(String(p.coop).padStart(3))} / ${color.red(String(p.conflict).padStart(3))}   ` +
            `${latest.date ?? '----'} ${latest.source}→${latest.target} ${latest.type} (${latest.modality})  ${color.dim(latest.file)}\n`)
          process.stdout.write(`${' '.repeat(38)}${color.dim(`"${latest.sentence.slice(0, 100)}${latest.sentence.length > 100 ? '…' : ''}"`)}\n`)
        }
        process.stdout.write(`\nMore: npx entente events --actor ${opts.actor} | npx entente events --pair ${opts.actor},PRK --format jsonl | npx entente stats | npx entente --help\n`)
      } finally {
        await store.close()
      }
    })
}
