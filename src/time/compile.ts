import type { TimeData } from '../lang/schema.ts'

export interface CompiledPattern {
  rule: string
  regex: RegExp
  value: Record<string, string | number>
  also?: { group: string; value: Record<string, string | number> }
  anchorable: boolean
  countable: boolean
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function alternation(keys: string[]): string {
  return [...keys].sort((a, b) => b.length - a.length).map((k) => escape(k).replace(/ /g, '\\s+')).join('|')
}

const NUMERIC: Record<string, string> = {
  year: '1[0-9]{3}|20[0-9]{2}',
  yy: '[0-9]{2}',
  day: '0?[1-9]|[12][0-9]|3[01]',
  monthnum: '0?[1-9]|1[0-2]',
}

/** Which lexicon a placeholder draws from; a trailing digit marks a second use ({month2}). */
export function placeholderClass(name: string): string {
  return name.replace(/\d+$/, '')
}

function placeholderRegex(cls: string, data: TimeData): string {
  const lex = data.lexicon
  if (cls in NUMERIC) return NUMERIC[cls]!
  switch (cls) {
    case 'month': return alternation(Object.keys(lex.month))
    case 'season': return alternation(Object.keys(lex.season))
    case 'weekday': return alternation(Object.keys(lex.weekday))
    case 'part': return alternation(Object.keys(lex.part))
    case 'unit': return alternation(Object.keys(lex.unit))
    case 'rel': return alternation(Object.keys(lex.relative))
    case 'num': return `[0-9]+|${alternation(Object.keys(lex.numberWord))}`
    case 'ordinal': return `[1-4]\\.|${alternation(Object.keys(lex.ordinalWord))}`
    default: throw new Error(`unknown placeholder {${cls}}`)
  }
}

/** Turns the pack's time patterns into regular expressions with named groups. */
export function compileTimePatterns(data: TimeData): CompiledPattern[] {
  return data.patterns.map((p) => {
    const body = p.match.replace(/\{([a-z]+[0-9]?)\}/g, (_, name: string) => `(?<${name}>${placeholderRegex(placeholderClass(name), data)})`)
    const endsNumeric = /\{(year|day|monthnum|num|yy)[0-9]?\}$/.test(p.match)
    const tail = endsNumeric ? '(?![0-9])' : '(?![\\p{L}\\p{N}])'
    try {
      return {
        rule: p.rule, regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})${tail}`, 'giud'), value: p.value, anchorable: p.anchorable, countable: p.countable,
        ...(p.also ? { also: p.also } : {}),
      }
    } catch (err) {
      throw new Error(`time pattern ${p.rule}: ${(err as Error).message}`)
    }
  })
}
