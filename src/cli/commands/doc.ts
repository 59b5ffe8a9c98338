import type { Command } from 'commander'
import { dbPath, describeDb, openStore } from '../../service/context.ts'
import type { StoredDocument } from '../../store/store.ts'
import { CliError, color, printJson } from '../output.ts'
import { markSpans } from '../mark-spans.ts'
import { DB_OPTION } from '../options.ts'

/** The text with mentions [..]{ACTOR}, time expressions <..>{value} and triggers *..*{TYPE}. */
export function markedText(doc: StoredDocument): string {
  return markSpans(doc.text, [
    ...doc.mentions.map((m) => ({ start: m.start, end: m.end, open: color.cyan('['), close: color.cyan(`]{${m.actor}}`) })),
    ...doc.times.map((t) => ({ start: t.start, end: t.end, open: color.yellow('<'), close: color.yellow(`>{${t.value}}`) })),
    ...doc.events.map((e) => ({ start: e.start, end: e.end, open: color.magenta('*'), close: color.magenta(`*{${e.type} ${e.source}→${e.target}}`) })),
  ])
}

export function registerDoc(program: Command): void {
  program.command('doc')
    .description('show a stored document with its actors, time expressions and events marked')
    .argument('<id|file>', 'document id or ingested file name')
    .option('--json', 'print the document and its annotations as JSON')
    .option(...DB_OPTION)
    .action(async (key: string, opts: { json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const doc = await store.document(key)
        if (!doc) throw new CliError(`no document "${key}" in ${describeDb(dbPath(opts.db))}`)
        if (opts.json) { printJson(doc); return }
        process.stdout.write(`${color.bold(doc.title ?? doc.file)}\n${doc.file} · ${doc.lang} · ${doc.date ?? 'no date'}${doc.dateSource === 'estimated' ? ' (estimated)' : ''} · ${doc.id}\n\n`)
        process.stdout.write(`${markedText(doc)}\n\n`)
        for (const e of doc.events) {
          process.stdout.write(`${color.magenta(e.type)} ${e.source}→${e.target} ${e.mode} ${e.modality} ${e.date ?? ''}  ${color.dim(e.rule)}\n`)
        }
      } finally {
        await store.close()
      }
    })
}
