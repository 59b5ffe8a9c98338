/** Day arithmetic for the relation model: dates as YYYY-MM-DD strings, ages in days. */

const DAY = 86_400_000

/**
 * The day an act is placed on: a full date as given; a month at its 15th; a year on 1 July.
 * ("2024" is as likely early as late in the year; its middle errs least.)
 */
export function placeDate(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date)
  if (!m) return null
  const [, y, mo, d] = m
  if (d) return `${y}-${mo}-${d}`
  if (mo) return `${y}-${mo}-15`
  return `${y}-07-01`
}

/**
 * Calendar arithmetic over day and month strings, memoised: the model asks about the same few
 * thousand days and months again and again (every pair's monthly series), and date parsing is
 * what such loops spend their time on.
 */
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    let v = cache.get(key)
    if (v === undefined) {
      v = fn(key)
      if (cache.size > 100_000) cache.clear()
      cache.set(key, v)
    }
    return v
  }
}

export const toTime = memo((day: string) => Date.parse(`${day}T00:00:00Z`))

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY)
}

/** The last day of a month "YYYY-MM". */
export const monthEnd = memo((month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
})

const shifted = memo((key: string): string => {
  const [y, m, n] = key.split('|').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7)
})

export function addMonths(month: string, n: number): string {
  return shifted(`${month.slice(0, 4)}|${month.slice(5, 7)}|${n}`)
}

/** A month's place in a count of months (months apart = difference of places). */
export const monthIndex = memo((month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1)

const ranges = memo((key: string): readonly string[] => Object.freeze(monthsBetween(key.slice(0, 7), key.slice(8, 15))))

/** As `monthsBetween`, one shared frozen array per range: for loops that ask about the same window for every pair. */
export function monthRange(from: string, to: string): readonly string[] {
  return ranges(`${from.slice(0, 7)}|${to.slice(0, 7)}`)
}

/** Months from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(m, 1)) out.push(m)
  return out
}

/** A duration like "24m", "2y", "90d" in months (days count as 1/30.44 of a month). */
export function parseSpan(span: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([dmy])$/i.exec(span.trim())
  if (!m) throw new Error(`"${span}" is not a duration: use e.g. 90d, 24m or 2y`)
  const n = Number(m[1])
  const unit = m[2]!.toLowerCase()
  return unit === 'y' ? n * 12 : unit === 'd' ? n / 30.44 : n
}

/** A date option ("2025", "2025-07", "2025-07-31") as the last day it names. */
export function endOfDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  if (/^\d{4}-\d{2}$/.test(date)) return monthEnd(date)
  if (/^\d{4}$/.test(date)) return `${date}-12-31`
  throw new Error(`"${date}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`)
}

/** A date option as the first day it names. */
export function startOfDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`
  if (/^\d{4}$/.test(date)) return `${date}-01-01`
  throw new Error(`"${date}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`)
}
