import type { Doc, Mention, Token } from '../document.ts'
import type { Stage, StageContext } from '../stage.ts'
import type { Match } from '../../kb/gazetteer.ts'
import { actorAt } from '../../kb/actors.ts'
import { personActorAt } from '../../kb/knowledge.ts'
import { sentenceTokenRanges, timeTokenSet } from '../spans.ts'
import { fold } from '../../text/normalize.ts'
import { isCompoundOf } from '../../events/lexicon.ts'
import { perPack } from '../../lang/per-grammar.ts'

interface Raw extends Match { actor?: string; party?: string }

function resolveActor(m: Match, date: string | null, ctx: StageContext): string | undefined {
  const e = m.entry
  if (e.person) {
    const p = ctx.kb.people.get(e.person)
    return p ? personActorAt(p, date).actor : undefined
  }
  if (!e.actor) return undefined
  const actor = ctx.kb.actors.get(e.actor)
  return actor ? actorAt(actor, date) : e.actor
}

/** Raw alias matches, longest first, left to right. */
function matchSentence(tokens: Token[], from: number, to: number, doc: Doc, ctx: StageContext): Raw[] {
  const gz = ctx.kb.gazetteers.get(ctx.pack.code)
  if (!gz) return []
  const out: Raw[] = []
  for (let i = from; i < to; ) {
    const m = gz.matchAt(tokens, i)
    if (m && m.end <= to) {
      out.push({ ...m, actor: resolveActor(m, doc.date?.value ?? null, ctx) })
      i = m.end
    } else i++
  }
  return out
}

const adjacent = (tokens: Token[], a: Raw, b: Raw) => a.end === b.start || (a.end + 1 === b.start && tokens[a.end]!.text === '-')
/** "Russian state media", "Ukrainian civilian prisoners": up to two lower-case words between a demonym and a generic party. */
const modifiersBetween = (tokens: Token[], a: Raw, b: Raw) => b.start > a.end && b.start - a.end <= 2 && tokens.slice(a.end, b.start).every((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text))

/**
 * Joins a state and a title into a role ("der russische Präsident", "US-Präsident",
 * "Malis Machthaber") and a title or role with the name that follows it
 * ("Außenminister Sergej Lawrow"). A title with neither is dropped.
 */
