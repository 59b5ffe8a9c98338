import type { Mention, TimeExpression, Token } from './document.ts'

/** A mention of a person or an office holder ("Putin", "der türkische Präsident"), not of an institution ("russische Truppen"). */
export const namesPerson = (m: Mention): boolean => m.kind === 'person' || m.kind === 'role' && m.rule.includes('.title.')

/** The index of the first token that starts at or after `offset` (tokens are in text order); `tokens.length` if none. */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0
  for (let hi = tokens.length; lo < hi;) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of the token that starts at `offset`, or -1. */
export function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  const k = firstTokenFrom(tokens, offset)
  return tokens[k]?.start === offset ? k : -1
}

/** The token indices that mentions cover. */
export function mentionTokenSet(mentions: Mention[]): Set<number> {
  const covered = new Set<number>()
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) covered.add(k)
  return covered
}

/** The token indices that lie inside a time expression ("in May 2022"). */
export function timeTokenSet(tokens: Token[], times: TimeExpression[]): Set<number> {
  const inside = new Set<number>()
  const sorted = [...times].sort((a, b) => a.start - b.start)
  let ti = 0
  tokens.forEach((t, k) => {
    while (ti < sorted.length && sorted[ti]!.end <= t.start) ti++
    const tm = sorted[ti]
    if (tm && t.start >= tm.start && t.end <= tm.end) inside.add(k)
  })
  return inside
}

/** Each sentence's token range [from, to), by sentence index. */
export function sentenceTokenRanges(tokens: Token[]): Map<number, [number, number]> {
  const ranges = new Map<number, [number, number]>()
  tokens.forEach((t, i) => {
    const r = ranges.get(t.sentence)
    if (r) r[1] = i + 1
    else ranges.set(t.sentence, [i, i + 1])
  })
  return ranges
}
