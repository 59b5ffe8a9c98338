/** A span to mark in a text: `open` goes before `start`, `close` after `end`. */
export interface Mark { start: number; end: number; open: string; close: string }

/** Inserts the marks into the text; nested spans close in order, a span crossing an open one is left out. */
export function markSpans(text: string, marks: Mark[]): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end)
  let out = ''
  let pos = 0
  const closes: { at: number; text: string }[] = []
  for (const m of sorted) {
    if (m.start < pos) continue
    while (closes.length && closes[closes.length - 1]!.at <= m.start) { const c = closes.pop()!; out += text.slice(pos, c.at) + c.text; pos = c.at }
    out += text.slice(pos, m.start) + m.open
    pos = m.start
    closes.push({ at: m.end, text: m.close })
    closes.sort((a, b) => b.at - a.at)
  }
  while (closes.length) { const c = closes.pop()!; out += text.slice(pos, c.at) + c.text; pos = c.at }
  return out + text.slice(pos)
}
