import { isGluedHyphen } from '../text/tokenize.ts'
import { fold } from '../text/normalize.ts'
import { HOSTING_STEP } from '../relations/acts.ts'
import type { Token } from '../pipeline/document.ts'
import type { Phrase } from './phrases.ts'
import type { TriggerRef } from './lexicon.ts'

export interface RoleContext {
  tokens: Token[]
  phrases: Phrase[]
  trigger: number
  ref: TriggerRef
  subject: Phrase | null
  /** Index of the passive auxiliary, or -1 in an active clause. */
  passiveAt: number
  /**
   * Surely a passive, with its subject named in the clause: the trigger is a participle right by its
   * auxiliary ("wurde am Montag angegriffen.", "angegriffen worden"), not an infinitive that a future
   * auxiliary may govern.
   */
  surePassive?: boolean
  agentPreps: string[]
  /** Folded prepositions whose object hosts what the act moves there. */
  hostingPreps: ReadonlySet<string>
  /** A word that may stand inside a noun phrase before its head: determiner or adjective, not a preposition. */
  nounPhraseWord: (t: Token) => boolean
  /** An event noun told in passing in an adjunct ("Nach dem Mord an einem Georgier hatte Berlin …"): the clause's subject is not its doer. */
  adjunctNoun?: boolean
  /** A number or vague quantity ("20", "Dutzende"), and the words that may stand around one ("von mehr als 20"). */
  countWord: (t: Token) => boolean
  countGlue: (t: Token) => boolean
  /** The token at this index is a lower-case word and no function word: a noun or adjective modifying a head ("military" in "military support"). */
  contentWord: (k: number) => boolean
  /** The language puts objects before verbs too (German verb-final clauses); else only after. */
  objectsBeforeVerb: boolean
  /** Nouns are written in lower case, so a name may stand right before a noun as its modifier ("US sanctions"). */
  namesModifyNouns: boolean
  /** Generic parties ("troops", "police"): they fill a role only when no named actor can. */
  isSector: (actor: string) => boolean
  /** A word the rule requires or carries as its object ("crude", "drones"): what the act moves. */
  isGoods: (norm: string) => boolean
  /** A conjunction that joins two words of a list ("und"). */
  coordinator: (t: Token) => boolean
}

/** How many words and hyphens may stand between a genitive and the event noun it names the agent of. */
const GENITIVE_MODIFIERS = 4

const distance = (p: Phrase, at: number) => (p.from > at ? p.from - at : at - p.to + 0.5)

function nearest(list: Phrase[], at: number): Phrase | null {
  return [...list].sort((a, b) => distance(a, at) - distance(b, at))[0] ?? null
}

