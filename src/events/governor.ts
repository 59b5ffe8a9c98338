import type { Token } from '../pipeline/document.ts'
import type { Grammar } from '../lang/schema.ts'
import { findPhrases, isWordCue, type ModalityCues } from './modality.ts'
import { hasInfinitive, type Clause } from './clauses.ts'
import { isGluedHyphen } from '../text/tokenize.ts'

/** How many words may stand between a governing verb and the event noun it takes as object. */
const OBJECT_WORDS = 6

export interface Governor { kind: 'threat' | 'hostile-threat' | 'appeal' | 'decline'; cue: string; at: number }

/**
 * Whether a conjunction other than a complementizer opens the clause ("after …", "when …"): such a
 * clause has a subject of its own. Where no comma marks the clause, the conjunction stands right
 * before it; after a comma, it is the clause's first word.
 */
export function opensWithConjunction(tokens: Token[], clause: Clause, g: Grammar, cues: ModalityCues): boolean {
  const words = tokens.slice(clause.from, clause.to)
  const first = words.find((t) => t.kind === 'word')
  // "bestreitet, seit Kriegsbeginn Drohnen geliefert zu haben": in an infinitive clause a word that
  // is also a preposition is one; no conjunction opens an infinitive.
  const preposition = (t: Token) => t === first && g.prepositions.includes(t.norm) && !g.purposeMarkers.includes(t.norm) && hasInfinitive(words, g)
  return [tokens[clause.from - 1], first]
    .some((t) => t?.kind === 'word' && g.subordinators.includes(t.norm) && !isWordCue(cues.complementizers, t.norm) && !preposition(t))
}

/**
 * The verb that frames an act instead of reporting it: a threat ("Iran threatened to cut off gas
 * to Turkey" threatens the cut-off) or an appeal ("the EU urged Russia to withdraw", "China
 * demanded that the US cancel the sale": what is asked for has not happened) or a refusal
 * ("weigerte sich, Russland zu helfen": the help is refused, not given). The verb governs the
 * trigger when it stands before it in its clause and the trigger is its infinitive ("to withdraw")
 * or a noun it takes as object ("demanded the withdrawal"), or when it ends the clause that an
 * infinitive or complement clause holding the trigger depends on.
 */
export function governorOf(tokens: Token[], clauses: Clause[], ci: number, trigger: number, isNoun: boolean, cues: ModalityCues, g: Grammar): Governor | null {
  const clause = clauses[ci]!
  const kinds = [['threat', cues.threat], ['hostile-threat', cues.hostileThreat], ['appeal', cues.appeal], ['decline', cues.decline]] as const
  const text = (h: { at: number; len: number }) => tokens.slice(h.at, h.at + h.len).map((t) => t.text).join(' ')
  // "to withdraw", and the passive "to be deployed".
  const marker = (k: number) => k >= 0 && g.infinitiveMarkers.includes(tokens[k]!.norm)
  const infinitive = !isNoun && trigger > 0 && (marker(trigger - 1) || g.passiveAuxiliaries.includes(tokens[trigger - 1]!.norm) && marker(trigger - 2))
  // "drohte, die Beziehungen abzubrechen", "demanded that the United States cancel …": the clause
  // before governs an infinitive or complement clause.
  // The clause before, past a parenthesis or an apposition ("The International Labour Office (ILO) demanded that …").
  const prev = clauses.slice(0, ci).filter((c) => !c.apposition).at(-1)
  const words = tokens.slice(clause.from, clause.to).filter((t) => t.kind === 'word')
  // A clause that a conjunction opens ("after the EU agreed to open talks") is not the infinitive of the verb before.
  const governedClause = !!prev && !clause.relative && (clause.subordinate && isWordCue(cues.complementizers, words[0]?.norm) || !opensWithConjunction(tokens, clause, g, cues) && hasInfinitive(words, g))
  for (const [kind, phrases] of kinds) {
    // "its long-threatened invasion": a cue glued into a compound word describes a noun, it governs nothing.
    const before = findPhrases(tokens, clause.from, trigger, phrases).filter((h) => h.at + h.len <= trigger && !isGluedHyphen(tokens, h.at - 1)).at(-1)
    if (before) {
      const gap = tokens.slice(before.at + before.len, trigger)
      // "demanded the immediate withdrawal", "vetoed a €50 billion EU aid package": a short noun
      // phrase (amounts included), no verb or comma in between.
      const object = isNoun && gap.length <= OBJECT_WORDS && gap.every((t) => t.kind === 'word' && !g.prepositions.includes(t.norm) || t.kind === 'number' || t.text === '-' || /^\p{Sc}$/u.test(t.text))
      // "demanded that the United States cancel the sale …": the complement the verb opens.
      const opens = isWordCue(cues.complementizers, gap[0]?.norm)
      if (infinitive || object || opens) return { kind, cue: text(before), at: before.at }
    }
    const hit = governedClause ? findPhrases(tokens, prev!.from, prev!.to, phrases).at(-1) : undefined
    if (hit) return { kind, cue: text(hit), at: hit.at }
  }
  return null
}
