import { createHash } from 'node:crypto'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from './tables.ts'
import { bumpVersion } from './kysely-store.ts'

type Kind = 'text' | 'int' | 'real'
type Row = Record<string, unknown>

/**
 * A data table as copies see it. `key` orders the pages: a unique key, or with `grouped` a column
 * whose groups are read whole (mentions and times have no key of their own; a document's are few).
 */
interface TableSpec<T extends keyof Database> {
  name: T
  columns: Record<keyof Database[T], Kind>
  key: readonly (keyof Database[T] & string)[]
  grouped?: boolean
}

// Typed against tables.ts: a column added there and not here does not compile.
const spec = <T extends keyof Database>(s: TableSpec<T>): TableSpec<T> => s

/** Every data table, parents before children; `ingest_jobs` (PostgreSQL's work queue) is no data. */
const TABLES = [
  spec({ name: 'documents', key: ['id'], columns: { id: 'text', file: 'text', path: 'text', format: 'text', title: 'text', publisher: 'text', url: 'text', lang: 'text', lang_source: 'text', date: 'text', date_source: 'text', date_rule: 'text', text: 'text', pipeline_version: 'int', ingested_at: 'text', time_mode: 'text', analysis: 'text' } }),
  spec({ name: 'sources', key: ['source_key'], columns: { source_key: 'text', doc_id: 'text', file: 'text', updated_at: 'text' } }),
  spec({ name: 'sentences', key: ['doc_id', 'idx'], columns: { doc_id: 'text', idx: 'int', start: 'int', end: 'int', rule: 'text' } }),
  spec({ name: 'mentions', key: ['doc_id'], grouped: true, columns: { doc_id: 'text', sentence: 'int', start: 'int', end: 'int', actor: 'text', kind: 'text', person: 'text', rule: 'text', antecedent: 'int' } }),
  spec({ name: 'times', key: ['doc_id'], grouped: true, columns: { doc_id: 'text', sentence: 'int', start: 'int', end: 'int', text: 'text', value: 'text', date: 'text', precision: 'text', end_value: 'text', mod: 'text', rule: 'text' } }),
  spec({ name: 'events', key: ['id'], columns: { id: 'text', doc_id: 'text', sentence: 'int', source: 'text', target: 'text', type: 'text', mode: 'text', polarity: 'text', modality: 'text', date: 'text', start: 'int', end: 'int', source_start: 'int', source_end: 'int', target_start: 'int', target_end: 'int', quantity: 'text', attribution: 'text', rule: 'text', trace: 'text', confidence: 'real', sentence_text: 'text', sentence_start: 'int' } }),
  spec({ name: 'pair_months', key: ['source', 'target', 'month', 'type', 'mode', 'modality', 'hosted'], columns: { source: 'text', target: 'text', month: 'text', type: 'text', mode: 'text', modality: 'text', hosted: 'int', acts: 'int', strength: 'real', stated: 'int', last_day: 'text', best_event: 'text', best_confidence: 'real' } }),
] as TableSpec<keyof Database>[]

const PAGE_ROWS = 2000
const PAGE_GROUPS = 100
const PARAMS_PER_INSERT = 8000

export interface TableReport { table: string; rows: number; checksum: string }

export class TargetNotEmptyError extends Error {
  constructor(readonly target: string, readonly table: string, readonly rows: number) {
    super(`${target} is not empty (${table} holds ${rows} rows): copy into a new, empty database`)
  }
}

export class CopyMismatchError extends Error {
  constructor(readonly table: string, what: string) { super(`the copy of table ${table} does not match its source: ${what}`) }
}

/**
 * A row as text both engines agree on: columns in declared order, integers as numbers (pg returns
 * bigints as strings), reals at single precision (PostgreSQL's `real` is float4, SQLite keeps doubles).
 */
function canonicalRow(columns: Record<string, Kind>, row: Row): string {
  return JSON.stringify(Object.entries(columns).map(([c, kind]) => {
    const v = row[c]
    if (v === null || v === undefined) return null
    return kind === 'text' ? String(v) : kind === 'int' ? Number(v) : Math.fround(Number(v))
  }))
}

const MOD = 1n << 256n

/**
 * A checksum of a multiset of rows: the sum of the rows' sha256 modulo 2^256. It does not depend on
 * the order rows are read in, so SQLite and PostgreSQL need not sort alike.
 */
class TableSum {
  rows = 0
  private sum = 0n
  add(line: string): void {
    this.rows++
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % MOD
  }
  get checksum(): string { return this.sum.toString(16).padStart(64, '0') }
}

const refs = (cols: readonly string[]) => sql.join(cols.map((c) => sql.ref(c)))