/** The phrase that fills one role spec ("subject", "prep:an", "gen" …), or null. */
export function fillRole(spec: string, ctx: RoleContext, exclude: Set<Phrase>): Phrase | null {
  const free = ctx.phrases.filter((p) => !exclude.has(p))
  const t = ctx.trigger
  if (spec === 'subject') {
    // "die Ausweisung russischer Diplomaten": what follows an event noun is its complement, not the subject.
    if (ctx.ref.kind === 'noun' && ctx.subject && ctx.subject.from > t && ctx.tokens.slice(t + 1, ctx.subject.from).every((w) => ctx.nounPhraseWord(w))) return null
    if (ctx.adjunctNoun) return null
    return ctx.subject && !exclude.has(ctx.subject) ? ctx.subject : null
  }
  if (spec === 'object') {
    const bare = free.filter((p) => p.attach.kind === 'bare' && p !== ctx.subject)
    return bare.find((p) => p.from > t) ?? (ctx.objectsBeforeVerb ? bare[0] ?? null : null)
  }
  if (spec === 'any') return nearest(free, t)
  // "bought record volumes of Russian crude": a demonym before what the act moves names where it comes from.
  if (spec === 'goods') return free.find((p) => p.mentions.every((m) => m.kind === 'adjective') && ctx.isGoods(ctx.tokens[p.to]?.norm ?? '')) ?? null
  if (spec === 'gen') {
    if (ctx.ref.kind === 'noun') {
      // The genitive after the noun, or a demonym in its complement ("die Ausweisung weiterer iranischer
      // Diplomaten"), also when the complement is counted ("die Ausweisung von mehr als 20 deutschen Diplomaten").
      const between = (p: Phrase) => ctx.tokens.slice(t + 1, p.from)
      const counted = (p: Phrase) => between(p).some(ctx.countWord) && between(p).every((w) => ctx.nounPhraseWord(w) || ctx.countWord(w) || ctx.countGlue(w))
      const complement = (p: Phrase) => p.mentions.every((m) => m.kind === 'adjective') && (between(p).every((w) => ctx.nounPhraseWord(w)) || p.from - t <= 6 && counted(p))
      const after = free.find((p) => (p.attach.kind === 'gen' || complement(p)) && p.from > t && (p.from - t <= 4 || complement(p)))
      if (after) return after
      // "Russlands Angriff", "Beijing's large-scale support": a genitive name before the noun, with
      // at most a few modifiers between them; a hyphenated compound ("large-scale") is one modifier.
      const hyphen = (k: number) => isGluedHyphen(ctx.tokens, k)
      const compound = (k: number) => hyphen(k) || ctx.tokens[k]!.kind === 'word' && (hyphen(k - 1) || hyphen(k + 1))
      const modifiers = (p: Phrase) => ctx.tokens.slice(p.to, t).every((w, k) => ctx.nounPhraseWord(w) || ctx.contentWord(p.to + k) || compound(p.to + k))
      // Not one right after a noun, whose attribute it is ("auf Bitten Sarradschs Hunderte Angriffe"),
      // where nouns are capitalised.
      const afterNoun = (p: Phrase) => !ctx.namesModifyNouns && /^\p{Lu}/u.test(ctx.tokens[p.from - 1]?.text ?? '') && ctx.tokens[p.from - 1]!.kind === 'word'
        && ctx.tokens[p.from - 1]!.sentence === ctx.tokens[p.from]!.sentence
      return free.find((p) => p.mentions.every((m) => m.genitive) && p.to <= t && (t - p.to <= 2 || t - p.to <= GENITIVE_MODIFIERS && modifiers(p)) && !afterNoun(p)) ?? null
    }
    return nearest(free.filter((p) => p.attach.kind === 'gen'), t)
  }
  if (spec === 'adj') {
    // A demonym before the noun ("iranische Drohnen"), or a name glued to it ("US-Luftangriffe"); or
    // coordinated with the adjective before the noun ("der amerikanischen und europäischen Sanktionen").
    const coordinatedAdjective = (p: Phrase) => t - p.to === 2 && ctx.coordinator(ctx.tokens[p.to]!) && ctx.nounPhraseWord(ctx.tokens[p.to + 1]!) && p.mentions.every((m) => m.kind === 'adjective')
    const before = free.find(coordinatedAdjective)
    if (before) return before
    return free.find((p) => p.to <= t && t - p.to <= 1 && (p.mentions.every((m) => m.kind === 'adjective') || ctx.tokens[p.to]?.text === '-' && ctx.tokens[p.to]!.start === ctx.tokens[p.to - 1]!.end
      // "US sanctions", "EU aid": in a language with lower-case nouns a name right before the noun modifies it.
      || ctx.namesModifyNouns && p.to === t)) ?? null
  }
  if (spec.startsWith('prep:')) {
    // Phrases carry the folded key of their preposition ("für" → "fur").
    const prep = fold(spec.slice(5))
    // The nearest: after a V2 verb ("lieferte Drohnen an Russland"), before a final participle
    // ("hatte mit Putin telefoniert und mit Prigoschin verhandelt").
    return nearest(free.filter((p) => p.attach.kind === 'prep' && p.attach.prep === prep), t)
  }
  return null
}

/** Fills source and target from ordered role specs; a passive clause swaps agent and subject. */
export function assignRoles(ctx: RoleContext, specs: { source: string[]; target: string[] }): { source: Phrase | null; target: Phrase | null; how: string[] } {
  // "sent troops to Russia": the generic "troops" is what is sent; named actors take the roles first.
  const generic = (p: Phrase) => p.mentions.every((m) => ctx.isSector(m.actor))
  if (ctx.phrases.some(generic)) {
    const named = assignNamed({ ...ctx, phrases: ctx.phrases.filter((p) => !generic(p)), subject: ctx.subject && generic(ctx.subject) ? null : ctx.subject }, specs)
    if (named.source && named.target) return named
  }
  return assignNamed(ctx, specs)
}

/** A phrase that names its actors themselves: no demonym ("nordkoreanische Soldaten", "Russen"), no compound ("US-Generalkonsulat"). */
function namesItself(p: Phrase, tokens: Token[]): boolean {
  // People of a state named by a common noun ("troops", "Iranian nationals") are no state either.
  if (p.mentions.some((m) => m.kind === 'adjective' || m.kind === 'people' || m.rule.includes('.kb.noun'))) return false
  for (let k = p.from; k <= p.to; k++) if (isGluedHyphen(tokens, k)) return false
  return true
}

