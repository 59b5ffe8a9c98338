import type { DocDate, TimeExpression } from '../pipeline/document.ts'
import { parseDate } from './calendar.ts'

/**
 * How far before its publication, in months, the middle of a text's dates may lie for the text to
 * report the present: a report on this week's visit names this week and last month; an overview
 * of a country's alliances names the years they were made.
 */
const PRESENT_REACH_MONTHS = 3

/** How far before its publication the middle of a report's dates may lie when its first dates are recent. */
const LOOK_BACK_MONTHS = 12

/** Fewer dates than this say too little about what a text is about. */
const MIN_DATES = 3

/** Months since year 0 of a calendar date; a year alone counts as its middle. */
function monthIndex(date: string): number {
  const d = parseDate(date)
  return d ? d.year * 12 + (d.month ?? 7) - 1 : Number.NaN
}

/**
 * The period a report of current events is about: its publication month, when the text has a
 * publication date of its own (stated or from metadata, not estimated), is read in news mode,
 * and the middle (median) of the dates it names lies at most PRESENT_REACH_MONTHS before it (or
 * LOOK_BACK_MONTHS, when most of its first MIN_DATES dates lie within PRESENT_REACH_MONTHS).
 * An act such a report tells without a date of its own happened then; an overview that ranges
 * over years, or a history, gives its undated acts no date. Null when the text is not such a report.
 */
export function presentPeriod(times: readonly TimeExpression[], pub: DocDate | null | undefined, mode: 'news' | 'narrative' | undefined): string | null {
  if (!pub || pub.source === 'estimated' || mode === 'narrative') return null
  const at = monthIndex(pub.value)
  const dated = times.filter((t) => t.anchorable && t.precision !== 'decade')
  const gaps = dated.map((t) => at - monthIndex(t.date)).filter(Number.isFinite).sort((a, b) => a - b)
  if (gaps.length < MIN_DATES) return null
  const median = gaps[Math.floor(gaps.length / 2)]!
  if (median <= PRESENT_REACH_MONTHS) return pub.value.slice(0, 7)
  // A report that opens on the present and looks back (a resolution of this week, the massacre of
  // 1995 and a veto of 2015): most of its first dates lie within reach, and its middle within a year.
  const lead = dated.slice(0, MIN_DATES).map((t) => at - monthIndex(t.date)).filter(Number.isFinite)
  const recent = lead.filter((g) => g >= 0 && g <= PRESENT_REACH_MONTHS).length
  return recent * 2 > lead.length && median <= LOOK_BACK_MONTHS ? pub.value.slice(0, 7) : null
}
