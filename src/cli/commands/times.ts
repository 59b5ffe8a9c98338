import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { knowledgeBase } from '../../service/context.ts'
import { decode } from '../../ingest/decode.ts'
import { detectLanguage } from '../../ingest/language.ts'
import { statedDate, estimatedDate } from '../../ingest/pubdate.ts'
import { isTimeModeChoice, tagTimesIn } from '../../time/mode.ts'
import { validDate } from '../options.ts'
import { CliError, printJsonLines, printTable } from '../output.ts'

export function registerTimes(program: Command): void {
  program.command('times')
    .description('print the time expressions of a text file, normalised (offsets into the file as given)')
    .argument('<file>', 'a text file')
    .option('--date <YYYY-MM-DD>', 'the publication date to anchor relative expressions', validDate)
    .option('--lang <code>', 'language (default: detected)')
    .option('--format <format>', 'table or jsonl', 'table')
    .option('--mode <mode>', 'auto, news (anchor to the publication date) or narrative (anchor to the last date named)', 'auto')
    .action((file: string, opts: { date?: string; lang?: string; format: string; mode: string }) => {
      const choice = opts.mode
      if (!isTimeModeChoice(choice)) throw new CliError(`--mode must be auto, news or narrative, not "${choice}"`)
      const kb = knowledgeBase()
      const { text } = decode(readFileSync(file), file)
      const lang = opts.lang ?? detectLanguage(text, kb.packs) ?? 'de'
      const pack = kb.packs.get(lang)
      if (!pack) throw new CliError(`no language pack for "${lang}"`)
      const anchor = opts.date ?? statedDate(text, pack)?.value ?? estimatedDate(text, pack)?.value ?? null
      const { mode, times } = tagTimesIn(text, pack.time, anchor, choice)
      const rows = times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, ...(t.endValue ? { endValue: t.endValue } : {}), ...(t.mod ? { mod: t.mod } : {}), rule: t.rule }))
      if (opts.format === 'jsonl') printJsonLines(rows)
      else {
        process.stdout.write(`${mode} mode, ${mode === 'news' ? `anchored to ${anchor ?? 'nothing'}` : 'anchored to the last date named'}\n`)
        printTable(rows)
      }
    })
}