function pageQuery(t: TableSpec<keyof Database>, after: unknown[] | null): RawBuilder<Row> {
  const table = sql.table(t.name)
  if (t.grouped) {
    const k = sql.ref(t.key[0]!)
    const past = after ? sql`${k} > ${after[0]}` : sql`1 = 1`
    return sql<Row>`select * from ${table} where ${past} and ${k} <= (select max(g.k) from (select distinct ${k} as k from ${table} where ${past} order by 1 limit ${PAGE_GROUPS}) as g) order by ${k}`
  }
  const past = after ? sql`(${refs(t.key)}) > (${sql.join(after)})` : sql`1 = 1`
  return sql<Row>`select * from ${table} where ${past} order by ${refs(t.key)} limit ${PAGE_ROWS}`
}

/** A table in pages by its key, so that memory holds one page however big the table. */
async function* pages(db: Kysely<Database>, t: TableSpec<keyof Database>): AsyncGenerator<Row[]> {
  let after: unknown[] | null = null
  for (;;) {
    const { rows }: { rows: Row[] } = await pageQuery(t, after).execute(db)
    if (!rows.length) return
    checkColumns(t, rows[0]!)
    yield rows
    if (!t.grouped && rows.length < PAGE_ROWS) return
    const last: Row = rows[rows.length - 1]!
    after = t.key.map((c) => last[c])
  }
}

/** A column the copy does not know would be lost: the schema and this file must agree. */
function checkColumns(t: TableSpec<keyof Database>, row: Row): void {
  const known = Object.keys(t.columns)
  const found = Object.keys(row)
  if (found.length !== known.length || found.some((c) => !(c in t.columns))) {
    throw new CopyMismatchError(t.name, `columns are [${found.join(', ')}], the copy knows [${known.join(', ')}]`)
  }
}

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db)
  return Number(rows[0]!.n)
}

async function insertRows(db: Kysely<Database>, t: TableSpec<keyof Database>, rows: Row[]): Promise<void> {
  const chunk = Math.max(1, Math.floor(PARAMS_PER_INSERT / Object.keys(t.columns).length))
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insertInto(t.name).values(rows.slice(i, i + chunk) as never).execute()
  }
}

async function sumTable(db: Kysely<Database>, t: TableSpec<keyof Database>, onPage?: (rows: Row[]) => Promise<void>): Promise<TableSum> {
  const sum = new TableSum()
  for await (const page of pages(db, t)) {
    for (const row of page) sum.add(canonicalRow(t.columns, row))
    await onPage?.(page)
  }
  return sum
}

/** Row counts and checksums of every data table: what a copy of this database must match. */
export async function tableReports(db: Kysely<Database>): Promise<TableReport[]> {
  return inSnapshot(db, async (snap) => {
    const out: TableReport[] = []
    for (const t of TABLES) {
      const sum = await sumTable(snap, t)
      out.push({ table: t.name, rows: sum.rows, checksum: sum.checksum })
    }
    return out
  })
}

/** One consistent view of the source (SQLite's BEGIN gives it already; the settings are PostgreSQL's). */
function inSnapshot<T>(db: Kysely<Database>, fn: (snap: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn)
}

async function prepareTarget(db: Kysely<Database>, target: string, replace: boolean): Promise<void> {
  for (const t of TABLES) {
    const n = await count(db, t.name)
    if (n && !replace) throw new TargetNotEmptyError(target, t.name, n)
  }
  if (replace) for (const t of [...TABLES].reverse()) await db.deleteFrom(t.name).execute()
}

/**
 * Copies every data table from one migrated database to another, in one transaction on the
 * target, then reads the target back: per table, counts and checksums must equal the source's
 * (else nothing is kept). The target must be empty; `replace` empties it first, in that transaction.
 */
export async function copyDatabase(from: Kysely<Database>, to: Kysely<Database>, o: { target: string; replace?: boolean }): Promise<TableReport[]> {
  return inSnapshot(from, (src) => to.transaction().execute(async (dst) => {
    await prepareTarget(dst, o.target, o.replace ?? false)
    const copied: TableReport[] = []
    for (const t of TABLES) {
      const expected = await count(src, t.name)
      const sum = await sumTable(src, t, (page) => insertRows(dst, t, page))
      if (sum.rows !== expected) throw new CopyMismatchError(t.name, `${sum.rows} rows read of ${expected}`)
      copied.push({ table: t.name, rows: sum.rows, checksum: sum.checksum })
    }
    for (const [i, t] of TABLES.entries()) {
      const want = copied[i]!
      const n = await count(dst, t.name)
      const got = await sumTable(dst, t)
      if (n !== want.rows || got.rows !== want.rows) throw new CopyMismatchError(t.name, `${want.rows} rows in the source, ${n} in the target`)
      if (got.checksum !== want.checksum) throw new CopyMismatchError(t.name, `checksum ${got.checksum.slice(0, 16)}… in the target, ${want.checksum.slice(0, 16)}… in the source`)
    }
    // A server reading the target learns that everything changed.
    await bumpVersion(dst)
    return copied
  }))
}
