import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import Graph from 'graphology'
import Sigma from 'sigma'
import { circular } from 'graphology-layout'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import { BLOC_COLOURS, STATE_COLOURS, useApi, type Graph as ApiGraph, type Timeline } from '../api.ts'
import type { ViewProps } from './props.ts'

const query = (o: Record<string, string | number | boolean | undefined>) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString()

/** Actors as nodes, relations as edges coloured hostile → allied and sized by evidence, over a time slider. */
export function NetworkView({ t, params, go }: ViewProps) {
  const timeline = useApi<Timeline>('/api/timeline')
  const months = timeline.data?.months.map((m) => m.month) ?? []
  const news = params.news !== 'false'
  const min = Number(params.min ?? 0)
  const at = params.at ?? months.at(-1) ?? ''
  const index = Math.max(0, months.indexOf(at))
  // The layout is the graph at the end of the latest month: on big stores a month's end reads the
  // stored edges, where the latest act's day (a date left out) reads every pair's state.
  const layout = useApi<ApiGraph>(timeline.data ? `/api/graph?${query({ at: months.at(-1), news, min })}` : null)
  const current = useApi<ApiGraph>(at ? `/api/graph?${query({ at, news, min })}` : null)
  const [playing, setPlaying] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma | null>(null)
  const graph = useMemo(() => new Graph({ type: 'undirected', multi: false }), [])
  const focus = params.focus ?? ''

  // Positions come from the graph of the whole period, so that nodes stay put while the slider moves.
  useEffect(() => {
    const g = layout.data
    if (!g || !container.current) return
    graph.clear()
    for (const n of g.nodes) graph.addNode(n.id, { label: `${n.id} ${n.name}`, size: 6, color: n.bloc ? BLOC_COLOURS[(n.bloc - 1) % BLOC_COLOURS.length] : '#8a8a8a' })
    for (const e of g.edges) graph.addEdge(e.source, e.target, { weight: Math.max(0.1, Math.abs(e.score)) })
    circular.assign(graph)
    if (graph.order > 1) forceAtlas2.assign(graph, { iterations: graph.order > 500 ? 60 : 150, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, barnesHutOptimize: graph.order > 500 } })
    graph.clearEdges()
    if (!sigma.current) {
      sigma.current = new Sigma(graph, container.current, { renderEdgeLabels: false, labelRenderedSizeThreshold: 4, defaultEdgeType: 'line' })
      sigma.current.on('clickNode', ({ node }) => go({ focus: node }))
      sigma.current.on('clickEdge', ({ edge }) => { const [a, b] = graph.extremities(edge); go({ view: 'pair', a, b }) })
    }
  }, [layout.data])

  // The relations of the chosen month.
  useEffect(() => {
    const g = current.data
    if (!g || !sigma.current) return
    graph.clearEdges()
    const degree = new Map<string, number>()
    for (const e of g.edges) {
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue
      graph.addEdge(e.source, e.target, { color: STATE_COLOURS[e.state], size: 1 + Math.min(6, Math.log2(1 + e.acts + e.standing.length)), state: e.state })
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1)
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1)
    }
    graph.forEachNode((n) => graph.mergeNodeAttributes(n, { hidden: !degree.has(n), size: 4 + Math.min(10, 2 * Math.sqrt(degree.get(n) ?? 0)) }))
    sigma.current.refresh()
  }, [current.data, layout.data])

  // Focus: the actor and its neighbours stand out.
  useEffect(() => {
    const s = sigma.current
    if (!s) return
    const near = new Set(focus && graph.hasNode(focus) ? [focus, ...graph.neighbors(focus)] : [])
    s.setSetting('nodeReducer', (n, attrs) => (near.size && !near.has(n) ? { ...attrs, color: '#e0e0e0', label: '' } : n === focus ? { ...attrs, highlighted: true } : attrs))
    s.setSetting('edgeReducer', (e, attrs) => (near.size && !graph.extremities(e).includes(focus) ? { ...attrs, hidden: true } : attrs))
  }, [focus, current.data])

  useEffect(() => () => { sigma.current?.kill(); sigma.current = null }, [])

  useEffect(() => {
    if (!playing || !months.length) return
    const timer = setInterval(() => {
      const next = months[Math.min(months.length - 1, months.indexOf(at) + 1)]!
      if (next === at) setPlaying(false)
      else go({ at: next }, true)
    }, 700)
    return () => clearInterval(timer)
  }, [playing, at, months.length])

  const edges = current.data?.edges.length ?? 0
  return (
    <section class="network" aria-label={t('nav.network')}>
      <div class="toolbar">
        <button onClick={() => { if (!playing && index === months.length - 1) go({ at: months[0]! }, true); setPlaying(!playing) }} aria-pressed={playing}>
          {playing ? t('slider.pause') : t('slider.play')}
        </button>
        <label class="slider">
          <span>{t('slider.label')}</span>
          <input type="range" min={0} max={Math.max(0, months.length - 1)} value={index} aria-valuetext={at} data-testid="time-slider"
            onInput={(e) => go({ at: months[Number((e.target as HTMLInputElement).value)]! }, true)} />
          <output data-testid="slider-date">{at}</output>
        </label>
        <label><input type="checkbox" checked={news} onChange={(e) => go({ news: String((e.target as HTMLInputElement).checked) }, true)} /> {t('filter.news')}</label>
        <label>{t('filter.min')} <input type="number" step="0.1" min="0" value={min} style="width:4.5em" onChange={(e) => go({ min: (e.target as HTMLInputElement).value }, true)} /></label>
        {focus && <button onClick={() => go({ focus: '' })}>{t('network.clear')} ({focus})</button>}
      </div>
      <p class="status" data-testid="edge-count">{edges} {t('network.edges')} · {at}</p>
      {current.data && edges === 0 && <p class="empty">{t('network.empty')}</p>}
      <div class="graph" ref={container} data-testid="graph" role="img" aria-label={`${edges} ${t('network.edges')} ${at}`} />
      <p class="legend">
        {(['hostile', 'strained', 'neutral', 'aligned', 'allied'] as const).map((s) => <span key={s}><i style={{ background: STATE_COLOURS[s] }} />{t(`state.${s}`)}</span>)}
        <small>{t('network.legend')}</small>
      </p>
      {focus && current.data && (
        <ul class="neighbours" aria-label={focus}>
          {current.data.edges.filter((e) => e.source === focus || e.target === focus).sort((x, y) => y.score - x.score).map((e) => {
            const other = e.source === focus ? e.target : e.source
            return <li key={other}><a href={`?view=pair&a=${focus}&b=${other}`} onClick={(ev) => { ev.preventDefault(); go({ view: 'pair', a: focus, b: other }) }}>{other}</a> <span class={`state ${e.state}`}>{t(`state.${e.state}`)}</span> {e.score.toFixed(2)}</li>
          })}
        </ul>
      )}
    </section>
  )
}
