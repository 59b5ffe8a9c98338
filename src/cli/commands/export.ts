import { writeFileSync } from 'node:fs'
import { InvalidArgumentError, type Command } from 'commander'
import { dbPath, knowledgeBase, openStore } from '../../service/context.ts'
import { graphAt } from '../../service/questions.ts'
import { exportGraph, type GraphFormat } from '../../relations/export.ts'
import { actorCode, validPartialDate, DB_OPTION } from '../options.ts'
import { CliError } from '../output.ts'
import { modelOptions } from './relation-options.ts'
import { clustersOf, eventRecord } from '../../service/events.ts'
import { stringify } from 'csv-stringify/sync'

const GRAPH_FORMATS: GraphFormat[] = ['graphml', 'gexf', 'json']
const EVENT_FORMATS = ['csv', 'jsonl'] as const

function write(out: string | undefined, text: string): void {
  if (out) writeFileSync(out, text)
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

export function registerExport(program: Command): void {
  const exp = program.command('export').description('export the relation graph or the events for other tools')
  modelOptions(exp.command('graph')
    .description('the relation graph at a date, for Gephi (gexf), yEd or networkx (graphml), or as JSON')
    .option('--at <date>', 'the date (default: the latest act)', validPartialDate)
    .option('--min <score>', 'keep relations whose score reaches this in absolute value', (v: string) => { const n = Number(v); if (!(n >= 0)) throw new InvalidArgumentError('a number ≥ 0'); return n }, 0)
    .requiredOption('--format <format>', `${GRAPH_FORMATS.join(', ')}`)
    .option('--out <file>', 'write to a file instead of standard output'))
    .action(async (opts: { at?: string; min: number; format: string; out?: string; halfLife?: string; db?: string }) => {
      if (!GRAPH_FORMATS.includes(opts.format as GraphFormat)) throw new CliError(`unknown format "${opts.format}": use ${GRAPH_FORMATS.join(', ')}`)
      const kb = knowledgeBase()
      const store = await openStore(dbPath(opts.db))
      try {
        const graph = await graphAt(store, kb, opts)
        const info = (id: string) => ({ name: kb.actors.get(id)?.name ?? id, kind: kb.actors.get(id)?.kind ?? 'unknown' })
        write(opts.out, exportGraph(graph, opts.format as GraphFormat, info))
      } finally {
        await store.close()
      }
    })
  exp.command('events')
    .description('every stored event with its sentence, cluster and provenance, as CSV or JSON lines')
    .requiredOption('--format <format>', EVENT_FORMATS.join(', '))
    .option('--actor <code>', 'events where this actor is source or target', actorCode)
    .option('--from <date>', 'on or after', validPartialDate)
    .option('--to <date>', 'on or before', validPartialDate)
    .option('--out <file>', 'write to a file instead of standard output')
    .option(...DB_OPTION)
    .action(async (opts: { format: string; actor?: string; from?: string; to?: string; out?: string; db?: string }) => {
      if (!(EVENT_FORMATS as readonly string[]).includes(opts.format)) throw new CliError(`unknown format "${opts.format}": use ${EVENT_FORMATS.join(', ')}`)
      const store = await openStore(dbPath(opts.db))
      try {
        const events = await store.events({ actor: opts.actor, from: opts.from, to: opts.to })
        const clusters = clustersOf(events)
        const records = events.map((e) => eventRecord(e, clusters.get(e.id)))
        const text = opts.format === 'jsonl'
          ? records.map((r) => JSON.stringify(r)).join('\n')
          : stringify(records.map((r) => ({ ...r, trace: r.trace.join(' | ') })), { header: true, columns: records.length ? Object.keys(records[0]!) : ['id'] })
        write(opts.out, text)
      } finally {
        await store.close()
      }
    })
}
