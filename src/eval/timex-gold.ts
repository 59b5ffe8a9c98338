/** A time expression annotated in a gold corpus (TIMEX2 inline, as in WikiWarsDE). */
export interface GoldTimex { start: number; end: number; text: string; value: string; mod?: string }

export interface TimexDocument { id: string; anchor: string | null; text: string; timexes: GoldTimex[] }

const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** Strips the inline TIMEX2 tags from a document's TEXT, keeping each one's span in the plain text. */
export function parseTimex2(xml: string, id: string): TimexDocument {
  const anchor = /<DATETIME>\s*<TIMEX2 val="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? null
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? ''
  const timexes: GoldTimex[] = []
  let text = ''
  const tag = /<TIMEX2([^>]*)>([\s\S]*?)<\/TIMEX2>|<[^>]+>|[^<]+/g
  for (const m of body.matchAll(tag)) {
    if (m[1] !== undefined) {
      // Nested TIMEX2 tags do not occur in WikiWarsDE; an inner tag would be dropped here.
      const inner = decodeEntities(m[2]!.replace(/<[^>]+>/g, ''))
      const value = /val="([^"]*)"/.exec(m[1])?.[1] ?? ''
      const mod = /mod="([^"]*)"/.exec(m[1])?.[1]
      timexes.push({ start: text.length, end: text.length + inner.length, text: inner, value, ...(mod ? { mod } : {}) })
      text += inner
    } else if (!m[0].startsWith('<')) {
      text += decodeEntities(m[0])
    }
  }
  return { id, anchor, text, timexes }
}

/** Calendar dates (YYYY, YYYY-MM, YYYY-MM-DD) and seasons (YYYY-SU …): what the value F1 counts. */
export function isCalendarOrSeason(value: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) || /^\d{4}-(SP|SU|FA|WI)$/.test(value)
}

export interface TimexScore {
  gold: number
  predicted: number
  extraction: { precision: number; recall: number; f1: number }
  value: { precision: number; recall: number; f1: number; correct: number }
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0)

/** Lenient extraction (spans overlap) and value F1 (overlap and the same value), one-to-one. */
export function scoreTimexes(pairs: { gold: GoldTimex[]; predicted: { start: number; end: number; value: string }[] }[]): TimexScore {
  let gold = 0, predicted = 0, overlaps = 0, correct = 0
  for (const doc of pairs) {
    const g = doc.gold.filter((t) => isCalendarOrSeason(t.value))
    // The subset is chosen by the gold's kind: a prediction over a time of day or a duration in the
    // gold ("am Morgen des 30. Juli" = 1914-07-30TMO) is outside it, neither right nor wrong here.
    const otherKinds = doc.gold.filter((t) => !isCalendarOrSeason(t.value))
    const p = doc.predicted.filter((t) => isCalendarOrSeason(t.value) && !otherKinds.some((o) => o.start < t.end && t.start < o.end))
    gold += g.length
    predicted += p.length
    const used = new Set<number>()
    for (const pred of p) {
      const i = g.findIndex((t, k) => !used.has(k) && t.start < pred.end && pred.start < t.end)
      if (i < 0) continue
      used.add(i)
      overlaps++
      if (g[i]!.value === pred.value) correct++
    }
  }
  const ep = predicted ? overlaps / predicted : 0, er = gold ? overlaps / gold : 0
  const vp = predicted ? correct / predicted : 0, vr = gold ? correct / gold : 0
  return { gold, predicted, extraction: { precision: ep, recall: er, f1: f1(ep, er) }, value: { precision: vp, recall: vr, f1: f1(vp, vr), correct } }
}
