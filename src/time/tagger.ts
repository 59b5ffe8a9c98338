import type { TimeData } from '../lang/schema.ts'
import type { TimeExpression } from '../pipeline/document.ts'
import { compileTimePatterns, type CompiledPattern } from './compile.ts'
import { fillFields, resolveFields, type Resolved, type TimeMode } from './resolve.ts'
import { parseDate, type PartialDate } from './calendar.ts'

export type TaggedTime = Omit<TimeExpression, 'sentence'>

interface Hit { start: number; end: number; pattern: CompiledPattern; groups: Record<string, string | undefined> }

const compiled = new WeakMap<TimeData, CompiledPattern[]>()

function patternsFor(data: TimeData): CompiledPattern[] {
  let p = compiled.get(data)
  if (!p) { p = compileTimePatterns(data); compiled.set(data, p) }
  return p
}

/** All pattern matches by position, longest first, earlier patterns winning ties. */
function findHits(text: string, patterns: CompiledPattern[]): Hit[] {
  const hits: Hit[] = []
  patterns.forEach((pattern) => {
    for (const m of text.matchAll(pattern.regex)) {
      if (m[0].length === 0) continue
      hits.push({ start: m.index, end: m.index + m[0].length, pattern, groups: m.groups ?? {} })
    }
  })
  const order = new Map(patterns.map((p, i) => [p, i]))
  return hits.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || order.get(a.pattern)! - order.get(b.pattern)!)
}

export interface TagOptions {
  /** Publication date as YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  anchor: string | null
  mode?: TimeMode
}

/** Finds and normalises the time expressions of a text. */
export function tagTimes(text: string, data: TimeData, options: TagOptions): TaggedTime[] {
  const mode = options.mode ?? 'news'
  const docAnchor: PartialDate | null = options.anchor ? parseDate(options.anchor) : null
  let lastMentioned: Resolved | null = null
  const out: TaggedTime[] = []
  let reach = -1
  // The longest match that resolves wins; a match that cannot ("31. Februar 2024") gives way to a shorter one.
  for (const hit of findHits(text, patternsFor(data))) {
    if (hit.start < reach) continue
    const fields = fillFields(hit.pattern.value, hit.groups, data)
    const narrativeAnchor = lastMentioned ? parseDate(lastMentioned.date) : null
    const anchor = mode === 'narrative' ? narrativeAnchor ?? docAnchor : docAnchor
    const resolved = resolveFields(fields, data, { anchor, lastMentioned, mode })
    if (!resolved) continue
    reach = hit.end
    const calendar = fields['year'] !== undefined || fields['month'] !== undefined
    if (calendar) lastMentioned = resolved
    out.push({
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      ...resolved,
      anchorable: hit.pattern.anchorable,
      rule: hit.pattern.rule,
    })
  }
  return out
}
