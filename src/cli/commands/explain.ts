import type { Command } from 'commander'
import { dbPath, describeDb, openStore } from '../../service/context.ts'
import type { StoredDocument, StoredEvent } from '../../store/store.ts'
import { CliError, color, printJson } from '../output.ts'
import { markSpans } from '../mark-spans.ts'
import { DB_OPTION } from '../options.ts'

/** Everything that made one event: its spans, the rules of every step, the time expression and its anchor. */
export function explanation(e: StoredEvent, doc: StoredDocument) {
  const within = (m: { start: number; end: number }, span: [number, number]) => m.start < span[1] && span[0] < m.end
  const sourceMention = doc.mentions.find((m) => within(m, e.sourceSpan))
  const targetSpan = e.targetSpan
  const targetMention = targetSpan ? doc.mentions.find((m) => within(m, targetSpan)) : undefined
  const dateStep = e.trace.find((t) => t.startsWith('date:'))
  const dateRule = dateStep?.slice(5).split('+')[0]
  const time = dateRule ? doc.times.find((t) => t.rule === dateRule && (t.value.startsWith(e.date ?? '~') || (e.date ?? '').startsWith(t.value.slice(0, 4)))) : undefined
  const text = (span: [number, number]) => doc.text.slice(span[0], span[1])
  // "das Land" → the mention it refers back to.
  const referent = (m: StoredDocument['mentions'][number] | undefined) => {
    if (!m || m.antecedent === null) return null
    const a = doc.mentions.find((x) => x.start === m.antecedent)
    return a ? { text: text([a.start, a.end]), at: a.start } : null
  }
  return {
    id: e.id,
    event: { source: e.source, target: e.target, type: e.type, mode: e.mode, polarity: e.polarity, modality: e.modality, date: e.date, quantity: e.quantity, confidence: e.confidence },
    document: { id: doc.id, file: doc.file, title: doc.title, date: doc.date, dateSource: doc.dateSource },
    sentence: e.sentenceText,
    trigger: { text: text([e.start, e.end]), start: e.start - e.sentenceStart, end: e.end - e.sentenceStart, rule: e.rule },
    source: { text: text(e.sourceSpan), actor: e.source, rule: sourceMention?.rule ?? null, kind: sourceMention?.kind ?? null, refersTo: referent(sourceMention) },
    target: targetSpan ? { text: text(targetSpan), actor: e.target, rule: targetMention?.rule ?? null, kind: targetMention?.kind ?? null, refersTo: referent(targetMention) } : null,
    // News mode anchors to the publication date; narrative mode to the last date the text named before the expression.
    time: time ? { text: time.text, value: time.value, rule: time.rule, mode: doc.timeMode, anchor: doc.timeMode === 'news' ? doc.date : null, anchorSource: doc.timeMode === 'news' ? doc.dateSource : 'the last date named before it', how: dateStep } : dateStep ? { how: dateStep } : null,
    steps: e.trace,
    attribution: e.attribution,
  }
}

/** The sentence with source, target and trigger marked; a span outside the sentence (a reference's antecedent) is left unmarked. */
function marked(e: StoredEvent): string {
  const spans: [[number, number], string, string][] = [
    [e.sourceSpan, color.cyan('['), color.cyan(`]{source ${e.source}}`)],
    ...(e.targetSpan ? [[e.targetSpan, color.green('['), color.green(`]{target ${e.target}}`)] as [[number, number], string, string]] : []),
    [[e.start, e.end], color.magenta('*'), color.magenta(`*{${e.type}}`)],
  ]
  const length = e.sentenceText.length
  return markSpans(e.sentenceText, spans
    .map(([[a, b], open, close]) => ({ start: a - e.sentenceStart, end: b - e.sentenceStart, open, close }))
    .filter((m) => m.start >= 0 && m.end <= length))
}

export function registerExplain(program: Command): void {
  program.command('explain')
    .description('show why an event was extracted: its sentence, spans, rules, time expression and anchor')
    .argument('<event-id>', 'an event id (see `entente events`)')
    .option('--json', 'print the explanation as JSON')
    .option(...DB_OPTION)
    .action(async (id: string, opts: { json?: boolean; db?: string }) => {
      const store = await openStore(dbPath(opts.db))
      try {
        const e = await store.event(id)
        if (!e) throw new CliError(`no event "${id}" in ${describeDb(dbPath(opts.db))}`)
        const doc = (await store.document(e.docId))!
        const x = explanation(e, doc)
        if (opts.json) { printJson(x); return }
        const out = [
          `${color.bold(`${e.source} → ${e.target ?? '(no partner named)'}  ${e.type} (${e.mode})`)}  ${e.polarity}, ${e.modality}, date ${e.date ?? 'none'}, confidence ${e.confidence}`,
          '',
          marked(e),
          '',
          `document  ${doc.file} · ${doc.title ?? ''} · published ${doc.date ?? 'unknown'}${doc.dateSource === 'estimated' ? ' (estimated)' : ''}`,
          `trigger   "${x.trigger.text}"  rule ${x.trigger.rule}`,
          `source    "${x.source.text}" = ${e.source}  (${x.source.kind ?? '?'}, ${x.source.rule ?? '?'}${x.source.refersTo ? `, refers to "${x.source.refersTo.text}"` : ''})`,
          x.target ? `target    "${x.target.text}" = ${e.target}  (${x.target.kind ?? '?'}, ${x.target.rule ?? '?'}${x.target.refersTo ? `, refers to "${x.target.refersTo.text}"` : ''})` : 'target    none: a one-sided act',
          `time      ${x.time && 'value' in x.time ? `"${x.time.text}" = ${x.time.value}  (${x.time.rule}; ${x.time.mode === 'news' ? `news mode, anchored to ${x.time.anchor ?? 'nothing'}, ${x.time.anchorSource ?? ''}` : 'narrative mode, anchored to the last date the text named before it'})` : x.time?.how ?? 'none stated'}`,
          `steps     ${e.trace.join(' → ')}`,
          ...(e.attribution ? [`reported  by "${e.attribution}"`] : []),
        ]
        process.stdout.write(`${out.join('\n')}\n`)
      } finally {
        await store.close()
      }
    })
}
