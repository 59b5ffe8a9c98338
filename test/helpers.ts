import { knowledgeBase } from '../src/service/context.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'
import type { Doc } from '../src/pipeline/document.ts'

export const kb = knowledgeBase()
export const de = kb.packs.get('de')!

/** Runs the whole pipeline over a text written for the test. */
export function analyseText(text: string, date = '2025-06-17', lang = 'de'): Doc {
  return buildDoc({ index: 0, text, format: 'txt' }, '/tmp/test-input.txt', kb, { date, lang })
}

/** Events as compact strings: "IRN>RUS:AID" plus ":modality" when not asserted. */
export function eventStrings(doc: Doc): string[] {
  return doc.events.map((e) => `${e.source}>${e.target}:${e.type}${e.modality === 'asserted' ? '' : `:${e.modality}`}`).sort()
}
