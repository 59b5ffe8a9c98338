import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import cliProgress from 'cli-progress'
import { importFiles } from '../../service/import.ts'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { DATASETS, type Dataset } from '../../import/mappings.ts'
import type { ImportReport } from '../../import/record.ts'
import { color, printJson } from '../output.ts'
import { DB_OPTION } from '../options.ts'

const dataset = (v: string): Dataset => {
  if (!(DATASETS as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${DATASETS.join(', ')}`)
  return v as Dataset
}

const TOP = 8

/** The import's figures, and every kind of record left out with its most frequent values. */
export function printImportReport(r: ImportReport): void {
  const rate = r.seconds > 0 ? Math.round(r.rows / r.seconds) : 0
  process.stdout.write(`${color.bold('imported')} ${r.dataset}: ${r.files.length} file(s), ${r.rows} records read, ${r.imported} events stored (${r.oneSided} one-sided) in ${r.seconds.toFixed(2)} s (${rate} records/s)\n`)
  for (const f of r.files) {
    const line = `  ${f.file}: ${f.outcome}${f.outcome === 'failed' ? '' : `, ${f.rows} records, ${f.imported} events`}`
    if (f.error) process.stderr.write(`${color.red('error')} ${f.file}: ${f.error}\n`)
    else process.stdout.write(`${line}\n`)
  }
  for (const [reason, values] of Object.entries(r.skipped)) {
    const entries = Object.entries(values).sort((a, b) => b[1] - a[1])
    const n = entries.reduce((s, [, c]) => s + c, 0)
    if (!n) continue
    const top = entries.slice(0, TOP).map(([v, c]) => `${v} (${c})`).join(', ')
    process.stdout.write(`  not imported, ${reason} not mapped: ${n} — ${top}${entries.length > TOP ? `, and ${entries.length - TOP} more` : ''}\n`)
  }
  for (const m of r.malformed) process.stderr.write(`${color.yellow('skipped')} ${m.file}: line ${m.line}: ${m.problem}\n`)
}

export function registerImport(program: Command): void {
  program.command('import')
    .description('import coded event data (GDELT 2.0 exports, ICEWS, ACLED CSV, POLECAT) into the same event model, with provenance')
    .argument('<dataset>', `one of ${DATASETS.join(', ')}`, dataset)
    .argument('<files...>', 'files to import')
    .option('--cameo-table <file>', 'the CAMEO→PLOVER table (for gdelt and icews; default: $ENTENTE_CAMEO_TABLE, else ../shared/bench/plover/CAMEO2PLOVER-2021.txt)')
    .option(...DB_OPTION)
    .option('--json', 'print the report as JSON')
    .action(async (which: Dataset, files: string[], opts: { cameoTable?: string; db?: string; json?: boolean }) => {
      const kb = knowledgeBase()
      const store = await openStore(dbPath(opts.db))
      const bar = process.stderr.isTTY && !opts.json
        ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {value}/{total} MB | {eta_formatted} left', clearOnComplete: true }, cliProgress.Presets.shades_classic)
        : null
      try {
        let started = false
        const mb = (b: number) => Math.round(b / 1e5) / 10
        const report = await importFiles(which, files, kb, store, {
          ...(opts.cameoTable ? { cameoTable: opts.cameoTable } : {}),
          onProgress: (bytes, total) => {
            if (!bar) return
            if (!started) { bar.start(mb(total), 0); started = true }
            bar.update(mb(bytes))
          },
        })
        bar?.stop()
        if (opts.json) printJson(report)
        else printImportReport(report)
        if (report.files.every((f) => f.outcome === 'failed')) process.exitCode = 1
      } finally {
        bar?.stop()
        await store.close()
      }
    })
}
