import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { columnKey, GDELT_COLUMNS, type Get } from './datasets.ts'
import type { Dataset } from './mappings.ts'

/** One record of a file: its line, and its fields by column name; or why the line was not read. */
export type Row = { line: number; get: Get } | { line: number; problem: string }

/**
 * A file as a stream of records, never held in memory whole: `blocks` hands them on a block of the
 * file at a time (each block a synchronous iterable, cheaper to walk than one awaited record after
 * another), `rows` one by one; `bytes()` tells how far it has read. A record's `get` reads the
 * current record: use it before taking the next.
 */
export interface RowSource { blocks: AsyncGenerator<Iterable<Row>>; rows: () => AsyncGenerator<Row>; bytes: () => number }

/**
 * Reads the current record's fields by column name; the record changes under it. The mappers name
 * columns with constants: each name is folded and looked up once per file.
 */
abstract class Cursor {
  private index: Map<string, number> | null = null
  private readonly byName = new Map<string, number>()
  get ready(): boolean {
    return this.index !== null
  }
  header(names: readonly string[]): void {
    this.index = new Map(names.map((n, i) => [columnKey(n), i]))
  }
  protected abstract field(i: number): string
  readonly get: Get = (column) => {
    let i = this.byName.get(column)
    if (i === undefined) {
      i = this.index?.get(columnKey(column)) ?? -1
      if (this.index) this.byName.set(column, i)
    }
    return i < 0 ? '' : this.field(i)
  }
}

/** A record parsed into its fields (CSV). */
class ArrayCursor extends Cursor {
  fields: string[] = []
  protected field(i: number): string {
    return this.fields[i] ?? ''
  }
}

/**
 * A tab-separated line, of which only the fields read are cut out: a mapper reads 15 of GDELT's 61
 * columns, and splitting every line whole made most of the garbage of an import.
 */
class TabCursor extends Cursor {
  private line = ''
  private starts = new Int32Array(64)
  /** Fields on the current line. */
  count = 0
  set(line: string): void {
    this.line = line
    let n = 1
    for (let p = line.indexOf('\t'); p !== -1; p = line.indexOf('\t', p + 1)) {
      if (n === this.starts.length) { const grown = new Int32Array(n * 2); grown.set(this.starts); this.starts = grown }
      this.starts[n++] = p + 1
    }
    this.count = n
  }
  protected field(i: number): string {
    if (i >= this.count) return ''
    return this.line.slice(this.starts[i]!, i + 1 < this.count ? this.starts[i + 1]! - 1 : this.line.length)
  }
}

/** A file's lines, a block at a time (line breaks \n or \r\n); the last line needs no break. */
async function* lineBlocks(stream: AsyncIterable<string>): AsyncGenerator<string[]> {
  let rest = ''
  for await (const chunk of stream) {
    const text = rest + chunk
    const lines = text.split('\n')
    rest = lines.pop()!
    yield lines
  }
  if (rest) yield [rest]
}

/**
 * GDELT and ICEWS are plain tab-separated files (no quoting), read line by line with a split; ACLED
 * exports and comma-separated POLECAT files quote their fields and go through csv-parse.
 */
export function readRows(file: string, dataset: Dataset): RowSource {
  const stream = createReadStream(file)
  const bytes = () => stream.bytesRead
  async function* tsv(): AsyncGenerator<Iterable<Row>> {
    const cursor = new TabCursor()
    if (dataset === 'gdelt') cursor.header(GDELT_COLUMNS)
    let n = 0
    function* rows(lines: string[]): Generator<Row> {
      for (let line of lines) {
        n++
        if (line.endsWith('\r')) line = line.slice(0, -1)
        if (!line.trim()) continue
        if (!cursor.ready) { cursor.header(line.replace(/^\ufeff/, '').split('\t')); continue }
        cursor.set(line)
        if (dataset === 'gdelt' && cursor.count !== GDELT_COLUMNS.length) {
          yield { line: n, problem: `${cursor.count} columns, a GDELT 2.0 event has ${GDELT_COLUMNS.length}` }
          continue
        }
        yield { line: n, get: cursor.get }
      }
    }
    for await (const lines of lineBlocks(stream.setEncoding('utf8'))) yield rows(lines)
  }
  async function* csv(): AsyncGenerator<Iterable<Row>> {
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }))
    const cursor = new ArrayCursor()
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!cursor.ready) { cursor.header(record); continue }
        cursor.fields = record
        yield [{ line: info.lines, get: cursor.get }]
      }
    } catch (err) {
      // csv-parse stops at a broken quote: report where, keep what was read before it.
      const e = err as Error & { lines?: number }
      yield [{ line: e.lines ?? 0, problem: e.message }]
    }
  }
  const blocks = dataset === 'acled' ? csv() : dataset === 'polecat' ? sniff() : tsv()
  async function* rows(): AsyncGenerator<Row> {
    for await (const block of blocks) yield* block
  }
  return { blocks, rows, bytes }

  // POLECAT comes tab- or comma-separated: the header line decides.
  async function* sniff(): AsyncGenerator<Iterable<Row>> {
    const head = await new Promise<string>((resolve, reject) => {
      const probe = createReadStream(file, { start: 0, end: 4095, encoding: 'utf8' })
      let text = ''
      probe.on('data', (c) => { text += c }).on('end', () => resolve(text)).on('error', reject)
    })
    yield* (head.split('\n')[0]!.includes('\t') ? tsv() : csv())
  }
}
