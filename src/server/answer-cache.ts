import { LRUCache } from 'lru-cache'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Store } from '../store/store.ts'

/** Answers that are not a function of the store alone: health, job progress, the API docs. */
const UNCACHED = /^\/api\/(health|ingest|docs|openapi\.json)(\/|\?|$)/

interface Entry { body: string; type: string }

const keys = new WeakMap<FastifyRequest, string>()

/**
 * Read answers are kept, keyed by the request and the store's version: the same question gives
 * the same answer until something is written (by any process: the version is read from the store
 * on each request, one row). An analyst's views ask the same questions again and again, the time
 * slider above all; a graph snapshot that takes 0.7 s to compute is then served in a millisecond.
 * Today's date is part of the key, for answers that default to "now".
 */
export function cacheAnswers(app: FastifyInstance, store: Store, o: { maxBytes?: number } = {}): void {
  const cache = new LRUCache<string, Entry>({ maxSize: o.maxBytes ?? 64 * 1024 * 1024, sizeCalculation: (e) => e.body.length + 64 })
  const serveKept = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' || UNCACHED.test(req.url)) return
    const key = `${await store.version()} ${new Date().toISOString().slice(0, 10)} ${req.url}`
    const hit = cache.get(key)
    if (hit) return reply.header('content-type', hit.type).header('x-cache', 'hit').send(hit.body)
    keys.set(req, key)
  }
  // Per route, after the hooks already there (the rate limit's): a kept answer still counts
  // against the client's budget.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const before = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : []
    route.onRequest = [...before, serveKept] as typeof route.onRequest
  })
  app.addHook('onSend', async (req, reply, payload) => {
    const key = keys.get(req)
    if (key && reply.statusCode === 200 && typeof payload === 'string') {
      cache.set(key, { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') })
    }
    return payload
  })
}
