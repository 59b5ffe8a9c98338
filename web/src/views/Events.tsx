import { useApi, type EventRecord } from '../api.ts'
import { Highlight } from './Highlight.tsx'
import type { ViewProps } from './props.ts'

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']
const MODALITIES = ['asserted', 'reported', 'hedged', 'planned', 'denied', 'negated']
const PAGE = 50
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/

/** Every event, filtered by actor, types, modalities, language, source and dates; the filters live in the URL. */
export function EventsView({ t, params, go }: ViewProps) {
  const chosen = (key: string) => (params[key] ? params[key]!.split(',') : [])
  const toggle = (key: string, value: string) => {
    const set = new Set(chosen(key))
    if (set.has(value)) set.delete(value); else set.add(value)
    go({ [key]: [...set].join(','), page: '' }, true)
  }
  const page = Number(params.page ?? 0)
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(page * PAGE) })
  for (const key of ['actor', 'types', 'modalities', 'publisher']) if (params[key]) q.set(key, params[key]!)
  if (params.partner === 'named' || params.partner === 'none') q.set('partner', params.partner)
  // ("lang" in the URL is the interface's language; the articles' language is "elang".)
  if (params.elang) q.set('lang', params.elang)
  for (const key of ['from', 'to']) if (params[key] && DATE.test(params[key]!)) q.set(key, params[key]!)
  const events = useApi<{ total: number; items: (EventRecord & { cluster: string | null; sources: number })[] }>(`/api/events?${q.toString()}`)
  const field = (key: string, label: string, placeholder = '') => (
    <label>{label} <input name={key} value={params[key] ?? ''} placeholder={placeholder} size={10} onChange={(e) => go({ [key]: (e.target as HTMLInputElement).value.trim(), page: '' }, true)} /></label>
  )
  const total = events.data?.total ?? 0
  return (
    <section class="events">
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {field('actor', t('search.label'), 'RUS')}
        {field('from', t('filter.from'), '2024-01')}
        {field('to', t('filter.to'), '2025-06')}
        {field('publisher', t('filter.source'))}
        <label>{t('filter.lang')} <select value={params.elang ?? ''} onChange={(e) => go({ elang: (e.target as HTMLSelectElement).value, page: '' }, true)}>
          <option value="">–</option><option value="de">de</option><option value="en">en</option>
        </select></label>
        <label>{t('filter.partner')} <select name="partner" value={params.partner ?? ''} onChange={(e) => go({ partner: (e.target as HTMLSelectElement).value, page: '' }, true)}>
          <option value="">{t('filter.partner.any')}</option><option value="named">{t('filter.partner.named')}</option><option value="none">{t('filter.partner.none')}</option>
        </select></label>
        <fieldset><legend>{t('filter.types')}</legend>
          {TYPES.map((x) => <label key={x} class="chip"><input type="checkbox" checked={chosen('types').includes(x)} onChange={() => toggle('types', x)} />{x}</label>)}
        </fieldset>
        <fieldset><legend>{t('filter.modalities')}</legend>
          {MODALITIES.map((x) => <label key={x} class="chip"><input type="checkbox" checked={chosen('modalities').includes(x)} onChange={() => toggle('modalities', x)} />{x}</label>)}
        </fieldset>
      </form>
      {events.error && <p class="error" role="alert">{events.error}</p>}
      <p class="status" data-testid="event-count">{total} · {page * PAGE + 1}–{Math.min(total, (page + 1) * PAGE)}</p>
      <table class="event-table">
        <thead><tr><th>{t('events.date')}</th><th>{t('events.event')}</th><th>{t('events.modality')}</th><th>{t('events.sentence')}</th></tr></thead>
        <tbody>
          {events.data?.items.map((e) => (
            <tr key={e.id}>
              <td>{e.date ?? '—'}</td>
              <td><b>{e.source} → {e.target ?? '·'}</b><br />{e.type} <small>({e.mode})</small></td>
              <td>{e.modality}{e.sources > 1 ? <small> · {e.sources} {t('events.sources')}</small> : null}</td>
              <td><Highlight text={e.sentence} spans={[{ start: e.start, end: e.end, cls: 'trigger' }]} />{' '}
                <a href={`?view=reader&doc=${e.doc}&event=${e.id}`} onClick={(ev) => { ev.preventDefault(); go({ view: 'reader', doc: e.doc, event: e.id }) }}>{t('pair.read')}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button disabled={page === 0} onClick={() => go({ page: String(page - 1) }, true)}>←</button>{' '}
        <button disabled={(page + 1) * PAGE >= total} onClick={() => go({ page: String(page + 1) }, true)}>→</button>
      </p>
    </section>
  )
}
