import type { KnowledgeBase } from '../kb/knowledge.ts'
import { fold } from '../text/normalize.ts'

export interface ActorRecord { id: string; name: string; kind: string; names: Record<string, string[]> }

const index = new WeakMap<KnowledgeBase, ActorRecord[]>()

/** Every actor with its names in every language pack (names, metonyms, the ISO names). */
export function actorRecords(kb: KnowledgeBase): ActorRecord[] {
  let list = index.get(kb)
  if (!list) {
    list = [...kb.actors.values()].map((a) => {
      const names: Record<string, string[]> = {}
      for (const [code, pack] of kb.packs) {
        const data = pack.actors[a.id]
        const all = [...(data?.names ?? []), ...(data?.metonyms ?? [])]
        if (all.length) names[code] = [...new Set(all)]
      }
      return { id: a.id, name: a.name, kind: a.kind, names }
    })
    index.set(kb, list)
  }
  return list
}

/**
 * Actors whose code or any name, in any language, matches the query: an exact name first, then a
 * name that starts with it, then one that contains it.
 */
export function searchActors(kb: KnowledgeBase, query: string, limit: number): ActorRecord[] {
  const q = fold(query.trim())
  if (!q) return []
  const scored: { a: ActorRecord; score: number }[] = []
  for (const a of actorRecords(kb)) {
    const names = [a.id, a.name, ...Object.values(a.names).flat()].map(fold)
    const score = names.some((n) => n === q) ? 3 : names.some((n) => n.startsWith(q) || n.split(/[\s-]+/).some((w) => w.startsWith(q))) ? 2 : names.some((n) => n.includes(q)) ? 1 : 0
    if (score) scored.push({ a, score })
  }
  return scored.sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name)).slice(0, limit).map((x) => x.a)
}
