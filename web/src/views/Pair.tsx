import { useEffect, useRef } from 'preact/hooks'
import * as Plot from '@observablehq/plot'
import { STATE_COLOURS, useApi, type Relation } from '../api.ts'
import { Highlight } from './Highlight.tsx'
import type { ViewProps } from './props.ts'

/** Two actors over time: the score by month with its state changes, flows, standing facts and the evidence. */
export function PairView({ t, params, go }: ViewProps) {
  const { a, b } = params
  const to = params.at ? `&to=${params.at}` : ''
  const rel = useApi<Relation>(a && b ? `/api/relations/${a}/${b}?window=24m${to}` : null)
  const chart = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const r = rel.data
    if (!r || !chart.current) return
    const data = r.series.map((p) => ({ ...p, date: new Date(`${p.month}-15`) }))
    const changes = r.changes.map((c) => ({ ...c, date: new Date(`${c.month}-15`) }))
    const plot = Plot.plot({
      width: Math.min(900, chart.current.clientWidth || 800), height: 260, marginLeft: 44,
      y: { label: t('pair.score'), grid: true }, x: { type: 'utc', label: null },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.ruleY([2, 0.6, -0.6, -2], { stroke: '#ddd', strokeDasharray: '3,3' }),
        Plot.lineY(data, { x: 'date', y: 'score', stroke: '#333', curve: 'step-after' }),
        Plot.dot(changes, { x: 'date', y: 'score', r: 5, fill: (d: { to: keyof typeof STATE_COLOURS }) => STATE_COLOURS[d.to], title: (d: { month: string; from: string; to: string }) => `${d.month}: ${d.from} → ${d.to}` }),
      ],
    })
    chart.current.replaceChildren(plot)
  }, [rel.data])
  if (!a || !b) return <section class="pair"><p>{t('pair.choose')}</p><p>{a ? `${a} – …` : ''}</p></section>
  if (rel.error) return <section class="pair"><p class="error" role="alert">{t('common.error')}: {rel.error}</p></section>
  const r = rel.data
  if (!r) return <section class="pair"><p>{t('common.loading')}</p></section>
  return (
    <section class="pair" aria-label={`${r.names[0]} – ${r.names[1]}`}>
      <h1>{r.names[0]} ({a}) – {r.names[1]} ({b})</h1>
      <p class="summary" data-testid="pair-state">
        {t('pair.state')}: <span class={`state ${r.now.state}`}>{t(`state.${r.now.state}`)}</span> · {r.now.score.toFixed(2)} · {t('pair.trend')} {r.now.trend}
        {r.now.since ? ` · ${t('pair.since')} ${r.now.since}` : ''} · {t('pair.confidence')} {r.now.confidence} · {r.now.acts} {t('pair.acts')}
      </p>
      <div class="chart" ref={chart} aria-label={t('pair.score')} />
      {r.changes.length > 0 && (<>
        <h2>{t('pair.changes')}</h2>
        <ul>{r.changes.map((c) => <li key={c.month}>{c.month}: {t(`state.${c.from}`)} → {t(`state.${c.to}`)} ({c.score.toFixed(2)})</li>)}</ul>
      </>)}
      {r.now.flows.length > 0 && (<>
        <h2>{t('pair.flows')}</h2>
        <ul class="flows">{r.now.flows.map((f) => <li key={`${f.kind}${f.from}`}>{f.from} → {f.to}: <b>{f.kind}</b> ({f.acts}×, {f.latest}{f.quantity ? `, ${f.quantity}` : ''})</li>)}</ul>
      </>)}
      {r.standing.length > 0 && (<>
        <h2>{t('pair.standing')}</h2>
        <ul>{r.standing.map((f, i) => <li key={i}>{f.kind}: {f.from} → {f.to ?? '…'} ({f.basis.filter((x) => !/-\d+$/.test(x)).join(', ') || f.basis.length})</li>)}</ul>
      </>)}
      <h2>{t('pair.evidence')}</h2>
      {r.evidenceTotal > r.evidence.length && <p class="note" data-testid="evidence-total">{t('pair.latest', { shown: r.evidence.length, total: r.evidenceTotal })}</p>}
      <ol class="evidence" data-testid="evidence">
        {[...r.evidence].reverse().map((e) => (
          <li key={e.id}>
            <div class="meta">
              <span class="date" title={e.stated ? '' : t('pair.nodate')}>{e.day}{e.stated ? '' : '*'}</span> <b>{e.source} → {e.target}</b> {e.type} ({e.mode}) · {e.modality} · {e.confidence.toFixed(2)} · {e.value >= 0 ? '+' : ''}{e.value.toFixed(2)}
              {e.via ? ` · via ${e.via}` : ''} · {e.publisher ?? e.file}
            </div>
            <blockquote>
              <Highlight text={e.sentence} spans={[
                ...(e.trigger ? [{ start: e.trigger[0], end: e.trigger[1], cls: 'trigger' }] : []),
                ...(e.sourceSpan ? [{ start: e.sourceSpan[0], end: e.sourceSpan[1], cls: 'actor source' }] : []),
                ...(e.targetSpan ? [{ start: e.targetSpan[0], end: e.targetSpan[1], cls: 'actor target' }] : []),
              ]} />
            </blockquote>
            <a href={`?view=reader&doc=${e.doc}&event=${e.id}`} onClick={(ev) => { ev.preventDefault(); go({ view: 'reader', doc: e.doc, event: e.id }) }}>{t('pair.read')}</a>
          </li>
        ))}
      </ol>
    </section>
  )
}
