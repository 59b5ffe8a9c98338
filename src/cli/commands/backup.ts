import type { Command } from 'commander'
import { backup, migrateTo, restore } from '../../service/backup.ts'
import { dbPath, describeDb } from '../../service/context.ts'
import type { TableReport } from '../../store/copy.ts'
import { color, printJson, printTable } from '../output.ts'
import { DB_OPTION } from '../options.ts'

/** Counts and the start of each checksum, enough to compare two databases by eye. */
function printTables(tables: TableReport[], json: boolean | undefined, extra: Record<string, unknown> = {}): void {
  if (json) printJson({ ...extra, tables })
  else printTable(tables.map((t) => ({ table: t.table, rows: t.rows, checksum: t.checksum.slice(0, 16) })))
}

export function registerBackup(program: Command): void {
  program.command('backup')
    .description('write the database to a SQLite file: online for SQLite (others may keep writing), a verified copy for PostgreSQL')
    .argument('<file>', 'the backup file to write')
    .option('--force', 'overwrite the file if it exists')
    .option('--json', 'print the counts and checksums as JSON')
    .option(...DB_OPTION)
    .action(async (file: string, opts: { force?: boolean; json?: boolean; db?: string }) => {
      const db = dbPath(opts.db)
      const report = await backup(db, file, { force: opts.force ?? false })
      if (!opts.json) process.stdout.write(`${color.bold('backup')} of ${describeDb(db)} in ${file}, integrity checked${report.sourceChanged ? ' (written to meanwhile: the backup is its state at one moment)' : ''}\n`)
      printTables(report.tables, opts.json, { file, sourceChanged: report.sourceChanged })
    })

  program.command('restore')
    .description('replace the database with a backup made by `entente backup`; a SQLite file is swapped in one step')
    .argument('<file>', 'the backup file to read')
    .option('--force', 'replace a database that holds documents')
    .option('--json', 'print the counts and checksums as JSON')
    .option(...DB_OPTION)
    .action(async (file: string, opts: { force?: boolean; json?: boolean; db?: string }) => {
      const db = dbPath(opts.db)
      const tables = await restore(file, db, { force: opts.force ?? false })
      if (!opts.json) process.stdout.write(`${color.bold('restored')} ${file} into ${describeDb(db)}\n`)
      printTables(tables, opts.json)
    })

  program.command('migrate')
    .description('copy everything into another, empty database (e.g. from SQLite to PostgreSQL), verified by counts and checksums')
    .requiredOption('--to <location>', 'the database to copy into: a postgres:// URL or a SQLite file')
    .option('--json', 'print the counts and checksums as JSON')
    .option(...DB_OPTION)
    .action(async (opts: { to: string; json?: boolean; db?: string }) => {
      const db = dbPath(opts.db)
      const tables = await migrateTo(db, opts.to)
      if (!opts.json) process.stdout.write(`${color.bold('copied')} ${describeDb(db)} to ${describeDb(opts.to)}; counts and checksums match\n`)
      printTables(tables, opts.json)
    })
}
