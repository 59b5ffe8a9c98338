import type { Doc } from './document.ts'
import type { LanguagePack } from '../lang/pack.ts'
import type { KnowledgeBase } from '../kb/knowledge.ts'

export type DocField = 'text' | 'date' | 'sentences' | 'tokens' | 'mentions' | 'times' | 'timeMode' | 'events'

export interface StageContext {
  kb: KnowledgeBase
  pack: LanguagePack
}

/** A pure step over a document: it declares what it reads and what it adds. */
export interface Stage {
  name: string
  requires: DocField[]
  assigns: DocField[]
  run(doc: Doc, ctx: StageContext): Doc
}

export class StageError extends Error {
  constructor(readonly stage: string, readonly docFile: string, cause: unknown) {
    super(`stage ${stage} failed on ${docFile}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** Runs stages in order, checking each one's declared needs against what earlier ones assigned. */
export function runStages(stages: Stage[], doc: Doc, ctx: StageContext): Doc {
  const available = new Set<DocField>(['text', 'date'])
  let current = doc
  for (const stage of stages) {
    const missing = stage.requires.filter((f) => !available.has(f))
    if (missing.length) throw new StageError(stage.name, doc.file, new Error(`needs ${missing.join(', ')}, which no earlier stage assigns`))
    try {
      current = stage.run(current, ctx)
    } catch (err) {
      throw new StageError(stage.name, doc.file, err)
    }
    for (const f of stage.assigns) available.add(f)
  }
  return current
}
