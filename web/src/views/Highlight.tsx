/** Text with marked spans; spans may nest or overlap: each piece carries the classes of the spans over it. */
export interface Span { start: number; end: number; cls: string; title?: string; id?: string }

export function Highlight({ text, spans, onSpan }: { text: string; spans: Span[]; onSpan?: (s: Span) => void }) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b)
  const pieces = []
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!]
    const over = spans.filter((s) => s.start <= a && s.end >= b)
    // Text goes in as text, never as HTML.
    if (!over.length) { pieces.push(text.slice(a, b)); continue }
    const top = over.find((s) => s.id) ?? over[0]!
    pieces.push(
      <mark key={a} class={over.map((s) => s.cls).join(' ')} title={over.map((s) => s.title).filter(Boolean).join(' · ')}
        data-event={top.id} tabIndex={top.id ? 0 : undefined}
        onClick={top.id && onSpan ? () => onSpan(top) : undefined}
        onKeyDown={top.id && onSpan ? (e) => { if (e.key === 'Enter') onSpan(top) } : undefined}>{text.slice(a, b)}</mark>,
    )
  }
  return <>{pieces}</>
}