function combine(raws: Raw[], tokens: Token[], titleLinks: string[], coordinators: string[], adjectiveEndings: string[], isSector: (actor: string) => boolean = () => false, appositiveHeads: string[] = [], placed: (title: Token, link: Token, after: Token | undefined) => boolean = () => false): Raw[] {
  const out: Raw[] = []
  /** A class noun that stands in apposition to a name ("Söldnergruppe", "Verbündeten"), or a compound ending in one. */
  const appositiveHead = (t: Token) => appositiveHeads.some((h) => h === t.norm || isCompoundOf(t, h))
  const inflects = adjectiveEndings.some((e) => e)
  for (let i = 0; i < raws.length; i++) {
    let cur = raws[i]!
    const next = raws[i + 1]
    const actorish = (r: Raw | undefined) => !!r && (r.entry.kind === 'adjective' || r.entry.kind === 'name' || r.entry.kind === 'metonym')
    // "the Russian mercenary group Wagner", "die russische Söldnergruppe Wagner": a demonym before a
    // class noun in apposition to a name describes the named actor; it is no actor of its own.
    if (cur.entry.kind === 'adjective' && next && next.entry.kind === 'name' && !(next.actor && isSector(next.actor)) && next.start > cur.end && next.start - cur.end <= 3) {
      const gap = tokens.slice(cur.end, next.start)
      const head = gap.at(-1)!
      if (gap.every((t) => t.kind === 'word') && appositiveHead(head)) continue
    }
    // "des Nato-Verbündeten Litauen", "das EU-Mitglied Ungarn": a name glued to a class noun in
    // apposition to the name after it only describes that actor.
    const glued = tokens[cur.end]?.text === '-' && tokens[cur.end + 1]
    if (actorish(cur) && cur.entry.kind !== 'adjective' && glued && next && next.entry.kind === 'name' && next.start === cur.end + 2
      && appositiveHead(glued)) continue
    // "der Präsident von Kasachstan", "die Regierung der Taliban", "die Armee Malis"
    // "die Botschaft in Ouagadougou": a place link locates such a title; it does not name its owner.
    const linked = (actorish(next) || next?.entry.kind === 'seat') && cur.entry.kind === 'title' && (
      next!.start === cur.end + 1 && titleLinks.includes(tokens[cur.end]!.norm) && !placed(tokens[cur.end - 1]!, tokens[cur.end]!, tokens[next!.end]) || next!.start === cur.end && next!.entry.genitive)
    // "Afghanistans säkulare kommunistische Regierung": a genitive state, adjectives, an institution.
    // "Latvia's constitutional court": so do a genitive state, adjectives and a generic party.
    const institution = !!next?.actor && next.entry.kind !== 'title' && isSector(next.actor)
    const between = next && cur.entry.genitive && actorish(cur) && (next.entry.kind === 'title' || institution) ? tokens.slice(cur.end, next.start) : null
    // Without adjective endings to tell (English), any lower-case modifier may stand there: "Russia's finance minister".
    const modifier = (t: Token) => adjectiveEndings.some((e) => e) ? adjectiveEndings.some((e) => e && t.norm.endsWith(e)) : true
    // "Japans UN-Botschafter": a genitive state before an organisation's title glued to its name
    // owns the title (the state's envoy to the organisation).
    const third = raws[i + 2]
    const envoy = cur.entry.genitive && actorish(cur) && next?.entry.kind === 'name' && next.start === cur.end && third?.entry.kind === 'title'
      && tokens[next.end]?.text === '-' && third.start === next.end + 1
    if (envoy) {
      cur = { ...cur, end: third!.end, entry: { ...cur.entry, kind: 'role', role: third!.entry.role, genitive: false, rule: `${third!.entry.rule}+genitive` } }
      i += 2
    } else if (between && between.length <= 3 && between.every((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text) && modifier(t))) {
      cur = { ...cur, end: next!.end, entry: { ...cur.entry, kind: 'role', role: institution ? 'institution' : next!.entry.role, genitive: false, rule: `${next!.entry.rule}+genitive` } }
      i++
    } else if (linked) {
      const title = cur
      cur = { ...next!, start: cur.start, entry: { ...next!.entry, kind: 'role', role: cur.entry.role, genitive: false, rule: `${cur.entry.rule}+link` } }
      i++
      // "die Präsidenten Polens und Litauens": coordinated genitives share the title.
      const more = raws[i + 1]
      if (more?.entry.genitive && actorish(more) && more.start === cur.end + 1 && coordinators.includes(tokens[cur.end]!.norm)) {
        out.push(cur)
        cur = { ...more, entry: { ...more.entry, kind: 'role', role: title.entry.role, genitive: false, rule: `${title.entry.rule}+link` } }
        i++
      }
    } else if (next?.actor && isSector(next.actor) && (actorish(cur) && (cur.entry.kind === 'adjective' || cur.entry.genitive) && (adjacent(tokens, cur, next) || modifiersBetween(tokens, cur, next)) || cur.entry.kind === 'people' && adjacent(tokens, cur, next))) {
      // "Israeli police", "Ukrainian prisoners": a demonym before a generic party names its state
      // (also one that is a people's name as well, right before it: "French farmers", "Chinese students").
      cur = { ...cur, end: next.end, party: next.actor, entry: { ...cur.entry, kind: 'role', role: 'institution', genitive: false, rule: `${next.entry.rule}+${cur.entry.kind}` } }
      i++
    } else if (actorish(cur) && next?.entry.kind === 'title' && adjacent(tokens, cur, next) && !(inflects && cur.entry.kind !== 'adjective' && cur.end === next.start)) {
      // (Where adjectives inflect, a name owns a title after it only glued by a hyphen, "US-Präsident":
      // "traf in Moskau Präsident Putin" names a place, then a title.)
      cur = { ...cur, end: next.end, entry: { ...cur.entry, kind: 'role', role: next.entry.role, genitive: false, rule: `${next.entry.rule}+${cur.entry.kind}` } }
      i++
    }
    const after = raws[i + 1]
    if ((cur.entry.kind === 'title' || cur.entry.kind === 'role') && after?.entry.kind === 'person' && adjacent(tokens, cur, after)) {
      // The title's state wins where the name alone would be read at another date; not a seat's, which
      // several states share ("Bundeskanzler Sebastian Kurz" is Austria's): a person known has his own.
      const actor = cur.entry.kind === 'role' && !(cur.entry.rule.endsWith('.seat') && after.actor) ? cur.actor : after.actor
      cur = { ...after, start: cur.start, actor, entry: { ...after.entry, rule: `${after.entry.rule}+title` } }
      i++
    }
    // A seat coordinated with a capital stands for its government as the capital does: "Gespräche
    // mit Den Haag und Canberra", "Canberra und Den Haag".
    if (cur.entry.kind === 'seat') {
      const joins = (k: number) => coordinators.includes(tokens[k]?.norm ?? '')
      const later = raws[i + 1]
      const earlier = out.at(-1)
      if (later?.entry.kind === 'metonym' && later.start === cur.end + 1 && joins(cur.end) || earlier?.entry.kind === 'metonym' && cur.start === earlier.end + 1 && joins(earlier.end)) {
        cur = { ...cur, entry: { ...cur.entry, kind: 'metonym', rule: `${cur.entry.rule}+coordinated` } }
      }
    }
    // A seat that no organ links to is a place ("der Prozess in Den Haag"), no actor.
    if (cur.entry.kind === 'title' || cur.entry.kind === 'seat') continue
    out.push(cur)
  }
  return out
}

