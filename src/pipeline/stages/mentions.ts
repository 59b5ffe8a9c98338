import type { Doc, Mention, Token } from '../document.ts'
import type { Stage, StageContext } from '../stage.ts'
import type { Match } from '../../kb/gazetteer.ts'
import { actorAt } from '../../kb/actors.ts'
import { personActorAt } from '../../kb/knowledge.ts'
import { sentenceTokenRanges } from '../spans.ts'
import { fold } from '../../text/normalize.ts'

interface Raw extends Match { actor?: string }

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

/**
 * Joins a state and a title into a role ("der russische Präsident", "US-Präsident",
 * "Malis Machthaber") and a title or role with the name that follows it
 * ("Außenminister Sergej Lawrow"). A title with neither is dropped.
 */
function combine(raws: Raw[], tokens: Token[], titleLinks: string[], coordinators: string[], adjectiveEndings: string[]): Raw[] {
  const out: Raw[] = []
  for (let i = 0; i < raws.length; i++) {
    let cur = raws[i]!
    const next = raws[i + 1]
    const actorish = (r: Raw | undefined) => !!r && (r.entry.kind === 'adjective' || r.entry.kind === 'name' || r.entry.kind === 'metonym')
    // "der Präsident von Kasachstan", "die Regierung der Taliban", "die Armee Malis"
    const linked = actorish(next) && cur.entry.kind === 'title' && (
      next!.start === cur.end + 1 && titleLinks.includes(tokens[cur.end]!.norm) || next!.start === cur.end && next!.entry.genitive)
    // "Afghanistans säkulare kommunistische Regierung": a genitive state, adjectives, an institution.
    const between = next && cur.entry.genitive && actorish(cur) && next.entry.kind === 'title' ? tokens.slice(cur.end, next.start) : null
    if (between && between.length <= 3 && between.every((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text) && adjectiveEndings.some((e) => e && t.norm.endsWith(e)))) {
      cur = { ...cur, end: next!.end, entry: { ...cur.entry, kind: 'role', role: next!.entry.role, genitive: false, rule: `${next!.entry.rule}+genitive` } }
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
    } else if (actorish(cur) && next?.entry.kind === 'title' && adjacent(tokens, cur, next)) {
      cur = { ...cur, end: next.end, entry: { ...cur.entry, kind: 'role', role: next.entry.role, rule: `${next.entry.rule}+${cur.entry.kind}` } }
      i++
    }
    const after = raws[i + 1]
    if ((cur.entry.kind === 'title' || cur.entry.kind === 'role') && after?.entry.kind === 'person' && adjacent(tokens, cur, after)) {
      // The title's state wins where the name alone would be read at another date.
      const actor = cur.entry.kind === 'role' ? cur.actor : after.actor
      cur = { ...after, start: cur.start, actor, entry: { ...after.entry, rule: `${after.entry.rule}+title` } }
      i++
    }
    if (cur.entry.kind === 'title') continue
    out.push(cur)
  }
  return out
}

export function findMentions(doc: Doc, ctx: StageContext): Mention[] {
  const mentions: Mention[] = []
  const privateHeads = new Set(ctx.pack.roles.private.map(fold))
  for (const [sentence, [from, to]] of sentenceTokenRanges(doc.tokens)) {
    for (const m of combine(matchSentence(doc.tokens, from, to, doc, ctx), doc.tokens, ctx.pack.grammar.titleLinks, ctx.pack.grammar.coordinators, ctx.pack.grammar.adjectiveEndings)) {
      if (!m.actor) continue
      // "russische Touristen", "belarussische Oppositionelle": people of the country, not its state.
      if (m.entry.kind === 'adjective' && m.end < to && privateHeads.has(doc.tokens[m.end]!.norm)) continue
      mentions.push({
        start: doc.tokens[m.start]!.start,
        end: doc.tokens[m.end - 1]!.end,
        tokenStart: m.start,
        tokenEnd: m.end,
        sentence,
        actor: m.actor,
        kind: m.entry.kind,
        genitive: m.entry.genitive,
        ...(m.entry.person ? { person: m.entry.person } : {}),
        rule: m.entry.rule,
      })
    }
  }
  return mentions
}

export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens'],
  assigns: ['mentions'],
  run: (doc, ctx) => ({ ...doc, mentions: findMentions(doc, ctx) }),
}
