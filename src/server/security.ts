import { timingSafeEqual } from 'node:crypto'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { HttpError } from './http-error.ts'

export interface SecurityOptions {
  /** When set, every request that writes (POST, PUT, PATCH, DELETE) needs `Authorization: Bearer <token>`. */
  token?: string | null
  /** Requests per client address per minute (0: no limit). */
  rateLimit?: number
}

export const DEFAULT_RATE_LIMIT = 1200
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(h)
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * Headers, limits and the write token, before any route sees a request:
 * - a Content-Security-Policy that lets pages run only the app's own scripts (no inline script,
 *   no eval, no plugins, no framing), with the rest of helmet's defaults;
 * - a per-address request budget, answered with 429 and Retry-After once spent;
 * - writes refused with 401 without the token, compared in constant time.
 */
export async function secure(app: FastifyInstance, o: SecurityOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Observable Plot writes a <style> element into each chart; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  if (o.rateLimit) {
    await app.register(rateLimit, {
      max: o.rateLimit, timeWindow: 60_000,
      errorResponseBuilder: (_req, ctx) => new HttpError(429, 'too_many_requests', `over ${ctx.max} requests a minute from this address: retry in ${Math.ceil(ctx.ttl / 1000)} s`),
    })
  }
  const token = o.token
  if (token) {
    app.addHook('onRequest', async (req) => {
      if (WRITES.has(req.method) && !tokenMatches(req.headers.authorization, token)) {
        throw new HttpError(401, 'unauthorized', 'this server takes writes only with its access token: send "Authorization: Bearer <token>"')
      }
    })
  }
}