export function findMentions(doc: Doc, ctx: StageContext): Mention[] {
  const mentions: Mention[] = []
  const placed = new Set(ctx.pack.roles.placed.map(fold))
  const placeLinks = new Set(ctx.pack.roles.placeLinks.map(fold))
  // "der Präsident von Russland aus": a link that a closing word makes a circumposition names where from, not whose.
  const origins = ctx.pack.grammar.originCircumpositions
  const placedTitle = (title: Token, link: Token, after: Token | undefined) => placed.has(title.norm) && placeLinks.has(link.norm) || !!after && (origins[link.norm] ?? []).includes(after.norm)
  const privateHeads = new Set(ctx.pack.roles.private.map(fold))
  const timeTokens = timeTokenSet(doc.tokens, doc.times)
  for (const [sentence, [from, to]] of sentenceTokenRanges(doc.tokens)) {
    const combined = combine(matchSentence(doc.tokens, from, to, doc, ctx), doc.tokens, ctx.pack.grammar.titleLinks, ctx.pack.grammar.coordinators, ctx.pack.grammar.adjectiveEndings, (id) => ctx.kb.actors.get(id)?.kind === 'sector', ctx.pack.grammar.appositiveHeads, placedTitle)
    // "forderte die Junta in Ouagadougou Paris auf": a listed name after a role is an actor of its own, not the role's holder.
    const listed = new Set(combined.filter((m) => m.actor).map((m) => m.start))
    for (const m of combined) {
      if (!m.actor) continue
      // "russische Touristen", "belarussische Oppositionelle": people of the country, not its state.
      if (m.entry.kind === 'adjective' && m.end < to && privateHeads.has(doc.tokens[m.end]!.norm)) continue
      const mention: Mention = {
        start: doc.tokens[m.start]!.start,
        end: doc.tokens[m.end - 1]!.end,
        tokenStart: m.start,
        tokenEnd: m.end,
        sentence,
        actor: m.actor,
        kind: m.entry.kind,
        genitive: m.entry.genitive,
        ...(m.entry.person ? { person: m.entry.person } : {}),
        ...(m.party ? { party: m.party } : {}),
        rule: m.entry.rule,
      }
      // "der Norweger Frode Berg": an inhabitant noun before a name introduces a person of that state.
      const introduces = m.entry.kind === 'role' || m.entry.kind === 'people' && !!ctx.pack.grammar.capitalisesNouns
      mentions.push(introduces ? withNewName(mention, doc, to, timeTokens, ctx, listed) : mention)
      const apposed = m.entry.kind === 'role' ? apposedName(mention, doc, to, timeTokens, ctx, listed) : null
      if (apposed) mentions.push(apposed)
    }
    const unlisted = ctx.pack.grammar.capitalisesNouns ? null : unlistedSubject(doc, sentence, from, to, mentions, timeTokens, ctx)
    if (unlisted) mentions.push(unlisted)
  }
  return mentions
}

/** The generic party for whoever the knowledge base does not list. */
export const UNLISTED = 'UNLISTED'

/**
 * "Amnesty International accused the United States …", "Archbishop Desmond Tutu called for …":
 * in a language that writes nouns in lower case, a name of two to four capitalised words that
 * opens a sentence, names no known actor and is followed by a lower-case word is a party the
 * knowledge base does not list. It acts in events (so that they are typed) but, like every generic
 * party, takes no part in relations.
 */
