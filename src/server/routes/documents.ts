import { Type } from '@sinclair/typebox'
import { notFound, type Api, type RouteContext } from '../app.ts'
import { errors, Open, Page, PageQuery } from '../schemas.ts'

const Summary = Open({ id: Type.String(), file: Type.String(), title: Type.Union([Type.String(), Type.Null()]), lang: Type.String(), date: Type.Union([Type.String(), Type.Null()]), events: Type.Integer() })

export function documentRoutes(api: Api, { store }: RouteContext): void {
  api.get('/api/documents', {
    schema: { tags: ['documents'], summary: 'Stored documents, newest first', querystring: Type.Object({ lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })), ...PageQuery }), response: { 200: Page(Summary), ...errors } },
  }, async (req) => {
    const limit = req.query.limit ?? 50
    const offset = req.query.offset ?? 0
    return { ...(await store.documents({ limit, offset, lang: req.query.lang })), limit, offset }
  })

  api.get('/api/documents/:id', {
    schema: {
      tags: ['documents'], summary: 'A document with its annotations: sentences, actor mentions, time expressions and events',
      params: Type.Object({ id: Type.String({ maxLength: 300 }) }),
      response: { 200: Open({ id: Type.String(), file: Type.String(), text: Type.String(), sentences: Type.Array(Open({})), mentions: Type.Array(Open({})), times: Type.Array(Open({})), events: Type.Array(Open({})) }), ...errors },
    },
  }, async (req) => {
    const doc = await store.document(req.params.id)
    if (!doc) throw notFound(`no document "${req.params.id}"`)
    return doc
  })

  api.delete('/api/documents/:id', {
    schema: {
      tags: ['documents'], summary: 'Removes a document, its events and its share of the relations (needs the access token when the server has one)',
      params: Type.Object({ id: Type.String({ maxLength: 300 }) }),
      response: { 200: Open({ deleted: Type.String() }), ...errors },
    },
  }, async (req) => {
    const doc = await store.document(req.params.id)
    if (!doc || !(await store.deleteDocument(doc.id))) throw notFound(`no document "${req.params.id}"`)
    return { deleted: doc.id }
  })
}