function assignNamed(ctx: RoleContext, specs: { source: string[]; target: string[] }): { source: Phrase | null; target: Phrase | null; how: string[] } {
  const used = new Set<Phrase>()
  const how: string[] = []
  let source: Phrase | null = null
  let target: Phrase | null = null
  if (ctx.passiveAt >= 0 && ctx.ref.kind === 'verb') {
    // The agent follows the auxiliary: "wurde … von Russland beschossen"; a "durch" before it
    // belongs to a noun of the subject ("die Freilassung … durch die Hamas wurde begrüßt").
    // In a verb-final cluster ("von der Armee abgeschossen worden sein") the auxiliary follows the
    // participle, and the agent may stand anywhere before it.
    const after = ctx.passiveAt > ctx.trigger ? -1 : ctx.passiveAt
    for (const prep of ctx.agentPreps) {
      const agent = ctx.phrases.find((p) => p.attach.kind === 'prep' && p.attach.prep === prep && p.from > after)
      if (agent) { source = agent; how.push(`source:passive-agent:${prep}`); break }
    }
    if (source) used.add(source)
    target = ctx.subject && !used.has(ctx.subject) ? ctx.subject : fillRole('object', ctx, used)
    if (target) how.push('target:passive-subject')
  }
  if (!source) {
    // "die Verurteilung Russlands durch die UN": where the genitive may be either role, a noun's
    // genitive is its object as soon as another reading names the agent.
    const genBoth = ctx.ref.kind === 'noun' && specs.source.includes('gen') && specs.target.includes('gen')
    // "Ukraine's ambassador was expelled from Hungary": in a passive with no agent the subject is
    // acted on, so another role names the source first; only if none does is the subject read as
    // it ("… ob Aserbaidschan Armenien angreifen wird": "wird" may be the future, not a passive).
    // In a sure passive, a subject that names a state, person or office itself is never the doer
    // ("Die Ukraine wurde angegriffen"); troops or goods, or what a state's adjective names, may be
    // the doer's own ("nordkoreanische Soldaten wurden nach Russland geschickt").
    const passiveSubject = !!target && target === ctx.subject
    const others = specs.source.filter((s) => s !== 'subject')
    const actedOn = passiveSubject && ctx.surePassive === true && namesItself(target!, ctx.tokens)
      && !ctx.tokens.slice(target!.from, target!.to + 1).some((t) => ctx.isGoods(t.norm))
    const order = genBoth ? [...specs.source.filter((s) => s !== 'gen'), 'gen'] : passiveSubject ? (actedOn ? others : [...others, 'subject']) : specs.source
    for (const spec of order) {
      source = fillRole(spec, ctx, used)
      if (source) { how.push(`source:${spec}`); break }
    }
    // "Die Türkei wird mit Gas aus Aserbaidschan versorgt": with the subject acted on, the partner an
    // active clause names by a preposition is the doer.
    if (!source && actedOn) {
      for (const spec of specs.target.filter((s) => s.startsWith('prep:'))) {
        source = fillRole(spec, ctx, used)
        if (source) { how.push(`source:passive-partner:${spec.slice(5)}`); break }
      }
    }
    // "The treaty, signed by Putin and Kim in Pyongyang, …": a participle with its agent right after it.
    if (!source && ctx.ref.kind === 'verb') {
      source = ctx.phrases.find((p) => p.attach.kind === 'prep' && ctx.agentPreps.includes(p.attach.prep) && p.from > ctx.trigger && p.from - ctx.trigger <= 2) ?? null
      if (source) how.push('source:participle-agent')
    }
  }
  if (source) {
    used.add(source)
    // A target that names the source's own actor is no partner ("die Polizei in Baku … Sputnik Aserbaidschan").
    const own = new Set(source.mentions.map((m) => m.actor))
    for (const p of ctx.phrases) if (p.mentions.every((m) => own.has(m.actor))) used.add(p)
    if (target && target.mentions.every((m) => own.has(m.actor))) target = null
  }
  if (!target && ctx.ref.kind === 'noun') {
    // "nach dem Überfall der Hamas auf Israel … in Moskau": a noun's own complement, right after
    // it (past its genitive), is its partner before a phrase of the clause around it.
    const own = ctx.phrases.find((p) => !used.has(p) && p.attach.kind === 'prep' && p.from > ctx.trigger && specs.target.includes(`prep:${p.attach.prep}`)
      && ctx.tokens.slice(ctx.trigger + 1, p.from).every((t, n) => ctx.phrases.some((q) => q.from <= ctx.trigger + 1 + n && ctx.trigger + 1 + n < q.to) || ctx.nounPhraseWord(t) || n === p.from - ctx.trigger - 2 || n === p.from - ctx.trigger - 3))
    if (own && own.attach.kind === 'prep') {
      target = own
      how.push(`target:prep:${own.attach.prep}`)
      if (ctx.hostingPreps.has(fold(own.attach.prep))) how.push(HOSTING_STEP)
    }
  }
  if (!target) {
    for (const spec of specs.target) {
      target = fillRole(spec, ctx, used)
      if (target) {
        how.push(`target:${spec}`)
        if (spec.startsWith('prep:') && ctx.hostingPreps.has(fold(spec.slice(5)))) how.push(HOSTING_STEP)
        break
      }
    }
  }
  return { source, target, how }
}
