import type { MentionKind, Token } from '../pipeline/document.ts'
import type { RoleId } from './schema.ts'
import { fold } from '../text/normalize.ts'
import { phraseKey } from '../text/tokenize.ts'
import { isCapitalised } from '../text/normalize.ts'

/** What an alias stands for: an actor, a person, or a title of office. */
export interface AliasEntry {
  kind: MentionKind
  actor?: string
  person?: string
  role?: RoleId
  genitive: boolean
  /** Proper names must start with a capital in the text; adjectives need not. */
  proper: boolean
  /** The data file the alias comes from, for provenance. */
  rule: string
  /** The listed alias this form derives from ("Russland" for "Russlands"). */
  base?: string
}

interface Candidate { keys: string[]; surface: string; entries: AliasEntry[] }

export interface Match { start: number; end: number; entry: AliasEntry; surface: string }

/** A conflict: one alias naming two actors with no rule saying which wins. */
export interface AliasConflict { lang: string; alias: string; actors: string[] }

/** Longest-match lookup of aliases over normalised tokens. */
export class Gazetteer {
  private readonly byFirst = new Map<string, Candidate[]>()
  private readonly byKey = new Map<string, Candidate>()

  add(surface: string, entry: AliasEntry): void {
    const keys = phraseKey(surface)
    if (keys.length === 0) return
    const joined = keys.join(' ')
    let cand = this.byKey.get(joined)
    if (!cand) {
      cand = { keys, surface, entries: [] }
      this.byKey.set(joined, cand)
      const list = this.byFirst.get(keys[0]!) ?? []
      list.push(cand)
      list.sort((a, b) => b.keys.length - a.keys.length)
      this.byFirst.set(keys[0]!, list)
    }
    const same = cand.entries.find((e) => e.kind === entry.kind && e.actor === entry.actor && e.person === entry.person && e.role === entry.role)
    // The same alias listed in lower case too ("Foreign Ministry", "foreign ministry") may be written either way.
    if (same) {
      if (!entry.proper) same.proper = false
      // A form listed as a name itself ("Huthis", plural) is no genitive of another ("Huthi" + s).
      if (same.genitive && !entry.genitive) { same.genitive = false; same.base = entry.base ?? surface }
      return
    }
    // A title that names its own state ("Bundeskanzler") is a seat, not a bare title.
    if (entry.kind === 'title' && cand.entries.some((e) => e.kind === 'role')) return
    if (entry.kind === 'role') cand.entries = cand.entries.filter((e) => e.kind !== 'title')
    cand.entries.push({ ...entry, base: entry.base ?? surface })
  }

  /** Aliases that name more than one actor or person. */
  conflicts(lang: string): AliasConflict[] {
    const out: AliasConflict[] = []
    for (const cand of this.byKey.values()) {
      const targets = new Set(cand.entries.map((e) => e.actor ?? (e.person ? `person:${e.person}` : `title:${e.role}`)))
      if (targets.size > 1) out.push({ lang, alias: cand.surface, actors: [...targets].sort() })
    }
    return out
  }

  /** Keeps only the preferred reading of an ambiguous alias and of every form derived from it. */
  prefer(alias: string, actor: string): boolean {
    const base = fold(alias)
    let applied = false
    for (const cand of this.byKey.values()) {
      if (!cand.entries.some((e) => e.base !== undefined && fold(e.base) === base)) continue
      const kept = cand.entries.filter((e) => e.actor === actor || e.person === actor || (e.base !== undefined && fold(e.base) !== base))
      if (kept.length) { cand.entries = kept; applied = true }
    }
    return applied
  }

  /** The longest alias starting at token `i`, if any. */
  matchAt(tokens: Token[], i: number): Match | null {
    const first = tokens[i]
    if (!first) return null
    for (const cand of this.byFirst.get(first.norm) ?? []) {
      const end = i + cand.keys.length
      if (end > tokens.length) continue
      let ok = true
      for (let k = 1; k < cand.keys.length; k++) {
        if (tokens[i + k]!.norm !== cand.keys[k] || tokens[i + k]!.sentence !== first.sentence) { ok = false; break }
      }
      if (!ok) continue
      // A form derived from an acronym keeps its capitals: "AUs" is the AU's, "Aus" the preposition.
      const keepsAcronym = (e: AliasEntry) => !(e.base && e.base !== cand.surface && e.base.length > 1 && e.base === e.base.toUpperCase() && /\p{Lu}/u.test(e.base)) || first.text.startsWith(e.base)
      const entry = cand.entries.find((e) => (!e.proper || isCapitalised(first.text) || first.text === first.text.toUpperCase()) && keepsAcronym(e))
      if (entry) return { start: i, end, entry, surface: cand.surface }
    }
    return null
  }
}
