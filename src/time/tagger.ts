import type { TimeData } from '../lang/schema.ts'
import type { TimeExpression } from '../pipeline/document.ts'
import { compileTimeGate, compileTimePatterns, type CompiledPattern } from './compile.ts'
import { fillFields, resolveFields, type Resolved, type TimeMode } from './resolve.ts'
import { parseDate, type PartialDate } from './calendar.ts'

export type TaggedTime = Omit<TimeExpression, 'sentence'>

export interface Hit { start: number; end: number; pattern: CompiledPattern; groups: Record<string, string | undefined>; indices: Record<string, [number, number] | undefined> }

const compiled = new WeakMap<TimeData, CompiledPattern[]>()
const gates = new WeakMap<CompiledPattern[], RegExp | null>()
const countNouns = new WeakMap<TimeData, RegExp | null>()

function countNounAfter(data: TimeData): RegExp | null {
  let r = countNouns.get(data)
  if (r === undefined) { r = data.countNoun ? new RegExp(`^\\s+(?:${data.countNoun})`, 'u') : null; countNouns.set(data, r) }
  return r
}

/**
 * A bare number before a noun ("1000 Raketen") counts things unless it is a plausible year:
 * not a round hundred, and not further from the publication date than the pack allows.
 */
function countsThings(text: string, hit: Hit, data: TimeData, anchor: PartialDate | null): boolean {
  if (!hit.pattern.countable) return false
  const noun = countNounAfter(data)
  if (!noun || !noun.test(text.slice(hit.end, hit.end + 40))) return false
  const n = Number(text.slice(hit.start, hit.end))
  if (!Number.isInteger(n)) return false
  return n % 100 === 0 || (anchor !== null && Math.abs(anchor.year - n) > data.countYears)
}

function patternsFor(data: TimeData): CompiledPattern[] {
  let p = compiled.get(data)
  if (!p) { p = compileTimePatterns(data); compiled.set(data, p) }
  return p
}

/**
 * The last text each pack's patterns were run over, and their hits: reading a document tags its
 * text more than once (to estimate a missing publication date, then anchored to it, and again in
 * narrative mode), and the matches do not depend on the anchor or the mode.
 */
const lastHits = new WeakMap<CompiledPattern[], { text: string; hits: Hit[] }>()

/** All pattern matches by position, longest first, earlier patterns winning ties. */
function findHits(text: string, patterns: CompiledPattern[]): Hit[] {
  const last = lastHits.get(patterns)
  if (last && last.text === text) return last.hits
  const hits = matchAll(text, patterns)
  lastHits.set(patterns, { text, hits })
  return hits
}

function gateFor(patterns: CompiledPattern[]): RegExp | null {
  let g = gates.get(patterns)
  if (g === undefined) { g = compileTimeGate(patterns); gates.set(patterns, g) }
  return g
}

/**
 * Each pattern's matches as a scan of the whole text would find them (left to right, each after
 * the last), tried only where the gate says some pattern could start.
 */
export function matchAll(text: string, patterns: CompiledPattern[]): Hit[] {
  const hits: Hit[] = []
  const gate = gateFor(patterns)
  const free = new Array<number>(patterns.length).fill(0)
  if (gate) for (const g of text.matchAll(gate)) {
    const at = g.index
    for (let k = 0; k < patterns.length; k++) {
      if (at < free[k]!) continue
      const pattern = patterns[k]!
      pattern.sticky.lastIndex = at
      const m = pattern.sticky.exec(text)
      if (!m || m[0].length === 0) continue
      free[k] = at + m[0].length
      hits.push({ start: at, end: at + m[0].length, pattern, groups: m.groups ?? {}, indices: m.indices?.groups ?? {} })
    }
  }
  const order = new Map(patterns.map((p, i) => [p, i]))
  return hits.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || order.get(a.pattern)! - order.get(b.pattern)!)
}

