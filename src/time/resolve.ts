import type { Precision } from '../pipeline/document.ts'
import type { TimeData } from '../lang/schema.ts'
import { placeholderClass } from './compile.ts'
import { addDays, addMonths, formatDate, isValidDay, isoWeek, parseDate, weekdayFrom, type PartialDate } from './calendar.ts'

export type TimeMode = 'news' | 'narrative'

export interface Resolved {
  value: string
  date: string
  precision: Precision
  endValue?: string
  mod?: string
}

export interface ResolveContext {
  /** The publication date (news mode) or the last date mentioned (narrative mode). */
  anchor: PartialDate | null
  /** The last date the text mentioned, for expressions relative to it ("zwei Tage später"). */
  last: PartialDate | null
  /** The last absolute date the text mentioned, for "im selben Monat". */
  lastMentioned: Resolved | null
  /** The last day the text named, a weekday too, for a part of it ("am Abend"). */
  lastDay?: Resolved | null
  /** The last day the text named, even before a month named since: "am selben Tag" can only mean a day. */
  lastNamedDay?: Resolved | null
  mode: TimeMode
  /**
   * Whether the expression stands in a clause about the future (`futureCues`): a month without its
   * year lies ahead. Asked only where a year must be inferred.
   */
  future?: () => boolean
}

type Fields = Record<string, string | number>

/** What a captured placeholder means, through the pack's lexicons. */
function placeholderValue(name: string, raw: string, data: TimeData): string | number | undefined {
  const key = raw.toLowerCase().replace(/\s+/g, ' ')
  const lex = data.lexicon
  switch (placeholderClass(name)) {
    case 'year': case 'day': case 'monthnum': case 'yy': return Number(raw)
    case 'month': return lex.month[key]
    case 'season': return lex.season[key]
    case 'weekday': return lex.weekday[key]
    case 'part': return lex.part[key]
    case 'unit': return lex.unit[key]
    case 'rel': return key
    case 'num': return /^[0-9]+$/.test(raw) ? Number(raw) : lex.numberWord[key]
    case 'ordinal': return /^[0-9]/.test(raw) ? Number.parseInt(raw, 10) : lex.ordinalWord[key]
    default: return undefined
  }
}

/** Fills a pattern's value template from the captured groups. */
export function fillFields(template: Record<string, string | number>, groups: Record<string, string | undefined>, data: TimeData): Fields {
  const out: Fields = {}
  const num = groups['num']?.toLowerCase().replace(/\s+/g, ' ')
  if (num && data.lexicon.vague.includes(num)) out['vague'] = 'true'
  for (const [field, tpl] of Object.entries(template)) {
    if (typeof tpl === 'number') { out[field] = tpl; continue }
    const whole = /^\{([a-z]+[0-9]?)\}$/.exec(tpl)
    if (whole) {
      const raw = groups[whole[1]!]
      if (raw === undefined) continue
      const v = placeholderValue(whole[1]!, raw, data)
      if (v !== undefined) out[field] = v
      continue
    }
    let missing = false
    const text = tpl.replace(/\{([a-z]+[0-9]?)\}/g, (_, name: string) => {
      const raw = groups[name]
      const v = raw === undefined ? undefined : placeholderValue(name, raw, data)
      if (v === undefined) missing = true
      return String(v)
    })
    if (!missing) out[field] = /^-?[0-9]+$/.test(text) ? Number(text) : text
  }
  return out
}

/** The month each season (TIMEX code) begins in; winter runs from December into the next year. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 }

/** How many days after a news report's date a day named without its year may lie, and still be this year's next one. */
const NEAR_AHEAD_DAYS = 21

