import { knowledgeBase } from '../src/service/context.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'
import type { Doc } from '../src/pipeline/document.ts'
import { GDELT_COLUMNS } from '../src/import/datasets.ts'

export const kb = knowledgeBase()
export const de = kb.packs.get('de')!

/** Runs the whole pipeline over a text written for the test. */
export function analyseText(text: string, date = '2025-06-17', lang = 'de'): Doc {
  return buildDoc({ index: 0, text, format: 'txt' }, '/tmp/test-input.txt', kb, { date, lang })
}

/** The relation events of a document (one-sided acts left out), as "SRC>TGT:TYPE[:modality]". */
export function eventStrings(doc: Doc): string[] {
  return doc.events.filter((e) => e.target !== null).map((e) => `${e.source}>${e.target}:${e.type}${e.modality === 'asserted' ? '' : `:${e.modality}`}`).sort()
}

/** The one-sided acts of a document (no partner named), as "SRC:TYPE[:modality]". */
export function oneSidedStrings(doc: Doc): string[] {
  return doc.events.filter((e) => e.target === null).map((e) => `${e.source}:${e.type}${e.modality === 'asserted' ? '' : `:${e.modality}`}`).sort()
}

/** A GDELT 2.0 export line with the given columns set and the rest empty. */
export function gdeltLine(fields: Record<string, string>): string {
  return GDELT_COLUMNS.map((c) => fields[c] ?? '').join('\t')
}

/** A multipart body with the given files in the field "files". */
export function multipart(files: { name: string; content: string | Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----entente-test-boundary'
  const parts = files.map((f) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content), Buffer.from('\r\n'),
  ]))
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
