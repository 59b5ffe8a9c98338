import { Type } from '@sinclair/typebox'
import { HttpError, knownActor, type Api, type RouteContext } from '../app.ts'
import { ActorCode, errors, Open, PartialDate, Span } from '../schemas.ts'
import { blocs, graphAt, relation, RELATION_EVIDENCE, timeline } from '../../service/questions.ts'
import { blocsOf } from '../../relations/graph.ts'
import { relationParams } from '../../service/relations.ts'

const Edge = Open({ source: Type.String(), target: Type.String(), score: Type.Number(), state: Type.String(), confidence: Type.String(), acts: Type.Integer(), standing: Type.Array(Type.String()), evidence: Type.Array(Type.String()) })
const Node = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), bloc: Type.Union([Type.Integer(), Type.Null()]) })

export function relationRoutes(api: Api, { store, kb }: RouteContext): void {
  const known = (id: string) => knownActor(kb, id)
  const ordered = (from?: string, to?: string) => { if (from && to && from > to) throw new HttpError(400, 'bad_request', `from ${from} is after to ${to}`) }

  api.get('/api/relations/:a/:b', {
    schema: {
      tags: ['relations'], summary: 'The relation of two actors over time: monthly score, state changes with their causes, standing facts, evidence',
      params: Type.Object({ a: ActorCode, b: ActorCode }),
      querystring: Type.Object({
        from: Type.Optional(PartialDate), to: Type.Optional(PartialDate), window: Type.Optional(Span), halfLife: Type.Optional(Span),
        evidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: `how many of the period's latest acts to list with their sentences (default ${RELATION_EVIDENCE})` })),
      }),
      response: {
        200: Open({
          a: Type.String(), b: Type.String(), names: Type.Array(Type.String()), from: Type.String(), to: Type.String(), halfLifeMonths: Type.Number(),
          now: Open({ state: Type.String(), score: Type.Number(), trend: Type.String(), confidence: Type.String() }),
          series: Type.Array(Type.Object({ month: Type.String(), score: Type.Number(), state: Type.String() })),
          changes: Type.Array(Open({ month: Type.String(), from: Type.String(), to: Type.String() })),
          standing: Type.Array(Open({ kind: Type.String() })),
          evidence: Type.Array(Open({ id: Type.String(), day: Type.String(), type: Type.String(), value: Type.Number(), sentence: Type.String() })),
          evidenceTotal: Type.Integer({ description: 'acts in the period; `evidence` lists the latest of them' }),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    ordered(req.query.from, req.query.to)
    return relation(store, kb, known(req.params.a), known(req.params.b), req.query)
  })

  api.get('/api/blocs', {
    schema: {
      tags: ['relations'], summary: 'Groups of actors that cooperate with each other at a date',
      querystring: Type.Object({ at: Type.Optional(PartialDate), halfLife: Type.Optional(Span) }),
      response: { 200: Type.Object({ at: Type.String(), blocs: Type.Array(Open({ id: Type.Integer(), members: Type.Array(Type.String()), names: Type.Array(Type.String()), cohesion: Type.Number(), holds: Type.Array(Open({})), ties: Type.Array(Edge) })) }), ...errors },
    },
  }, async (req) => blocs(store, kb, req.query))

  api.get('/api/graph', {
    schema: {
      tags: ['relations'], summary: 'The relation graph at a date: actors, relations whose score reaches `min`, and each actor\'s bloc',
      querystring: Type.Object({ at: Type.Optional(PartialDate), min: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), halfLife: Type.Optional(Span), news: Type.Optional(Type.Boolean({ description: 'only relations with news evidence (no bloc membership alone)' })) }),
      response: { 200: Type.Object({ at: Type.String(), nodes: Type.Array(Node), edges: Type.Array(Edge) }), ...errors },
    },
  }, async (req) => {
    const graph = await graphAt(store, kb, req.query)
    const edges = req.query.news ? graph.edges.filter((e) => e.acts > 0) : graph.edges
    const ids = new Set(edges.flatMap((e) => [e.source, e.target]))
    const bloc = new Map<string, number>()
    for (const b of blocsOf({ ...graph, edges }, relationParams())) for (const m of b.members) bloc.set(m, b.id)
    const nodes = [...ids].sort().map((id) => ({ id, name: kb.actors.get(id)?.name ?? id, kind: kb.actors.get(id)?.kind ?? 'unknown', bloc: bloc.get(id) ?? null }))
    return { at: graph.at, nodes, edges }
  })

  api.get('/api/timeline', {
    schema: {
      tags: ['relations'], summary: 'The span of the evidence, for a time slider: first and last day, and acts per month',
      response: { 200: Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.String(), months: Type.Array(Type.Object({ month: Type.String(), acts: Type.Integer() })) }), ...errors },
    },
  }, async () => timeline(store, kb))
}
