import type { Command } from 'commander'
import { dbPath, describeDb, openStore } from '../../service/context.ts'
import { CliError } from '../output.ts'
import { DB_OPTION } from '../options.ts'

export function registerDelete(program: Command): void {
  program.command('delete')
    .description('remove a stored document with its events and its share of the relations (ingesting the file again brings it back)')
    .argument('<id|file>', 'document id or ingested file name')
    .option(...DB_OPTION)
    .action(async (key: string, opts: { db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const doc = await store.document(key)
        if (!doc || !(await store.deleteDocument(doc.id))) throw new CliError(`no document "${key}" in ${describeDb(dbPath(opts.db))}`)
        process.stdout.write(`deleted ${doc.file} (${doc.id}): ${doc.events.length} event(s)\n`)
      } finally {
        await store.close()
      }
    })
}
