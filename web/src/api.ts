import { useEffect, useState } from 'preact/hooks'

export type State = 'allied' | 'aligned' | 'neutral' | 'strained' | 'hostile'
export interface Actor { id: string; name: string; kind: string; names: Record<string, string[]> }
export interface Edge { source: string; target: string; score: number; state: State; confidence: string; acts: number; standing: string[]; evidence: string[] }
export interface GraphNode { id: string; name: string; kind: string; bloc: number | null }
export interface Graph { at: string; nodes: GraphNode[]; edges: Edge[] }
export interface Timeline { from: string | null; to: string; months: { month: string; acts: number }[] }
export interface Flow { kind: string; from: string; to: string; acts: number; latest: string; quantity: string | null }
export interface Standing { kind: string; a: string; b: string; from: string; to: string | null; basis: string[] }
export interface Evidence { id: string; day: string; stated: boolean; source: string; target: string; type: string; mode: string; modality: string; value: number; valueAtEnd: number; reports: number; via: string | null; sentence: string; file: string; doc: string; trigger: [number, number] | null; sourceSpan: [number, number] | null; targetSpan: [number, number] | null; confidence: number; publisher: string | null }
export interface Relation {
  a: string; b: string; names: [string, string]; from: string; to: string
  now: { state: State; score: number; confidence: string; acts: number; sources: number; trend: string; since: string | null; flows: Flow[]; dimensions: Record<string, number> }
  series: { month: string; score: number; state: State }[]
  changes: { month: string; from: State; to: State; score: number; causes: { id: string; value: number }[] }[]
  standing: Standing[]
  /** The latest acts of the period; `evidenceTotal` of them in all. */
  evidence: Evidence[]
  evidenceTotal: number
}
export interface Counterpart { actor: string; name: string; state: State; score: number; trend: string; since: string | null; acts: number }
export interface Allies { actor: string; name: string; at: string; counterparts: Counterpart[] }
/** `target` is null for a one-sided act (no partner named). */
export interface EventRecord { id: string; file: string; source: string; target: string | null; type: string; mode: string; modality: string; date: string | null; sentence: string; start: number; end: number; rule: string; confidence: number; doc: string; trace: string[]; attribution: string | null }
export interface DocSummary { id: string; file: string; title: string | null; lang: string; date: string | null; events: number }
export interface Doc {
  id: string; file: string; title: string | null; lang: string; date: string | null; dateSource: string | null; text: string
  mentions: { start: number; end: number; actor: string; kind: string; rule: string }[]
  times: { start: number; end: number; text: string; value: string; rule: string }[]
  events: { id: string; source: string; target: string | null; type: string; mode: string; modality: string; date: string | null; start: number; end: number; sourceSpan: [number, number]; targetSpan: [number, number] | null; rule: string; trace: string[]; sentenceText: string }[]
}
export interface Job { id: string; status: 'running' | 'done' | 'failed'; total: number; done: number; files: string[]; error: string | null; summary: null | { documents: Record<string, number>; events: number; errors: { file: string; reason: string }[] } }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message) }
}

export async function api<T>(path: string): Promise<T> {
  const r = await fetch(path)
  const body = await r.json() as T & { code?: string; message?: string }
  if (!r.ok) throw new ApiError(r.status, body.code ?? 'error', body.message ?? r.statusText)
  return body
}

/** Fetches a path whenever it changes; null path: nothing to fetch. */
export function useApi<T>(path: string | null): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: !!path })
  useEffect(() => {
    if (!path) { setState({ data: null, error: null, loading: false }); return }
    let live = true
    setState((s) => ({ ...s, loading: true, error: null }))
    api<T>(path).then((data) => { if (live) setState({ data, error: null, loading: false }) })
      .catch((err: Error) => { if (live) setState({ data: null, error: err.message, loading: false }) })
    return () => { live = false }
  }, [path])
  return state
}

/** Colours of the five states, from hostile red to allied blue (a colour-blind safe diverging scale). */
export const STATE_COLOURS: Record<State, string> = { hostile: '#b2182b', strained: '#ef8a62', neutral: '#bababa', aligned: '#67a9cf', allied: '#2166ac' }
export const BLOC_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666']
