/** Small calendar arithmetic on partial dates, for resolving relative time expressions. */

export interface PartialDate {
  year: number
  month?: number
  day?: number
}

const pad = (n: number) => String(n).padStart(2, '0')

export function formatDate(d: PartialDate): string {
  if (d.month === undefined) return String(d.year)
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`
}

export function parseDate(value: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return null
  const d: PartialDate = { year: Number(m[1]) }
  if (m[2]) d.month = Number(m[2])
  if (m[3]) d.day = Number(m[3])
  return d
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toUtc(d: PartialDate): Date {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1))
}

function fromUtc(t: Date): Required<PartialDate> {
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

export function addDays(d: PartialDate, days: number): Required<PartialDate> {
  const t = toUtc(d)
  t.setUTCDate(t.getUTCDate() + days)
  return fromUtc(t)
}

export function addMonths(d: PartialDate, months: number): PartialDate {
  const index = d.year * 12 + ((d.month ?? 1) - 1) + months
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** ISO 8601 week of a day, as "2025-W25". */
export function isoWeek(d: Required<PartialDate>): string {
  const t = toUtc(d)
  const weekday = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${pad(week)}`
}

/**
 * A day named by its weekday from `d`: by default the latest on or before `d`; `past`, the latest
 * before it ("am vergangenen Mittwoch" written on a Wednesday is a week ago); `future`, the first
 * after it; `week`, the one in the calendar week that many weeks from d's ("Dienstag vergangener
 * Woche": -1).
 */
export function weekdayFrom(d: Required<PartialDate>, weekday: number, o: { direction?: 'past' | 'future'; week?: number } = {}): Required<PartialDate> {
  const current = toUtc(d).getUTCDay() || 7
  if (o.week !== undefined) return addDays(d, 7 * o.week + weekday - current)
  if (o.direction === 'future') return addDays(d, (weekday - current + 7) % 7 || 7)
  if (o.direction === 'past') return addDays(d, -((current - weekday + 7) % 7 || 7))
  return previousWeekday(d, weekday)
}

/** The latest day on or before `d` that falls on ISO weekday `weekday` (1 = Monday). */
export function previousWeekday(d: Required<PartialDate>, weekday: number): Required<PartialDate> {
  const current = toUtc(d).getUTCDay() || 7
  return addDays(d, -((current - weekday + 7) % 7))
}
