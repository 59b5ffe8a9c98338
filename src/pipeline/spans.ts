import type { Mention, Token } from './document.ts'

/** The token indices that mentions cover. */
export function mentionTokenSet(mentions: Mention[]): Set<number> {
  const covered = new Set<number>()
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) covered.add(k)
  return covered
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
