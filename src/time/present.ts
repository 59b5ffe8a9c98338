import type { DocDate, TimeExpression } from '../pipeline/document.ts'
import { parseDate } from './calendar.ts'

/**
 * How far before its publication, in months, the middle of a text's dates may lie for the text to
 * report the present: a report on this week's visit names this week and last month; an overview
 * of a country's alliances names the years they were made.
 */
const PRESENT_REACH_MONTHS = 3

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
 * and the middle (median) of the dates it names lies at most PRESENT_REACH_MONTHS before it.
 * An act such a report tells without a date of its own happened then; an overview that ranges
 * over years, or a history, gives its undated acts no date. Null when the text is not such a report.
 */
export function presentPeriod(times: readonly TimeExpression[], pub: DocDate | null | undefined, mode: 'news' | 'narrative' | undefined): string | null {
  if (!pub || pub.source === 'estimated' || mode === 'narrative') return null
  const at = monthIndex(pub.value)
  const gaps = times.filter((t) => t.anchorable && t.precision !== 'decade').map((t) => at - monthIndex(t.date)).filter(Number.isFinite).sort((a, b) => a - b)
  if (gaps.length < MIN_DATES) return null
  return gaps[Math.floor(gaps.length / 2)]! <= PRESENT_REACH_MONTHS ? pub.value.slice(0, 7) : null
}
