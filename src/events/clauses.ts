import type { Token } from '../pipeline/document.ts'
import type { Grammar } from '../lang/schema.ts'

export interface Clause {
  /** Token range [from, to) into the document's tokens. */
  from: number
  to: number
  /** A stretch inside the range that belongs to another clause (an apposition). */
  skip?: [number, number]
  /** Opened by a subordinating conjunction or relative pronoun. */
  subordinate: boolean
  /** Opened by a relative pronoun as its subject: the antecedent is the subject. */
  relative: boolean
  /** Opened by "und", "aber" … or a dash: may share the previous clause's subject. */
  coordinated: boolean
  /** An apposition: describes the actor before it, says nothing of its own. */
  apposition: boolean
}

export function inClause(c: Clause, i: number): boolean {
  return i >= c.from && i < c.to && !(c.skip && i >= c.skip[0] && i < c.skip[1])
}

const ALWAYS = new Set([';', ':', '–', '—', '(', ')'])
const QUOTES = new Set(['„', '“', '"', '»', '«', '‚', '‘', '”'])

type Opening = Omit<Clause, 'from' | 'to' | 'skip'>

/** The stretch from `from` to the next comma or the end closes with "zu" + a word: an infinitive clause. */
function infinitiveFollows(tokens: Token[], from: number, to: number, g: Grammar): boolean {
  let end = from
  while (end < to && tokens[end]!.text !== ',') end++
  const words = tokens.slice(from, end).filter((t) => t.kind === 'word')
  return words.length >= 2 && g.infinitiveMarkers.includes(words[words.length - 2]!.norm)
}

/** True when tokens [from, to) are actor names with at most articles between them. */
function onlyActors(tokens: Token[], from: number, to: number, actorTokens: Set<number>, g: Grammar): boolean {
  if (to <= from) return false
  let actors = 0
  for (let k = from; k < to; k++) {
    if (actorTokens.has(k)) { actors++; continue }
    if (tokens[k]!.kind === 'word' && (g.determiners.includes(tokens[k]!.norm) || g.coordinationFillers.includes(tokens[k]!.norm)) || tokens[k]!.text === ',') continue
    return false
  }
  return actors > 0
}

/**
 * Splits a sentence's tokens into clauses. A comma opens a clause only when a conjunction,
 * relative pronoun or subject pronoun follows, so lists of actors stay together; "und" opens
 * one when a finite auxiliary follows it; an apposition between commas is set apart.
 */
export function splitClauses(tokens: Token[], from: number, to: number, g: Grammar, actorTokens: Set<number> = new Set()): Clause[] {
  const subs = new Set(g.subordinators)
  const rels = new Set(g.relativePronouns)
  const preps = new Set([...g.prepositions, ...Object.keys(g.contractions)])
  const coords = new Set(g.clauseCoordinators)
  const pronouns = new Set(g.subjectPronouns)
  const auxiliaries = new Set(g.finiteAuxiliaries)
  const appositive = new Set(g.appositionOpeners)
  const speech = new Set(g.speechVerbs)
  const clauses: Clause[] = []
  let start = from
  let open: Opening = { subordinate: false, relative: false, coordinated: false, apposition: false }
  let skip: [number, number] | undefined
  const close = (end: number) => { if (end > start) clauses.push({ from: start, to: end, ...open, ...(skip ? { skip } : {}) }) }
  const begin = (at: number, o: Opening) => { close(at); start = at + 1; open = o; skip = undefined }

  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    let k = i + 1
    while (k < to && QUOTES.has(tokens[k]!.text)) k++
    const next = k < to ? tokens[k] : undefined
    const dash = t.text === '-' && i > from && tokens[i - 1]!.end < t.start && next && next.start > t.end
    if (ALWAYS.has(t.text) || dash) {
      begin(i, { subordinate: !!next && subs.has(next.norm), relative: false, coordinated: t.text !== '(' && t.text !== ':', apposition: false })
      continue
    }
    if (t.text === ',' && next) {
      const after = tokens[k + 1]
      if (rels.has(next.norm)) {
        begin(i, { subordinate: true, relative: true, coordinated: false, apposition: false })
      } else if (preps.has(next.norm) && after && rels.has(after.norm)) {
        begin(i, { subordinate: true, relative: false, coordinated: false, apposition: false })
      } else if (subs.has(next.norm)) {
        begin(i, { subordinate: true, relative: false, coordinated: false, apposition: false })
      } else if (coords.has(next.norm) && onlyActors(tokens, start, i, actorTokens, g)) {
        // "Kasachstan, aber auch Usbekistan …": the head of a list of subjects, not a clause.
      } else if (coords.has(next.norm) || pronouns.has(next.norm) || i > from && speech.has(tokens[i - 1]!.norm)) {
        begin(i, { subordinate: false, relative: false, coordinated: coords.has(next.norm), apposition: false })
      } else if (infinitiveFollows(tokens, k, to, g)) {
        // ", Truppen in das Land zu entsenden": an infinitive clause.
        begin(i, { subordinate: true, relative: false, coordinated: false, apposition: false })
      } else if (appositive.has(next.norm)) {
        // ", ein enger Verbündeter Aserbaidschans," : an apposition up to the next comma.
        let end = k
        while (end < to && tokens[end]!.text !== ',') end++
        if (end < to && !skip) {
          clauses.push({ from: i + 1, to: end, subordinate: false, relative: false, coordinated: false, apposition: true })
          // The clause that was open goes on after the apposition, without it.
          skip = [i, end + 1]
          i = end
        }
      }
    } else if (coords.has(t.norm) && next && auxiliaries.has(next.norm) && i > start) {
      begin(i, { subordinate: false, relative: false, coordinated: true, apposition: false })
    }
  }
  close(to)
  return clauses
}
