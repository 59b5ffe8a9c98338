import { InvalidArgumentError, type Command } from 'commander'
import { dbPath, openStore } from '../../service/context.ts'
import { actorCode, validPartialDate, DB_OPTION } from '../options.ts'
import { CliError, printCsv, printJson, printJsonLines, printTable } from '../output.ts'
import { clustersOf, eventRecord } from '../../service/events.ts'


const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const

export function registerEvents(program: Command): void {
  program.command('events')
    .description('list stored relation events, each with its sentence, file and rule')
    .option('--actor <code>', 'events where this actor is source or target', actorCode)
    .option('--pair <a,b>', 'events between two actors, either direction', (v: string) => {
      const parts = v.split(',').map((s) => actorCode(s.trim()))
      if (parts.length !== 2) throw new InvalidArgumentError('use --pair RUS,PRK')
      return parts as [string, string]
    })
    .option('--type <TYPE>', 'PLOVER event type (AID, SUPPORT …)')
    .option('--from <date>', 'on or after (YYYY, YYYY-MM, YYYY-MM-DD)', validPartialDate)
    .option('--to <date>', 'on or before', validPartialDate)
    .option('--lang <code>', 'language of the article')
    .option('--partner <which>', 'named: only events with a partner; none: only one-sided acts', (v: string) => { if (v !== 'named' && v !== 'none') throw new InvalidArgumentError('named or none'); return v })
    .option('--limit <n>', 'at most n events', (v: string) => { const n = Number(v); if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number'); return n })
    .option('--unique', 'one row per event cluster (the same act reported in several sentences or articles)')
    .option('--format <format>', `table, json, jsonl or csv`, 'table')
    .option('--json', 'same as --format json')
    .option(...DB_OPTION)
    .action(async (opts) => {
      const format = opts.json ? 'json' : opts.format
      if (!FORMATS.includes(format)) throw new CliError(`unknown format "${format}": use ${FORMATS.join(', ')}`)
      const store = await openStore(dbPath(opts.db))
      try {
        const events = await store.events({ actor: opts.actor, pair: opts.pair, type: opts.type, from: opts.from, to: opts.to, lang: opts.lang, partner: opts.partner, limit: opts.limit })
        const clusters = clustersOf(events)
        const seen = new Set<string>()
        // --unique keeps each cluster's most confident report.
        const chosen = opts.unique
          ? [...events].sort((a, b) => b.confidence - a.confidence).filter((e) => { const c = clusters.get(e.id)!.id; if (seen.has(c)) return false; seen.add(c); return true })
            .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id))
          : events
        const records = chosen.map((e) => eventRecord(e, clusters.get(e.id)))
        if (format === 'json') printJson(records)
        else if (format === 'jsonl') printJsonLines(records)
        else if (format === 'csv') printCsv(records.map((r) => ({ ...r, trace: r.trace.join(' | ') })))
        else printTable(records.map((r) => ({ date: r.date, source: r.source, type: r.type, target: r.target, mode: r.mode, modality: r.modality, ...(opts.unique ? { sources: r.sources, reports: r.reports } : {}), file: r.file, sentence: r.sentence })), 70)
      } finally {
        await store.close()
      }
    })
}
