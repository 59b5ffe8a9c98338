import { useEffect, useState } from 'preact/hooks'
import { api, type Job } from '../api.ts'
import type { T } from './props.ts'
import type { Params } from '../route.ts'

/** Drop files onto the page: a progress bar while they upload and are read, then the summary and each file's errors. */
export function IngestView({ t, go }: { t: T; go: (p: Params) => void }) {
  const [progress, setProgress] = useState<{ phase: string; share: number } | null>(null)
  const [job, setJob] = useState<Job | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState(false)
  // A server reachable from other machines takes uploads only with its access token.
  const [needToken, setNeedToken] = useState(false)
  const [token, setToken] = useState(() => sessionStorage.getItem('entente-token') ?? '')
  useEffect(() => { void api<{ writeToken?: boolean }>('/api/health').then((h) => setNeedToken(!!h.writeToken)).catch(() => undefined) }, [])
  const keepToken = (value: string) => { setToken(value); sessionStorage.setItem('entente-token', value) }

  const upload = (files: FileList | null) => {
    if (!files?.length) return
    setJob(null); setError(null)
    const form = new FormData()
    for (const f of Array.from(files)) form.append('files', f, f.name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/ingest')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) setProgress({ phase: t('ingest.uploading'), share: e.loaded / e.total / 2 }) }
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText) as Job & { message?: string }
      if (xhr.status === 401) setNeedToken(true)
      if (xhr.status !== 202) { setError(body.message ?? xhr.statusText); setProgress(null); return }
      const poll = async () => {
        const j = await api<Job>(`/api/ingest/${body.id}`)
        setProgress({ phase: j.status === 'running' ? t('ingest.processing') : t('ingest.done'), share: 0.5 + (j.total ? j.done / j.total / 2 : 0.5) })
        if (j.status === 'running') setTimeout(poll, 200)
        else setJob(j)
      }
      void poll()
    }
    xhr.onerror = () => { setError(t('common.error')); setProgress(null) }
    xhr.send(form)
  }

  const s = job?.summary
  return (
    <section class="ingest">
      <label class={`drop${over ? ' over' : ''}`} data-testid="drop"
        onDragOver={(e) => { e.preventDefault(); setOver(true) }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); upload(e.dataTransfer?.files ?? null) }}>
        <span>{t('ingest.drop')}</span>
        <input type="file" multiple data-testid="file-input" onChange={(e) => upload((e.target as HTMLInputElement).files)} />
      </label>
      {needToken && (
        <label class="token">{t('ingest.token')} <input type="password" autocomplete="off" data-testid="token-input" value={token} onInput={(e) => keepToken((e.target as HTMLInputElement).value)} /></label>
      )}
      {progress && <div class="progress"><progress value={progress.share} max={1} aria-label={progress.phase} /> {progress.phase} {Math.round(progress.share * 100)}%</div>}
      {error && <p class="error" role="alert">{error}</p>}
      {s && (
        <div class="result" data-testid="ingest-summary">
          <p>{t('ingest.summary', { new: s.documents['new'] ?? 0, unchanged: s.documents['unchanged'] ?? 0, replaced: s.documents['replaced'] ?? 0, failed: s.documents['failed'] ?? 0, events: s.events })}</p>
          {s.errors.length > 0 && (<><h2>{t('ingest.errors')}</h2><ul>{s.errors.map((e, i) => <li key={i}><b>{e.file}</b>: {e.reason}</li>)}</ul></>)}
          <p><a href="?view=reader" onClick={(e) => { e.preventDefault(); go({ view: 'reader' }) }}>{t('nav.reader')}</a></p>
        </div>
      )}
    </section>
  )
}
