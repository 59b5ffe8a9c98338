import { Command, CommanderError } from 'commander'
import { registerIngest } from './commands/ingest.ts'
import { registerEvents } from './commands/events.ts'
import { registerDoc } from './commands/doc.ts'
import { registerStats } from './commands/stats.ts'
import { registerEval } from './commands/eval.ts'
import { registerTimes } from './commands/times.ts'
import { registerStart } from './commands/start.ts'
import { registerExplain } from './commands/explain.ts'
import { registerAllies } from './commands/allies.ts'
import { registerRelation } from './commands/relation.ts'
import { registerChanges } from './commands/changes.ts'
import { registerBlocs } from './commands/blocs.ts'
import { registerExport } from './commands/export.ts'
import { registerImport } from './commands/import.ts'
import { registerWorker } from './commands/worker.ts'
import { registerBackup } from './commands/backup.ts'
import { registerDelete } from './commands/delete.ts'
import { registerReanalyse } from './commands/reanalyse.ts'
import { CliError, color } from './output.ts'

// `entente events | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

const program = new Command('entente')
  .description('Evidence-backed, time-aware relations between states, alliances and armed groups, read from the news.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride()

for (const register of [registerStart, registerIngest, registerReanalyse, registerImport, registerWorker, registerEvents, registerDoc, registerStats, registerTimes, registerEval, registerExplain, registerAllies, registerRelation, registerChanges, registerBlocs, registerExport, registerDelete, registerBackup]) register(program)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode
  } else {
    process.stderr.write(`${color.red('entente:')} ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = err instanceof CliError ? err.exitCode : 1
  }
}
