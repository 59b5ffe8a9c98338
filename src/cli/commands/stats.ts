import type { Command } from 'commander'
import { dbPath, openStore } from '../../service/context.ts'
import { printJson } from '../output.ts'
import { DB_OPTION } from '../options.ts'

export function registerStats(program: Command): void {
  program.command('stats')
    .description('counts of documents, sentences, mentions, events and actors, and the dates covered')
    .option('--json', 'print as JSON')
    .option(...DB_OPTION)
    .action(async (opts: { json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const s = await store.stats()
        if (opts.json) printJson(s)
        else process.stdout.write(`documents ${s.documents}\nsentences ${s.sentences}\nmentions  ${s.mentions}\nevents    ${s.events}\nactors    ${s.actors}\ndates     ${s.dateRange.from ?? '-'} … ${s.dateRange.to ?? '-'}\n`)
      } finally {
        await store.close()
      }
    })
}
