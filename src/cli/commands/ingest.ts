import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import cliProgress from 'cli-progress'
import { basename } from 'node:path'
import { ingestPaths, listInputFiles, type IngestSummary } from '../../service/ingest.ts'
import { queueOf } from './worker.ts'
import { boundHeapGrowth } from '../../service/memory.ts'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { color, printJson } from '../output.ts'
import { validDate, DB_OPTION } from '../options.ts'

const workersOption = (v: string): number | 'auto' => {
  if (v === 'auto') return 'auto'
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('"auto" or a number of threads from 1 to 256')
  return n
}

/** "20", "20MB", "512KB", "1.5GB": a size in bytes. */
export const sizeOption = (v: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|gb|b)?$/i.exec(v.trim())
  if (!m) throw new InvalidArgumentError('a size such as 20MB, 512KB or 1GB')
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'mb').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb']
  const n = Math.floor(Number(m[1]) * unit)
  if (n < 1) throw new InvalidArgumentError('a size above zero')
  return n
}

export function printSummary(s: IngestSummary): void {
  const d = s.documents
  process.stdout.write(`${color.bold('ingested')} ${s.files} file(s): ${d.new} new, ${d.unchanged} unchanged, ${d.replaced} replaced, ${d.reanalysed} reanalysed, ${d.failed} failed; ` +
    `${s.sentences} sentences, ${s.events} events in ${s.seconds.toFixed(2)} s\n`)
  for (const e of s.errors) process.stderr.write(`${color.red('error')} ${e.file}: ${e.reason}\n`)
}

export function registerIngest(program: Command): void {
  program.command('ingest')
    .description('read news files and folders (.txt .md .html .json .jsonl, RSS/Atom) into the database')
    .argument('<paths...>', 'files or folders')
    .option('--date <YYYY-MM-DD>', 'publication date for every document (overrides what the text says)', validDate)
    .option('--lang <code>', 'language of every document (overrides detection)')
    .option('--workers <n>', 'threads: a number or "auto" (one per core from 5,000 files up); with more than one, one stores what the others read', workersOption, 'auto' as const)
    .option('--max-size <size>', 'largest file to read (e.g. 50MB; default 20MB); larger files are reported and skipped', sizeOption)
    .option('--queue', 'only add the files to the PostgreSQL ingest queue, for `entente worker` processes to take')
    .option(...DB_OPTION)
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], opts: { date?: string; lang?: string; db?: string; json?: boolean; workers: number | 'auto'; queue?: boolean; maxSize?: number }) => {
      const build = { ...(opts.date ? { date: opts.date } : {}), ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.maxSize ? { maxBytes: opts.maxSize } : {}) }
      if (opts.queue) {
        const { store, queue } = await queueOf(dbPath(opts.db))
        try {
          const files = listInputFiles(paths)
          const added = await queue.enqueue(files, build)
          const counts = await queue.counts()
          if (opts.json) printJson({ files: files.length, added, queue: counts })
          else process.stdout.write(`queued ${added} of ${files.length} file(s) (the others are queued or running already); queue: ${counts.queued} queued, ${counts.running} running, ${counts.done} done, ${counts.failed} failed\n`)
        } finally {
          await store.close()
        }
        return
      }
      boundHeapGrowth()
      const store = await openStore(dbPath(opts.db))
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} {file}', clearOnComplete: true }, cliProgress.Presets.shades_classic) : null
      try {
        let started = false
        const summary = await ingestPaths(paths, knowledgeBase, store, {
          ...build, workers: opts.workers, batch: true,
          onFile: (file, done, total) => {
            if (!bar) return
            if (!started) { bar.start(total, 0, { file: '' }); started = true }
            bar.update(done, { file: basename(file) })
          },
        })
        bar?.stop()
        if (opts.json) printJson(summary)
        else printSummary(summary)
        if (summary.documents.failed > 0 && summary.documents.new + summary.documents.unchanged + summary.documents.replaced + summary.documents.reanalysed === 0) process.exitCode = 1
      } finally {
        bar?.stop()
        await store.close()
      }
    })
}
