import { useEffect, useState } from 'preact/hooks'

/**
 * The view and its settings live in the URL (?view=pair&a=RUS&b=PRK&at=2024-06), so that a view
 * can be shared and the back button works.
 */
export type Params = Record<string, string>

export function readParams(): Params {
  return Object.fromEntries(new URLSearchParams(location.search))
}

export function navigate(next: Params, replace = false): void {
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '' && v !== undefined))
  const url = `${location.pathname}?${new URLSearchParams(clean).toString()}`
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  window.dispatchEvent(new Event('entente:navigate'))
}

/** The current URL parameters; re-renders when they change. */
export function useParams(): [Params, (patch: Params, replace?: boolean) => void] {
  const [params, setParams] = useState(readParams)
  useEffect(() => {
    const update = () => setParams(readParams())
    window.addEventListener('popstate', update)
    window.addEventListener('entente:navigate', update)
    return () => { window.removeEventListener('popstate', update); window.removeEventListener('entente:navigate', update) }
  }, [])
  return [params, (patch, replace = false) => navigate({ ...readParams(), ...patch }, replace)]
}
