import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { knowledgeBase } from '../../service/context.ts'
import { decode } from '../../ingest/decode.ts'
import { detectLanguage } from '../../ingest/language.ts'
import { statedDate, estimatedDate } from '../../ingest/pubdate.ts'
import { tagTimes } from '../../time/tagger.ts'
import { validDate } from '../options.ts'
import { CliError, printJsonLines, printTable } from '../output.ts'

export function registerTimes(program: Command): void {
  program.command('times')
    .description('print the time expressions of a text file, normalised (offsets into the file as given)')
    .argument('<file>', 'a text file')
    .option('--date <YYYY-MM-DD>', 'the publication date to anchor relative expressions', validDate)
    .option('--lang <code>', 'language (default: detected)')
    .option('--format <format>', 'table or jsonl', 'table')
    .action((file: string, opts: { date?: string; lang?: string; format: string }) => {
      const kb = knowledgeBase()
      const { text } = decode(readFileSync(file), file)
      const lang = opts.lang ?? detectLanguage(text, kb.packs) ?? 'de'
      const pack = kb.packs.get(lang)
      if (!pack) throw new CliError(`no language pack for "${lang}"`)
      const anchor = opts.date ?? statedDate(text, pack)?.value ?? estimatedDate(text, pack)?.value ?? null
      const rows = tagTimes(text, pack.time, { anchor }).map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, ...(t.endValue ? { endValue: t.endValue } : {}), ...(t.mod ? { mod: t.mod } : {}), rule: t.rule }))
      if (opts.format === 'jsonl') printJsonLines(rows)
      else printTable(rows)
    })
}
