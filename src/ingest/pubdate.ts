import type { DocDate } from '../pipeline/document.ts'
import type { LanguagePack } from '../lang/pack.ts'
import { tagTimes } from '../time/tagger.ts'

const HEADER_LINES = 12

/** A metadata date ("2024-06-19T10:00:00Z", "Wed, 19 Jun 2024 …") as YYYY-MM-DD. */
export function normaliseMetadataDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const t = Date.parse(value)
  if (Number.isNaN(t)) return null
  return new Date(t).toISOString().slice(0, 10)
}

/**
 * The publication date stated in the article's header: a line with a cue word
 * ("Stand:", "Aktualisiert am") first, else a full date standing alone near the top.
 */
export function statedDate(text: string, pack: LanguagePack): DocDate | null {
  // The first lines that are not empty, by their place in the text.
  const header: { start: number; end: number; line: string }[] = []
  for (let start = 0; start <= text.length && header.length < HEADER_LINES;) {
    const nl = text.indexOf('\n', start)
    const end = nl < 0 ? text.length : nl
    const line = text.slice(start, end)
    if (line.trim()) header.push({ start, end, line })
    if (nl < 0) break
    start = nl + 1
  }
  if (!header.length) return null
  // The whole text is tagged, as reading it tags it again (the tagger keeps the last text's
  // matches); a date is a line's when it lies within it.
  const last = header.at(-1)!.end
  const days = tagTimes(text, pack.time, { anchor: null }).filter((t) => t.precision === 'day' && t.end <= last)
  let fallback: DocDate | null = null
  for (const { start, end, line } of header) {
    const first = days.find((t) => t.start >= start && t.end <= end)
    if (!first) continue
    const cued = pack.meta.dateCues.some((cue) => line.includes(cue))
    if (cued) return { value: first.date, source: 'text', rule: `${pack.code}.meta.date-cue` }
    // A short line that is mostly a date is a dateline ("25/12/2015 12:08 CET").
    if (!fallback && line.trim().length < 60) fallback = { value: first.date, source: 'text', rule: `${pack.code}.meta.dateline` }
  }
  return fallback
}

/** No date stated: the latest absolute date the text mentions, marked as estimated. */
export function estimatedDate(text: string, pack: LanguagePack): DocDate | null {
  const dates = tagTimes(text, pack.time, { anchor: null })
    .filter((t) => t.anchorable && t.precision !== 'decade')
    .map((t) => t.date)
    .filter((d) => Number(d.slice(0, 4)) <= new Date().getUTCFullYear())
  if (!dates.length) return null
  const latest = dates.sort().at(-1)!
  return { value: latest, source: 'estimated', rule: 'estimate.latest-mentioned-date' }
}
