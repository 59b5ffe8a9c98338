import { InvalidArgumentError } from 'commander'
import { isValidDay } from '../time/calendar.ts'

/** YYYY, YYYY-MM or YYYY-MM-DD, checked to be a real date. */
export function validPartialDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) throw new InvalidArgumentError(`"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`)
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) throw new InvalidArgumentError(`"${value}": no month ${m[2]}`)
  if (m[3] && !isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) throw new InvalidArgumentError(`"${value}" is not a day of the calendar`)
  return value
}

export function validDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`"${value}": use YYYY-MM-DD`)
  return validPartialDate(value)
}

export function actorCode(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) throw new InvalidArgumentError(`"${value}" is not an actor code (RUS, PRK, NATO …)`)
  return value.toUpperCase()
}

/** A whole number, 0 or more. */
export function count(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`"${value}" is not a whole number (0 or more)`)
  return n
}

/** The --db option every command that reads or writes the store takes. */
export const DB_OPTION = ['--db <location>', 'database: a SQLite file or a postgres:// URL (default: $ENTENTE_DB, else ./entente.db)'] as const
