import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import { columnKey, GDELT_COLUMNS, type Get } from './datasets.ts'
import type { Dataset } from './mappings.ts'

/** One record of a file: its line, and its fields by column name; or why the line was not read. */
export type Row = { line: number; get: Get } | { line: number; problem: string }

/** A file as a stream of records, never held in memory whole; `bytes()` tells how far it has read. */
export interface RowSource { rows: AsyncGenerator<Row>; bytes: () => number }

/**
 * Reads the current record's fields by column name; the record changes under it. The mappers name
 * columns with constants: each name is folded and looked up once per file.
 */
class Cursor {
  private index: Map<string, number> | null = null
  private readonly byName = new Map<string, number>()
  fields: string[] = []
  get ready(): boolean {
    return this.index !== null
  }
  header(names: readonly string[]): void {
    this.index = new Map(names.map((n, i) => [columnKey(n), i]))
  }
  readonly get: Get = (column) => {
    let i = this.byName.get(column)
    if (i === undefined) {
      i = this.index?.get(columnKey(column)) ?? -1
      if (this.index) this.byName.set(column, i)
    }
    return i < 0 ? '' : (this.fields[i] ?? '')
  }
}

/**
 * GDELT and ICEWS are plain tab-separated files (no quoting), read line by line with a split; ACLED
 * exports and comma-separated POLECAT files quote their fields and go through csv-parse.
 */
export function readRows(file: string, dataset: Dataset): RowSource {
  const stream = createReadStream(file)
  const bytes = () => stream.bytesRead
  async function* tsv(): AsyncGenerator<Row> {
    const lines = createInterface({ input: stream.setEncoding('utf8'), crlfDelay: Infinity })
    const cursor = new Cursor()
    if (dataset === 'gdelt') cursor.header(GDELT_COLUMNS)
    let n = 0
    for await (const line of lines) {
      n++
      if (!line.trim()) continue
      if (!cursor.ready) { cursor.header(line.replace(/^\ufeff/, '').split('\t')); continue }
      cursor.fields = line.split('\t')
      if (dataset === 'gdelt' && cursor.fields.length !== GDELT_COLUMNS.length) {
        yield { line: n, problem: `${cursor.fields.length} columns, a GDELT 2.0 event has ${GDELT_COLUMNS.length}` }
        continue
      }
      yield { line: n, get: cursor.get }
    }
  }
  async function* csv(): AsyncGenerator<Row> {
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }))
    const cursor = new Cursor()
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!cursor.ready) { cursor.header(record); continue }
        cursor.fields = record
        yield { line: info.lines, get: cursor.get }
      }
    } catch (err) {
      // csv-parse stops at a broken quote: report where, keep what was read before it.
      const e = err as Error & { lines?: number }
      yield { line: e.lines ?? 0, problem: e.message }
    }
  }
  return { rows: dataset === 'acled' ? csv() : dataset === 'polecat' ? sniff() : tsv(), bytes }

  // POLECAT comes tab- or comma-separated: the header line decides.
  async function* sniff(): AsyncGenerator<Row> {
    const head = await new Promise<string>((resolve, reject) => {
      const probe = createReadStream(file, { start: 0, end: 4095, encoding: 'utf8' })
      let text = ''
      probe.on('data', (c) => { text += c }).on('end', () => resolve(text)).on('error', reject)
    })
    yield* (head.split('\n')[0]!.includes('\t') ? tsv() : csv())
  }
}
