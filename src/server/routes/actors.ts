import { Type } from '@sinclair/typebox'
import { knownActor, type Api, type RouteContext } from '../app.ts'
import { ActorCode, errors, Open, PartialDate, Span } from '../schemas.ts'
import { searchActors, actorRecords } from '../../service/actors.ts'
import { allies, changes } from '../../service/questions.ts'

const Actor = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), names: Type.Record(Type.String(), Type.Array(Type.String())) })

const Counterpart = Open({
  actor: Type.String(), name: Type.String(), state: Type.String(), score: Type.Number(), trend: Type.String(), change: Type.Number(),
  since: Type.Union([Type.String(), Type.Null()]), confidence: Type.String(), acts: Type.Integer(), sources: Type.Integer(),
  dimensions: Type.Record(Type.String(), Type.Number()), directed: Type.Record(Type.String(), Type.Number()),
  flows: Type.Array(Open({ kind: Type.String(), from: Type.String(), to: Type.String(), acts: Type.Integer(), latest: Type.String(), quantity: Type.Union([Type.String(), Type.Null()]) })),
  standing: Type.Array(Open({ kind: Type.String(), from: Type.String(), to: Type.Union([Type.String(), Type.Null()]), basis: Type.Array(Type.String()) })),
  evidence: Type.Array(Type.String()),
})

export function actorRoutes(api: Api, { store, kb }: RouteContext): void {
  const known = (id: string) => knownActor(kb, id)

  api.get('/api/actors', {
    schema: {
      tags: ['actors'], summary: 'Search actors by code or by any of their names, in any language',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })) }),
      response: { 200: Type.Array(Actor), ...errors },
    },
  }, async (req) => (req.query.q ? searchActors(kb, req.query.q, req.query.limit ?? 20) : actorRecords(kb).slice(0, req.query.limit ?? 20)))

  api.get('/api/actors/:id', {
    schema: { tags: ['actors'], summary: 'One actor with its names', params: Type.Object({ id: ActorCode }), response: { 200: Actor, ...errors } },
  }, async (req) => actorRecords(kb).find((a) => a.id === known(req.params.id))!)

  api.get('/api/actors/:id/allies', {
    schema: {
      tags: ['relations'], summary: 'Every counterpart of an actor at a date, from most cooperative to most hostile',
      params: Type.Object({ id: ActorCode }),
      querystring: Type.Object({ at: Type.Optional(PartialDate), window: Type.Optional(Span), halfLife: Type.Optional(Span) }),
      response: { 200: Type.Object({ actor: Type.String(), name: Type.String(), at: Type.String(), windowMonths: Type.Number(), halfLifeMonths: Type.Number(), undated: Type.Integer(), counterparts: Type.Array(Counterpart) }), ...errors },
    },
  }, async (req) => allies(store, kb, known(req.params.id), req.query))

  api.get('/api/actors/:id/changes', {
    schema: {
      tags: ['relations'], summary: 'Who moved from one state to another with the actor between two dates',
      params: Type.Object({ id: ActorCode }),
      querystring: Type.Object({ from: PartialDate, to: PartialDate, halfLife: Type.Optional(Span) }),
      response: { 200: Open({ actor: Type.String(), from: Type.String(), to: Type.String(), changes: Type.Array(Open({ actor: Type.String(), name: Type.String(), steps: Type.Integer(), delta: Type.Number(), from: Open({}), to: Open({}) })) }), ...errors },
    },
  }, async (req) => changes(store, kb, known(req.params.id), req.query))
}
