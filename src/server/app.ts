import { existsSync } from 'node:fs'
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import type { Store } from '../store/store.ts'
import { IngestJobs } from '../service/jobs.ts'
import { ErrorReply } from './schemas.ts'
import { actorRoutes } from './routes/actors.ts'
import { eventRoutes } from './routes/events.ts'
import { documentRoutes } from './routes/documents.ts'
import { relationRoutes } from './routes/relations.ts'
import { ingestRoutes } from './routes/ingest.ts'
import { secure, type SecurityOptions } from './security.ts'
import { HttpError, notFound } from './http-error.ts'
import { cacheAnswers } from './answer-cache.ts'

export interface AppOptions extends SecurityOptions {
  store: Store
  kb: KnowledgeBase
  /** Where uploads are stored (one folder per ingestion job). */
  uploads: string
  /** The built web app to serve at /, if any. */
  webDir?: string
  /** Largest file an upload may carry (default 20 MB). */
  maxUploadBytes?: number
  logger?: boolean
  /** Keep read answers until the store changes (default on). */
  cache?: boolean
}

export { HttpError, notFound }

/** An actor code from a path, upper-cased; an unknown one is a 404. */
export function knownActor(kb: KnowledgeBase, id: string): string {
  const code = id.toUpperCase()
  if (!kb.actors.has(code)) throw notFound(`no actor "${id}"`)
  return code
}

/** The HTTP API (and the web app's files): the same service functions the CLI calls. */
export async function buildApp(o: AppOptions) {
  // A request that takes longer than a minute is cut off rather than holding its connection.
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 1024 * 1024, requestTimeout: 60_000, connectionTimeout: 60_000 }).withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(ErrorReply)
  await secure(app, o)
  if (o.cache !== false) cacheAnswers(app, o.store)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Entente API', version: '0.1.0', description: 'Relations between states, alliances and armed groups, read from the news, with the evidence behind each.' },
      tags: [{ name: 'actors' }, { name: 'events' }, { name: 'documents' }, { name: 'relations' }, { name: 'ingest' }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  // preservePath: the name as sent, so that one with a path in it is refused rather than quietly cut.
  await app.register(multipart, { preservePath: true, limits: { fileSize: o.maxUploadBytes ?? 20 * 1024 * 1024, files: 50, fields: 10 } })

  app.setErrorHandler((err: FastifyError | HttpError, _req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ code: err.code, message: err.message })
    const fe = err as FastifyError
    if (fe.validation) return reply.code(400).send({ code: 'bad_request', message: fe.message })
    if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send({ code: 'too_large', message: fe.message })
    }
    if (fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return reply.code(415).send({ code: 'unsupported', message: fe.message })
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return reply.code(fe.statusCode).send({ code: 'bad_request', message: fe.message })
    app.log.error(err)
    return reply.code(500).send({ code: 'internal', message: 'internal error' })
  })

  const jobs = new IngestJobs(o.uploads, o.kb, o.store)
  const ctx = { store: o.store, kb: o.kb, jobs }
  // The web app asks whether writes need the access token before it offers uploads.
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, writeToken: !!o.token }))
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.register(async (api) => {
    actorRoutes(api, ctx)
    eventRoutes(api, ctx)
    documentRoutes(api, ctx)
    relationRoutes(api, ctx)
    ingestRoutes(api, ctx)
  })

  const web = o.webDir && existsSync(o.webDir) ? o.webDir : null
  if (web) await app.register(fastifyStatic, { root: web, wildcard: false })
  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: any other page is its index.
    if (web && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html')
    return reply.code(404).send({ code: 'not_found', message: `${req.method} ${req.url.split('?')[0]}: no such endpoint` })
  })
  return app
}

export interface RouteContext { store: Store; kb: KnowledgeBase; jobs: IngestJobs }
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>