function inferYear(month: number, ctx: ResolveContext, nearest = false, day?: number): number | null {
  if (!ctx.anchor) return null
  if (ctx.mode === 'narrative' || ctx.anchor.month === undefined) return ctx.anchor.year
  // A deadline ("bis zum 7. Februar") may lie ahead: the month nearest the anchor, either way.
  if (nearest) {
    const ahead = month - ctx.anchor.month
    return ahead > 6 ? ctx.anchor.year - 1 : ahead < -6 ? ctx.anchor.year + 1 : ctx.anchor.year
  }
  // The month the text just named keeps its year: "Im August 2008 … Am 12. August flog er …".
  const last = ctx.lastMentioned?.date
  const future = ctx.future?.() ?? false
  // Not a month ahead that a clause about the future named, in one that is not.
  const ahead = !!last && (Number(last.slice(0, 4)) > ctx.anchor.year || Number(last.slice(0, 4)) === ctx.anchor.year && Number(last.slice(5, 7)) > ctx.anchor.month)
  if (last && last.length >= 7 && Number(last.slice(5, 7)) === month && (future || !ahead)) return Number(last.slice(0, 4))
  // "vor der Präsidentenwahl am 9. August", written on 31 July: a day a few days ahead is the coming
  // one, not last year's (the report would name that year).
  if (day !== undefined && ctx.anchor.day !== undefined) {
    const year = month < ctx.anchor.month ? ctx.anchor.year + 1 : ctx.anchor.year
    const days = (Date.UTC(year, month - 1, day) - Date.UTC(ctx.anchor.year, ctx.anchor.month - 1, ctx.anchor.day)) / 86_400_000
    if (days > 0 && days <= NEAR_AHEAD_DAYS) return year
  }
  // "wolle am 7. September einen Gipfel ausrichten", written in July: the next September.
  if (future) return month >= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year + 1
  // News speak of the recent past: a month after the publication month is last year's.
  return month > ctx.anchor.month ? ctx.anchor.year - 1 : ctx.anchor.year
}

function shift(anchor: PartialDate, unit: string, n: number): { d: PartialDate; precision: Precision; value: string } | null {
  switch (unit) {
    case 'Y': return { d: { year: anchor.year + n }, precision: 'year', value: String(anchor.year + n) }
    case 'M': {
      if (anchor.month === undefined) return null
      const d = addMonths(anchor, n)
      return { d, precision: 'month', value: formatDate(d) }
    }
    case 'W': {
      if (anchor.day === undefined || anchor.month === undefined) return null
      const d = addDays(anchor, 7 * n)
      return { d: { year: d.year, month: d.month }, precision: 'week', value: isoWeek(d) }
    }
    case 'D': {
      if (anchor.day === undefined || anchor.month === undefined) return null
      const d = addDays(anchor, n)
      return { d, precision: 'day', value: formatDate(d) }
    }
    default: return null
  }
}

/** "im selben Monat": the last mentioned date, cut to the unit named. */
function truncate(r: Resolved, unit: string): Resolved {
  const keep = unit === 'Y' ? 4 : unit === 'M' ? 7 : 10
  const date = r.date.slice(0, keep)
  const precision: Precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'
  return { value: date, date, precision }
}

