import pc from 'picocolors'
import { stringify } from 'csv-stringify/sync'

/** Colours only on a terminal, never with NO_COLOR; FORCE_COLOR turns them on anywhere. */
export const colorEnabled = !('NO_COLOR' in process.env) && ('FORCE_COLOR' in process.env || !!process.stdout.isTTY)
export const color = pc.createColors(colorEnabled)

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function printJsonLines(rows: unknown[]): void {
  for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`)
}

export function printCsv(rows: Record<string, unknown>[]): void {
  if (!rows.length) return
  process.stdout.write(stringify(rows, { header: true, columns: Object.keys(rows[0]!) }))
}

/** A plain aligned table; long cells are cut to `max` characters. */
export function printTable(rows: Record<string, unknown>[], max = 60): void {
  if (!rows.length) { process.stdout.write('(none)\n'); return }
  const cols = Object.keys(rows[0]!)
  const cell = (v: unknown) => { const s = v === null || v === undefined ? '' : String(v); return s.length > max ? `${s.slice(0, max - 1)}…` : s }
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()
  process.stdout.write(`${color.bold(line(cols))}\n`)
  for (const r of rows) process.stdout.write(`${line(cols.map((c) => cell(r[c])))}\n`)
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message) }
}
