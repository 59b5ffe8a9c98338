import type { KnowledgeBase } from '../kb/knowledge.ts'
import { analysisVersion } from '../kb/analysis-version.ts'
import { analyse } from '../pipeline/pipeline.ts'
import { storable, type Doc, type DocDate, type StorableDoc } from '../pipeline/document.ts'
import type { Store, StoredArticle } from '../store/store.ts'
import { refreshPairStates } from './pair-states.ts'
import { SAVE_BATCH } from './ingest.ts'

export interface ReanalyseSummary {
  /** Articles an older analysis made, before this run. */
  outdated: number
  reanalysed: number
  failed: number
  events: number
  seconds: number
  errors: { file: string; reason: string }[]
}

/** A stored article, as ingestion made it, through the understanding stages of this analysis. */
export function reanalysed(a: StoredArticle, kb: KnowledgeBase): StorableDoc {
  const pack = kb.packs.get(a.lang)
  if (!pack) throw new Error(`no language pack for "${a.lang}" (installed: ${[...kb.packs.keys()].join(', ')})`)
  const doc: Doc = {
    id: a.id, file: a.file, sourceKey: a.sourceKey, format: a.format, title: a.title, publisher: a.publisher, url: a.url,
    lang: a.lang, langSource: a.langSource as Doc['langSource'], date: a.date as DocDate | null, text: a.text,
    sentences: [], tokens: [], mentions: [], times: [], events: [], analysis: analysisVersion(kb.dataDir),
  }
  return storable(analyse(doc, { kb, pack }))
}

/**
 * Runs the understanding stages of this analysis again over every stored article an older one made
 * (after an upgrade of the rules or the data), from the text as stored: the articles keep their ids,
 * sources, dates and languages; their sentences, mentions, times and events are made anew, and the
 * relation series and states follow. An article that fails is reported and keeps what it had.
 */
export async function reanalyseStore(kb: KnowledgeBase, store: Store, onProgress?: (done: number, total: number) => void): Promise<ReanalyseSummary> {
  const started = performance.now()
  const analysis = analysisVersion(kb.dataDir)
  const summary: ReanalyseSummary = { outdated: await store.countOutdated(analysis), reanalysed: 0, failed: 0, events: 0, seconds: 0, errors: [] }
  let after: string | null = null
  let done = 0
  for (;;) {
    const page = await store.outdatedArticles(analysis, { after, limit: SAVE_BATCH })
    if (page.length === 0) break
    after = page[page.length - 1]!.id
    const batch: { doc: StorableDoc; path: string }[] = []
    for (const article of page) {
      try {
        batch.push({ doc: reanalysed(article, kb), path: article.path })
      } catch (err) {
        summary.failed++
        summary.errors.push({ file: `${article.path} (${article.id})`, reason: (err as Error).message })
      }
    }
    const outcomes = await store.saveDocuments(batch)
    batch.forEach((b, i) => {
      if (outcomes[i] === 'reanalysed') {
        summary.reanalysed++
        summary.events += b.doc.events.length
      }
    })
    onProgress?.((done += page.length), summary.outdated)
  }
  if (summary.reanalysed > 0) await refreshPairStates(store, kb)
  summary.seconds = (performance.now() - started) / 1000
  return summary
}
