import { Type } from '@sinclair/typebox'
import { notFound, type Api, type RouteContext } from '../app.ts'
import { ActorCode, errors, Open, Page, PageQuery, PartialDate } from '../schemas.ts'
import { clustersOf, eventPage, eventRecord } from '../../service/events.ts'

export const EventSchema = Open({
  id: Type.String(), file: Type.String(), source: Type.String(), target: Type.Union([Type.String(), Type.Null()], { description: 'null for a one-sided act with no partner named' }), type: Type.String(), mode: Type.String(),
  polarity: Type.String(), modality: Type.String(), date: Type.Union([Type.String(), Type.Null()]), sentence: Type.String(),
  start: Type.Integer(), end: Type.Integer(), rule: Type.String(), confidence: Type.Number(), doc: Type.String(), lang: Type.String(),
  trace: Type.Array(Type.String()), cluster: Type.Union([Type.String(), Type.Null()]), sources: Type.Integer(), reports: Type.Integer(),
}, 'an event with its sentence, the rule that produced it and the steps that shaped it')

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined)

export function eventRoutes(api: Api, { store }: RouteContext): void {
  api.get('/api/events', {
    schema: {
      tags: ['events'], summary: 'Events, filtered as in the CLI, paged',
      querystring: Type.Object({
        actor: Type.Optional(ActorCode),
        pair: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*,[A-Za-z][A-Za-z0-9_]*$', description: 'two actor codes: RUS,PRK' })),
        types: Type.Optional(Type.String({ pattern: '^[A-Za-z,]+$', description: 'PLOVER types, comma-separated' })),
        modalities: Type.Optional(Type.String({ pattern: '^[a-z,]+$' })),
        lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
        publisher: Type.Optional(Type.String({ maxLength: 200 })),
        partner: Type.Optional(Type.Union([Type.Literal('named'), Type.Literal('none')], { description: 'named: only events with a partner; none: only one-sided acts' })),
        from: Type.Optional(PartialDate), to: Type.Optional(PartialDate),
        ...PageQuery,
      }),
      response: { 200: Page(EventSchema), ...errors },
    },
  }, async (req) => {
    const q = req.query
    const pair = q.pair ? (q.pair.toUpperCase().split(',') as [string, string]) : undefined
    const limit = q.limit ?? 50
    const offset = q.offset ?? 0
    const page = await eventPage(store, { actor: q.actor?.toUpperCase(), pair, types: list(q.types), modalities: list(q.modalities), lang: q.lang, publisher: q.publisher, partner: q.partner, from: q.from, to: q.to }, { limit, offset })
    return { ...page, limit, offset }
  })

  api.get('/api/events/:id', {
    schema: { tags: ['events'], summary: 'One event, explained', params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}-\\d+$' }) }), response: { 200: EventSchema, ...errors } },
  }, async (req) => {
    const e = await store.event(req.params.id)
    if (!e) throw notFound(`no event ${req.params.id}`)
    const related = e.target ? await store.actReports({ pair: [e.source, e.target], type: e.type }) : [e]
    return eventRecord(e, clustersOf(related).get(e.id))
  })
}