const tenseCues = new WeakMap<TimeData, { future: RegExp; past: RegExp | null } | null>()
const wholeWords = (list: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu')
/** The pack's future and past cues as regular expressions of whole words, compiled once. */
function tenseCuesOf(data: TimeData): { future: RegExp; past: RegExp | null } | null {
  if (!tenseCues.has(data)) tenseCues.set(data, data.futureCues.length ? { future: wholeWords(data.futureCues), past: data.pastCues.length ? wholeWords(data.pastCues) : null } : null)
  return tenseCues.get(data)!
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The stretch of text around `at` between clause punctuation (comma, semicolon, colon, sentence end). */
function clauseAround(text: string, at: number): string {
  const stops = /[,;:.!?\n]/
  let from = at
  while (from > 0 && !stops.test(text[from - 1]!)) from--
  let to = at
  // An ordinal's dot ("7. September") does not end the clause.
  while (to < text.length && !(stops.test(text[to]!) && !(text[to] === '.' && /\d/.test(text[to - 1] ?? '')))) to++
  return text.slice(from, to)
}

/** Inside an unclosed "(" on the same line. */
function inParentheses(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  let depth = 0
  for (let i = lineStart; i < at; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')') depth = Math.max(0, depth - 1)
  }
  return depth > 0
}

export interface TagOptions {
  /** Publication date as YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  anchor: string | null
  mode?: TimeMode
}

/** How many sentences end between two offsets: a full stop, question or exclamation mark (not an ordinal's dot) before a capital. */
function sentenceBreaks(text: string, from: number, to: number): number {
  return text.slice(from, to + 1).match(/(?<!\d)[.!?]["“”»«]?\s+(?=\p{Lu})/gu)?.length ?? 0
}

/** Finds and normalises the time expressions of a text. */
export function tagTimes(text: string, data: TimeData, options: TagOptions): TaggedTime[] {
  const mode = options.mode ?? 'news'
  const docAnchor: PartialDate | null = options.anchor ? parseDate(options.anchor) : null
  let lastMentioned: Resolved | null = null
  let lastDay: Resolved | null = null
  let lastNamedDay: Resolved | null = null
  /** Where the month that left the last day behind was named. */
  let monthAt = -1
  const out: TaggedTime[] = []
  let reach = -1
  const cues = tenseCuesOf(data)
  const resolve = (fields: Record<string, string | number>, at = -1) => {
    const last = lastMentioned && lastMentioned.precision !== 'decade' ? parseDate(lastMentioned.date) : null
    const anchor = mode === 'narrative' ? last ?? docAnchor : docAnchor
    const future = () => {
      if (at < 0 || !cues) return false
      const clause = clauseAround(text, at)
      return cues.future.test(clause) && !cues.past?.test(clause)
    }
    // "am selben Tag" after a month named in the sentence before is a day of that month ("Ende Oktober
    // hatten Bomber aufgesetzt. Am selben Tag …"); after one named further back, the day named last.
    // Only that expression, with no day since the month, asks: the count of sentences reads the text between.
    const namedDay = fields['same'] === 'D' && !lastDay && at >= 0 && monthAt >= 0 && sentenceBreaks(text, monthAt, at) >= 2 ? lastNamedDay : null
    return resolveFields(fields, data, { anchor, last, lastMentioned, lastDay, lastNamedDay: namedDay, mode, future })
  }
  // The longest match that resolves wins; a match that cannot ("31. Februar 2024") gives way to a shorter one.
  for (const hit of findHits(text, patternsFor(data))) {
    if (hit.start < reach) continue
    if (countsThings(text, hit, data, docAnchor)) continue
    const fields = fillFields(hit.pattern.value, hit.groups, data)
    const resolved = resolve(fields, hit.start)
    if (!resolved) continue
    reach = hit.end
    // Only what names a year or a month moves the narrative anchor ("im März 1943", "des neuen Jahres"),
    // not a day counted from it or the end of a range.
    // Bounds ("bis 1915", "seit 1917") and asides in parentheses ("(1870/71)") do not move it either.
    const namesCalendar = fields['year'] !== undefined || fields['month'] !== undefined || fields['yy'] !== undefined
    const movesYear = typeof fields['rel'] === 'string' && data.lexicon.relative[fields['rel']]?.unit === 'Y' && fields['month'] === undefined
    const bound = resolved.mod !== undefined && !['early', 'mid', 'late'].includes(resolved.mod)
    if ((namesCalendar || movesYear) && resolved.precision !== 'decade' && !bound && !inParentheses(text, hit.start)) lastMentioned = resolved
    if (resolved.precision === 'day' && !bound && !inParentheses(text, hit.start)) lastDay = lastNamedDay = resolved
    // A month named after it ("Anfang Mai") leaves the last day behind; a bare year does not.
    else if (resolved.precision === 'month' && !bound && !inParentheses(text, hit.start)) { lastDay = null; monthAt = hit.start }
    const also = hit.pattern.also
    const span = also ? hit.indices[also.group] : undefined
    const second = also && span ? resolve(fillFields(also.value, hit.groups, data)) : null
    // With a second expression ("zwischen 1891 und 1905"), the first ends with its own last placeholder.
    const ownEnd = second && span
      ? Math.max(...Object.values(hit.indices).filter((r): r is [number, number] => !!r && r[1] <= span[0]).map((r) => r[1]), hit.start + 1)
      : hit.end
    // An ordinal keeps its dot: "am 20. und 21. Mai".
    const end = second && text[ownEnd] === '.' && /\d/.test(text[ownEnd - 1] ?? '') ? ownEnd + 1 : ownEnd
    out.push({ start: hit.start, end, text: text.slice(hit.start, end), ...resolved, anchorable: hit.pattern.anchorable, rule: hit.pattern.rule })
    // The second runs from its own group to the end of the match: "21. Mai 2025".
    if (second && span) out.push({ start: span[0], end: hit.end, text: text.slice(span[0], hit.end), ...second, anchorable: hit.pattern.anchorable, rule: `${hit.pattern.rule}.end` })
  }
  return out
}
