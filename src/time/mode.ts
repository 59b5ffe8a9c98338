import type { TimeData } from '../lang/schema.ts'
import type { TimeMode } from './resolve.ts'
import { tagTimes, type TaggedTime } from './tagger.ts'
import { perData } from '../lang/per-grammar.ts'

/**
 * How many years before its publication the middle of the years a text names may lie for the
 * text to be news. A report names this year and the last few; a history of the Second World War
 * names years decades back.
 */
const NEWS_REACH_YEARS = 5

/** Fewer named years than this say little about the text: it stays news (a report may name a pipeline agreed in 2014 and a war from 2015). */
const MIN_YEARS = 5

/** A year written out in digits ("1943", "im Jahr 2022"): what the text itself names. */
const WRITTEN_YEAR = /(?<!\d)\d{4}(?!\d)/

/**
 * HeidelTime's two modes, chosen per document: news anchors relative expressions ("am Freitag",
 * "im Juli") to the publication date; narrative to the last date the text named. A text without a
 * publication date is read as narrative, and so is one that names at least MIN_YEARS years whose
 * middle (median) lies more than NEWS_REACH_YEARS before its publication, unless it names a weekday
 * with no date (a rule of `deictic`), which only news does.
 */
export function chooseTimeMode(newsTimes: TaggedTime[], anchor: string | null, deictic: ReadonlySet<string> = new Set()): TimeMode {
  if (!anchor) return 'narrative'
  // "am Freitag", "vergangenen Dienstag": a weekday with no date counts from the day the text appeared; a history never does.
  if (newsTimes.some((t) => deictic.has(t.rule))) return 'news'
  const years = newsTimes.filter((t) => WRITTEN_YEAR.test(t.text) && /^\d{4}/.test(t.date)).map((t) => Number(t.date.slice(0, 4)))
  if (years.length < MIN_YEARS) return 'news'
  const middle = years.sort((a, b) => a - b)[Math.floor(years.length / 2)]!
  return Number(anchor.slice(0, 4)) - middle > NEWS_REACH_YEARS ? 'narrative' : 'news'
}

/** What a caller may ask for: a mode, or the one `chooseTimeMode` picks. */
export const TIME_MODES = ['auto', 'news', 'narrative'] as const
export type TimeModeChoice = (typeof TIME_MODES)[number]

export const isTimeModeChoice = (s: string): s is TimeModeChoice => (TIME_MODES as readonly string[]).includes(s)

/** The time expressions of a text in the mode given, or in the mode `chooseTimeMode` picks for it. */
export function tagTimesIn(text: string, data: TimeData, anchor: string | null, mode: TimeModeChoice = 'auto'): { mode: TimeMode; times: TaggedTime[] } {
  if (mode !== 'auto') return { mode, times: tagTimes(text, data, { anchor, mode }) }
  const news = tagTimes(text, data, { anchor, mode: 'news' })
  const chosen = chooseTimeMode(news, anchor, deicticRules(data))
  return { mode: chosen, times: chosen === 'news' ? news : tagTimes(text, data, { anchor, mode: chosen }) }
}

/** The rules of patterns that name a weekday and no day of the month ("am Freitag"): they count from the publication date. */
const deicticRules = perData((data: TimeData): ReadonlySet<string> => new Set(data.patterns.filter((p) => 'weekday' in p.value && !('day' in p.value)).map((p) => p.rule)))
