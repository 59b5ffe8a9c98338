import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store } from '../store/store.ts'

export interface Partner {
  actor: string
  name: string
  coop: number
  conflict: number
  latest: { id: string; date: string | null; source: string; target: string; type: string; modality: string; file: string; sentence: string }
}

/** Each counterpart of an actor with its cooperative and conflictual event counts and the latest event. */
export async function partnersOf(store: Store, actor: string, kb: KnowledgeBase): Promise<Partner[]> {
  const byPartner = new Map<string, Partner>()
  for (const e of await store.events({ actor })) {
    const other = e.source === actor ? e.target : e.source
    const latestOf = { id: e.id, date: e.date ?? e.docDate, source: e.source, target: e.target, type: e.type, modality: e.modality, file: e.file, sentence: e.sentenceText }
    const p = byPartner.get(other) ?? { actor: other, name: kb.actors.get(other)?.name ?? other, coop: 0, conflict: 0, latest: latestOf }
    if (e.polarity === 'coop') p.coop++
    else p.conflict++
    if ((latestOf.date ?? '') >= (p.latest.date ?? '')) p.latest = latestOf
    byPartner.set(other, p)
  }
  return [...byPartner.values()].sort((a, b) => b.coop + b.conflict - (a.coop + a.conflict) || a.actor.localeCompare(b.actor))
}
