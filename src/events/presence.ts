// A state's leader or minister who acts in another state's capital is there on a visit: "Schon im
// Februar hatte Außenminister Sergej Lawrow in Bagdad für mehr Zusammenarbeit geworben", "Nur Stunden
// vor dem Angriff war Netanjahu in Moskau gewesen". The gold conventions code such a stay as the
// visitor's CONSULT with the host, whatever the clause's own act is.
import type { Mention, Token } from '../pipeline/document.ts'
import { capitalised, inClause, type Clause } from './clauses.ts'
import type { Phrase } from './phrases.ts'

/** The words of a language that place a visitor: "in", and the titles of those who live abroad by office. */
export interface PresenceWords {
  /** Prepositions of place ("in"; contractions are read as their preposition). */
  prepositions: ReadonlySet<string>
  /** Titles of offices held abroad ("Botschafter"): their holder in a capital is no visitor. */
  residents: ReadonlySet<string>
  /** Mention kinds that name a person or an office, not the state itself. */
  personKinds: ReadonlySet<string>
  /** Mention kinds that name a place standing for its state (a capital, a seat of power). */
  placeKinds: ReadonlySet<string>
  /** Verbs whose "in" phrase is an argument, not a place ("sieht in Minsk den Drahtzieher"). */
  argumentVerbs: ReadonlySet<string>
}

/** A visitor and the place of the visit, with the preposition that places it. */
export interface Presence {
  visitor: Mention
  host: Mention
  /** The token of the preposition. */
  at: number
}

/**
 * The visits a clause tells by placing its subject: the subject names a person or an office of a
 * state (not a resident envoy), and a phrase of the clause's own places the act in another state's
 * capital. A place phrase right after a noun that is no part of the subject or of a time expression
 * belongs to that noun ("die Botschaft in Moskau", "die Festnahmen in Minsk") and places no one.
 */
export function presences(tokens: Token[], clause: Clause, phrases: Phrase[], subject: Phrase | null, isState: (actor: string) => boolean, words: PresenceWords, contractions: Readonly<Record<string, string>>, inTime: (at: number) => boolean): Presence[] {
  if (!subject || subject.attach.kind !== 'bare') return []
  const visitors = subject.mentions.filter((m) => words.personKinds.has(m.kind) && isState(m.actor))
  if (!visitors.length || subject.mentions.some((m) => !isState(m.actor))) return []
  if (tokens.slice(subject.from, subject.to).some((t) => words.residents.has(t.norm))) return []
  if (tokens.slice(clause.from, clause.to).some((t) => words.argumentVerbs.has(t.norm))) return []
  const out: Presence[] = []
  for (const p of phrases) {
    if (p === subject || p.attach.kind !== 'prep') continue
    const prep = contractions[p.attach.prep] ?? p.attach.prep
    if (!words.prepositions.has(prep)) continue
    // The preposition: the word before the phrase (or before its article).
    let at = p.from - 1
    while (at > clause.from && inClause(clause, at) && (contractions[tokens[at]!.norm] ?? tokens[at]!.norm) !== prep) at--
    if (at < clause.from || (contractions[tokens[at]!.norm] ?? tokens[at]!.norm) !== prep) continue
    const before = tokens[at - 1]
    const ofSubject = at === subject.to
    // "am Montag in Peking": a time before it is no noun that owns the place.
    if (!ofSubject && before && capitalised(before) && !inTime(at - 1)) continue
    for (const host of p.mentions) {
      if (!words.placeKinds.has(host.kind) || !isState(host.actor)) continue
      for (const visitor of visitors) {
        if (visitor.actor === host.actor || subject.mentions.some((m) => m.actor === host.actor)) continue
        if (!out.some((x) => x.visitor.actor === visitor.actor && x.host.actor === host.actor)) out.push({ visitor, host, at })
      }
    }
  }
  return out
}
