import { render } from 'preact'
import { useState } from 'preact/hooks'
import { initialLang, translate, type Lang } from './i18n.ts'
import { useParams } from './route.ts'
import { ActorSearch } from './views/ActorSearch.tsx'
import { NetworkView } from './views/Network.tsx'
import { PairView } from './views/Pair.tsx'
import { MapView } from './views/MapView.tsx'
import { ReaderView } from './views/Reader.tsx'
import { IngestView } from './views/Ingest.tsx'
import { EventsView } from './views/Events.tsx'
import './styles.css'

const VIEWS = ['network', 'pair', 'map', 'events', 'reader', 'ingest'] as const
export type View = (typeof VIEWS)[number]

function App() {
  const [params, go] = useParams()
  const [lang, setLang] = useState<Lang>(() => (params.lang === 'en' || params.lang === 'de' ? params.lang : initialLang()))
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values)
  const view: View = (VIEWS as readonly string[]).includes(params.view ?? '') ? (params.view as View) : 'network'
  document.documentElement.lang = lang
  return (
    <div class="app">
      <header>
        <a class="brand" href="?view=network" onClick={(e) => { e.preventDefault(); go({ view: 'network' }) }}>
          <strong>{t('app.title')}</strong> <span class="tagline">{t('app.tagline')}</span>
        </a>
        <nav aria-label="views">
          {VIEWS.map((v) => (
            <a key={v} href={`?view=${v}`} aria-current={v === view ? 'page' : undefined} data-view={v}
              onClick={(e) => { e.preventDefault(); go({ view: v }) }}>{t(`nav.${v}`)}</a>
          ))}
          <a href="/api/docs" target="_blank" rel="noopener">{t('nav.api')}</a>
        </nav>
        <ActorSearch t={t} onPick={(id) => go(view === 'pair' ? (params.a ? { b: id } : { a: id }) : view === 'events' ? { actor: id, page: '' } : { focus: id, view: view === 'reader' || view === 'ingest' ? 'network' : view })} />
        <button class="lang" onClick={() => { const next = lang === 'de' ? 'en' : 'de'; setLang(next); go({ lang: next }, true) }}>{t('lang.switch')}</button>
      </header>
      <main>
        {view === 'network' && <NetworkView t={t} params={params} go={go} />}
        {view === 'pair' && <PairView t={t} params={params} go={go} />}
        {view === 'map' && <MapView t={t} params={params} go={go} />}
        {view === 'events' && <EventsView t={t} params={params} go={go} />}
        {view === 'reader' && <ReaderView t={t} params={params} go={go} />}
        {view === 'ingest' && <IngestView t={t} go={go} />}
      </main>
    </div>
  )
}

render(<App />, document.getElementById('app')!)