function unlistedSubject(doc: Doc, sentence: number, from: number, to: number, mentions: Mention[], timeTokens: Set<number>, ctx: StageContext): Mention | null {
  const t = doc.tokens
  const start = t[from] && ctx.pack.grammar.determiners.includes(t[from]!.norm) ? from + 1 : from
  const end = nameAt(doc, start, to, timeTokens, ctx)
  if (end < 0 || end - start < 2 || end >= to || t[end]!.kind !== 'word') return null
  if (mentions.some((m) => m.sentence === sentence && m.tokenStart < end && m.tokenEnd > from)) return null
  return {
    start: t[start]!.start, end: t[end - 1]!.end, tokenStart: start, tokenEnd: end, sentence, actor: UNLISTED,
    kind: 'name', genitive: false, rule: `${ctx.pack.code}.kb.unlisted-name`,
  }
}

/**
 * A name nobody listed, right after a role: "Algeriens Präsident Abdelmadjid Tebboune",
 * "sein vietnamesischer Amtskollege To Lam". Up to four capitalised words (hyphens inside a name
 * allowed), not a time expression, followed by a lower-case word, punctuation or the end.
 * Returns the end of the name, or -1.
 */
export function nameAt(doc: Doc, i: number, to: number, timeTokens: Set<number>, ctx: StageContext): number {
  const t = doc.tokens
  // "beim russischen Botschafter Michail Galusin Protest ein": a noun the language's events know is no part of a name.
  const known = eventNouns(ctx.pack)
  const noun = (k: number) => k < to && known.has(t[k]!.norm)
  const capital = (k: number) => k < to && t[k]!.kind === 'word' && /^\p{Lu}/u.test(t[k]!.text) && !timeTokens.has(k) && !ctx.pack.grammar.determiners.includes(t[k]!.norm) && !noun(k)
  if (!capital(i)) return -1
  let k = i + 1
  let words = 1
  while (k < to && words < 4) {
    if (t[k]!.text === '-' && t[k]!.start === t[k - 1]!.end && capital(k + 1)) { k += 2; continue }
    if (!capital(k)) break
    k++
    words++
  }
  const next = t[k]
  return !next || k >= to || next.kind !== 'word' || /^\p{Ll}/u.test(next.text) || noun(k) ? k : -1
}

/** The nouns a language's event rules name (triggers, objects, nouns that point back to acts), folded as tokens are. */
const eventNouns = perPack((pack) => new Set([
  ...pack.events.flatMap((r) => [...r.nouns, ...Object.values(r.objects).flat()]),
  ...Object.values(pack.coref.actNouns).flat(),
].map((w) => fold(w))))

const nameText = (doc: Doc, from: number, to: number) => doc.text.slice(doc.tokens[from]!.start, doc.tokens[to - 1]!.end)

function withNewName(m: Mention, doc: Doc, to: number, timeTokens: Set<number>, ctx: StageContext, listed: Set<number>): Mention {
  const end = nameAt(doc, m.tokenEnd, to, timeTokens, ctx)
  if (end < 0 || listed.has(m.tokenEnd)) return m
  return { ...m, end: doc.tokens[end - 1]!.end, tokenEnd: end, kind: 'person', person: `doc:${nameText(doc, m.tokenEnd, end)}`, rule: `${m.rule}+name` }
}

/**
 * "Der Präsident der Zentralafrikanischen Republik, Faustin-Archange Touadéra, …": the name in commas
 * is the role's holder; a listed actor there goes on a list ("die Außenminister der Ukraine, Estlands …").
 */
function apposedName(m: Mention, doc: Doc, to: number, timeTokens: Set<number>, ctx: StageContext, listed: Set<number>): Mention | null {
  if (m.kind !== 'role' || doc.tokens[m.tokenEnd]?.text !== ',' || listed.has(m.tokenEnd + 1)) return null
  const from = m.tokenEnd + 1
  const end = nameAt(doc, from, to, timeTokens, ctx)
  if (end < 0 || (end < to && doc.tokens[end]!.text !== ',')) return null
  return {
    start: doc.tokens[from]!.start, end: doc.tokens[end - 1]!.end, tokenStart: from, tokenEnd: end, sentence: m.sentence, actor: m.actor,
    kind: 'person', genitive: false, person: `doc:${nameText(doc, from, end)}`, antecedent: m.start, rule: `${ctx.pack.code}.coref.apposed-name`,
  }
}

export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens', 'times'],
  assigns: ['mentions'],
  run: (doc, ctx) => ({ ...doc, mentions: findMentions(doc, ctx) }),
}
