import type { Token } from '../pipeline/document.ts'
import type { Grammar } from '../lang/schema.ts'

export interface Clause {
  /** Token range [from, to) into the document's tokens. */
  from: number
  to: number
  /** Opened by a subordinating conjunction or relative pronoun. */
  subordinate: boolean
  /** Opened by "und", "aber" … or a dash: may share the previous clause's subject. */
  coordinated: boolean
  /** Opened by a punctuation mark that always separates clauses. */
  hardBreak: boolean
}

const ALWAYS = new Set([';', ':', '–', '—', '(', ')'])

/**
 * Splits a sentence's tokens into clauses. A comma opens a clause only when a conjunction
 * or relative pronoun follows it, so lists of actors stay together.
 */
export function splitClauses(tokens: Token[], from: number, to: number, g: Grammar): Clause[] {
  const subs = new Set([...g.subordinators, ...g.relativePronouns])
  const coords = new Set(g.clauseCoordinators)
  const clauses: Clause[] = []
  let start = from
  let subordinate = false
  let coordinated = false
  let hardBreak = false
  const close = (end: number) => {
    if (end > start) clauses.push({ from: start, to: end, subordinate, coordinated, hardBreak })
  }
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const dash = t.text === '-' && i > from && tokens[i - 1]!.end < t.start && next && next.start > t.end
    if (ALWAYS.has(t.text) || dash) {
      close(i)
      start = i + 1
      subordinate = !!next && subs.has(next.norm) && i + 1 < to
      coordinated = t.text !== '(' && t.text !== ':'
      hardBreak = true
      continue
    }
    if (t.text === ',' && next && i + 1 < to) {
      const isSub = subs.has(next.norm)
      const isCoord = coords.has(next.norm)
      if (isSub || isCoord) {
        close(i)
        start = i + 1
        subordinate = isSub
        coordinated = isCoord
        hardBreak = false
      }
    }
  }
  close(to)
  return clauses
}
