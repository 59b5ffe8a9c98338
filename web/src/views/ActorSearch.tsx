import { useEffect, useState } from 'preact/hooks'
import { api, type Actor } from '../api.ts'
import type { T } from './props.ts'

/** A search box over actors' names in every language; Enter or a click picks one. */
export function ActorSearch({ t, onPick }: { t: T; onPick: (id: string) => void }) {
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<Actor[]>([])
  const [active, setActive] = useState(0)
  useEffect(() => {
    if (q.trim().length < 2) { setHits([]); return }
    const timer = setTimeout(() => { api<Actor[]>(`/api/actors?q=${encodeURIComponent(q)}&limit=8`).then(setHits).catch(() => setHits([])) }, 150)
    return () => clearTimeout(timer)
  }, [q])
  const pick = (a: Actor | undefined) => { if (!a) return; onPick(a.id); setQ(''); setHits([]) }
  return (
    <div class="search" role="combobox" aria-expanded={hits.length > 0}>
      <label class="sr-only" for="actor-search">{t('search.label')}</label>
      <input id="actor-search" type="search" placeholder={t('search.placeholder')} value={q} autocomplete="off"
        onInput={(e) => { setQ((e.target as HTMLInputElement).value); setActive(0) }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1))
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
          else if (e.key === 'Enter') pick(hits[active])
          else if (e.key === 'Escape') setHits([])
        }} />
      {hits.length > 0 && (
        <ul class="hits" role="listbox">
          {hits.map((a, i) => (
            <li key={a.id} role="option" aria-selected={i === active} class={i === active ? 'active' : ''} onMouseDown={() => pick(a)}>
              <b>{a.id}</b> {a.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
