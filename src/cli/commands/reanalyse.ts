import type { Command } from 'commander'
import cliProgress from 'cli-progress'
import { reanalyseStore, type ReanalyseSummary } from '../../service/reanalyse.ts'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { color, printJson } from '../output.ts'
import { DB_OPTION } from '../options.ts'

function printSummary(s: ReanalyseSummary): void {
  if (s.outdated === 0) {
    process.stdout.write('every stored article was analysed by the current rules: nothing to do\n')
    return
  }
  process.stdout.write(`${color.bold('reanalysed')} ${s.reanalysed} of ${s.outdated} article(s) made by older rules, ${s.failed} failed; ${s.events} events in ${s.seconds.toFixed(2)} s\n`)
  for (const e of s.errors) process.stderr.write(`${color.red('error')} ${e.file}: ${e.reason}\n`)
}

export function registerReanalyse(program: Command): void {
  program.command('reanalyse')
    .description('analyse again, from their stored text, the articles that older rules or data made (after an upgrade); imports are left as they are')
    .option(...DB_OPTION)
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(dbPath(opts.db))
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} articles', clearOnComplete: true }, cliProgress.Presets.shades_classic) : null
      try {
        let started = false
        const summary = await reanalyseStore(knowledgeBase(), store, (done, total) => {
          if (!bar) return
          if (!started) { bar.start(total, 0); started = true }
          bar.update(done)
        })
        bar?.stop()
        if (opts.json) printJson(summary)
        else printSummary(summary)
        if (summary.failed > 0 && summary.reanalysed === 0) process.exitCode = 1
      } finally {
        bar?.stop()
        await store.close()
      }
    })
}