/** Turns the fields of one expression into a TIMEX-style value, or null when it cannot be anchored. */
export function resolveFields(f: Fields, data: TimeData, ctx: ResolveContext): Resolved | null {
  const mod = typeof f['mod'] === 'string' ? f['mod'] : typeof f['part'] === 'string' ? f['part'] : undefined
  const withMod = (r: Resolved): Resolved => (mod ? { ...r, mod } : r)

  if (typeof f['decade'] === 'number') {
    const decade = String(f['decade']).slice(0, 3)
    return { value: decade, date: String(f['decade']), precision: 'decade' }
  }
  // "am selben Tag": the day named last (a weekday too), not a later year or month the text named
  // ("hatte Ende Januar erklärt … Am selben Tag reisten" is the day before that month).
  const sameDay = f['same'] === 'D' ? ctx.lastDay ?? ctx.lastNamedDay : null
  if (sameDay) return { value: sameDay.date, date: sameDay.date, precision: 'day' }
  if (typeof f['same'] === 'string') return ctx.lastMentioned ? truncate(ctx.lastMentioned, f['same']) : null
  // A part of a day is of the day the text named last; with none named, it dates nothing.
  if (f['partOfDay'] !== undefined) return ctx.lastDay ? { value: ctx.lastDay.date, date: ctx.lastDay.date, precision: 'day' } : null

  let base: PartialDate | null = null
  let precision: Precision = 'year'
  let weekValue: string | undefined
  // "zwei Tage später", "am Tag darauf": counted from the last date mentioned, whatever the mode.
  // Days are counted from the last day named, where no month was named since (tagger.ts): "am Donnerstag …, tags darauf".
  const lastDay = f['anchor'] === 'last' && f['unit'] === 'D' && ctx.lastDay ? parseDate(ctx.lastDay.date) : null
  const anchor = f['anchor'] === 'last' ? lastDay ?? ctx.last ?? ctx.anchor : ctx.anchor

  const rel = typeof f['rel'] === 'string' ? data.lexicon.relative[f['rel']] : undefined
  if (rel || typeof f['offset'] === 'number') {
    if (!anchor) return null
    const unit = rel ? rel.unit : String(f['unit'] ?? '')
    const n = rel ? rel.offset : Number(f['offset'])
    if (unit === 'Q') return null
    // Counted from a mentioned day, weeks and months stay days: "eine Woche später" after "15. Dezember".
    const fromDay = f['anchor'] === 'last' && anchor.day !== undefined && (unit === 'W' || unit === 'M')
    const s = fromDay
      ? (() => { const d = unit === 'W' ? addDays(anchor, 7 * n) : { ...addMonths(anchor, n), day: anchor.day }; return { d, precision: 'day' as Precision, value: formatDate(d) } })()
      : shift(anchor, unit, n)
    if (!s) return null
    base = s.d
    precision = s.precision
    if (s.precision === 'week') weekValue = s.value
  }

  if (typeof f['year'] === 'number') base = { year: f['year'] }
  if (typeof f['yy'] === 'number') {
    // "1912/13": the century of the year before it; "1.9.39": the latest century not after the anchor.
    const century = base ? base.year - (base.year % 100) : anchor ? anchor.year - (anchor.year % 100) - (f['yy'] > anchor.year % 100 ? 100 : 0) : null
    if (century === null) return null
    base = { year: century + f['yy'] }
  }
  if (typeof f['month'] === 'number') {
    const year = base?.year ?? inferYear(f['month'], ctx, f['direction'] === 'nearest', typeof f['day'] === 'number' ? f['day'] : undefined)
    if (year === null) return null
    base = { year, month: f['month'] }
    precision = 'month'
    weekValue = undefined
  }
  if (typeof f['day'] === 'number' && base?.month !== undefined) {
    if (!isValidDay(base.year, base.month, f['day'])) return null
    base = { ...base, day: f['day'] }
    precision = 'day'
  }
  if (typeof f['weekday'] === 'number') {
    if (!ctx.anchor || ctx.anchor.day === undefined || ctx.anchor.month === undefined) return null
    const direction = f['direction'] === 'past' || f['direction'] === 'future' ? f['direction'] : undefined
    base = weekdayFrom(ctx.anchor as Required<PartialDate>, f['weekday'], { direction, week: typeof f['week'] === 'number' ? f['week'] : undefined })
    precision = 'day'
  }
  if (!base && typeof f['season'] === 'string' && f['direction'] === 'past' && ctx.anchor?.month !== undefined) {
    // "seit dem vergangenen Herbst": the latest such season over before the anchor's month.
    const over = (SEASON_START[f['season']] ?? 12) + 3 <= ctx.anchor.month
    base = { year: over ? ctx.anchor.year : ctx.anchor.year - 1 }
  }
  if (!base && (typeof f['season'] === 'string' || typeof f['quarter'] === 'number') && ctx.anchor) base = { year: ctx.anchor.year }
  if (!base) return null
  if (f['vague'] === 'true' && precision === 'day') {
    precision = 'month'
    base = { year: base.year, month: base.month }
  }

  if (typeof f['season'] === 'string') {
    return withMod({ value: `${base.year}-${f['season']}`, date: String(base.year), precision: 'season' })
  }
  if (typeof f['quarter'] === 'number') {
    return withMod({ value: `${base.year}-Q${f['quarter']}`, date: String(base.year), precision: 'quarter' })
  }
  const date = formatDate(precision === 'year' ? { year: base.year } : precision === 'month' || precision === 'week' ? { year: base.year, month: base.month } : base)
  const out: Resolved = { value: weekValue ?? date, date, precision }
  if (typeof f['endYear'] === 'number') out.endValue = String(f['endYear'])
  if (typeof f['endMonth'] === 'number') out.endValue = formatDate({ year: base.year, month: f['endMonth'] })
  if (typeof f['endDay'] === 'number' && base.month !== undefined && isValidDay(base.year, base.month, f['endDay'])) {
    out.endValue = formatDate({ year: base.year, month: base.month, day: f['endDay'] })
  }
  return withMod(out)
}
