import { useApi, type Doc, type DocSummary } from '../api.ts'
import { Highlight, type Span } from './Highlight.tsx'
import type { ViewProps } from './props.ts'

/** A document with what was found in it highlighted, and the list of its events; an event explains itself. */
export function ReaderView({ t, params, go }: ViewProps) {
  const list = useApi<{ items: DocSummary[]; total: number }>('/api/documents?limit=200')
  const doc = useApi<Doc>(params.doc ? `/api/documents/${encodeURIComponent(params.doc)}` : null)
  const d = doc.data
  const chosen = d?.events.find((e) => e.id === params.event)
  const spans: Span[] = d ? [
    ...d.mentions.map((m) => ({ start: m.start, end: m.end, cls: `mention kind-${m.kind}`, title: `${m.actor} (${m.kind})` })),
    ...d.times.map((x) => ({ start: x.start, end: x.end, cls: 'time', title: x.value })),
    ...d.events.map((e) => ({ start: e.start, end: e.end, cls: `trigger${e.id === params.event ? ' chosen' : ''}`, title: `${e.source} → ${e.target ?? '·'} ${e.type}`, id: e.id })),
  ] : []
  return (
    <section class="reader">
      <aside class="docs" aria-label={t('reader.documents')}>
        <h2>{t('reader.documents')} ({list.data?.total ?? '…'})</h2>
        <ul>
          {list.data?.items.map((x) => (
            <li key={x.id} class={x.id === params.doc ? 'current' : ''}>
              <a href={`?view=reader&doc=${x.id}`} onClick={(e) => { e.preventDefault(); go({ doc: x.id, event: '' }) }}>{x.title ?? x.file}</a>
              <small> {x.date ?? ''} · {x.lang} · {x.events}</small>
            </li>
          ))}
        </ul>
      </aside>
      <article data-testid="reader-text">
        {!d && <p>{doc.loading ? t('common.loading') : t('reader.none')}</p>}
        {d && (<>
          <h1>{d.title ?? d.file}</h1>
          <p class="meta">{d.file} · {d.lang} · {d.date ?? '—'}{d.dateSource === 'estimated' ? ' (estimated)' : ''}</p>
          <div class="text"><Highlight text={d.text} spans={spans} onSpan={(s) => go({ event: s.id ?? '' }, true)} /></div>
        </>)}
      </article>
      {d && (
        <aside class="found" aria-label={t('reader.extracted')}>
          <h2>{t('reader.extracted')} ({d.events.length})</h2>
          <ul>
            {d.events.map((e) => (
              <li key={e.id} class={e.id === params.event ? 'current' : ''}>
                <a href={`?view=reader&doc=${d.id}&event=${e.id}`} onClick={(ev) => { ev.preventDefault(); go({ event: e.id }, true) }}>
                  {e.source} → {e.target ?? '·'} {e.type}</a> <small>{e.modality} {e.date ?? ''}</small>
              </li>
            ))}
          </ul>
          {chosen && (
            <div class="explain" data-testid="explain">
              <h3>{t('reader.explain')}</h3>
              <p>{chosen.sentenceText}</p>
              <p>{t('reader.rule')}: <code>{chosen.rule}</code> · {chosen.mode} · {chosen.modality}</p>
              <h4>{t('reader.trace')}</h4>
              <ol>{chosen.trace.map((s, i) => <li key={i}><code>{s}</code></li>)}</ol>
            </div>
          )}
        </aside>
      )}
    </section>
  )
}
