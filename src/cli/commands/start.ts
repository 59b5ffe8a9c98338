import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { dbPath, describeDb, EXAMPLES_DIR, knowledgeBase, openStore, SERVER_CACHE_MB } from '../../service/context.ts'
import { ingestPaths } from '../../service/ingest.ts'
import { uploadFolder } from '../../service/jobs.ts'
import { buildApp } from '../../server/app.ts'
import { ensureWebBuilt, WEB_DIST } from '../../server/web-build.ts'
import { printSummary } from './ingest.ts'
import { CliError, color } from '../output.ts'
import { DB_OPTION } from '../options.ts'
import { randomBytes } from 'node:crypto'
import { DEFAULT_RATE_LIMIT, isLoopback } from '../../server/security.ts'

const count = (v: string) => { const n = Number(v); if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more'); return n }
const port = (v: string) => { const n = Number(v); if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535'); return n }

export function registerStart(program: Command): void {
  program.command('start')
    .description('start the web app and the HTTP API (first run: ingest the example corpus, build the web app)')
    .option('--port <n>', 'port (default: PORT, else 8080 or the next free one)', port)
    .option('--host <address>', 'address to listen on (default: HOST, else 127.0.0.1)')
    .option('--rate-limit <n>', `requests a client address may make per minute, 0 for no limit (default: ENTENTE_RATE_LIMIT, else ${DEFAULT_RATE_LIMIT})`, count)
    .option('--once', 'start, check that the server answers, print the address and stop (for scripts and CI)')
    .option(...DB_OPTION)
    .action(async (opts: { port?: number; host?: string; once?: boolean; db?: string; rateLimit?: number }) => {
      const kb = knowledgeBase()
      const file = dbPath(opts.db)
      const store = await openStore(file, { cacheMb: SERVER_CACHE_MB })
      let app: Awaited<ReturnType<typeof buildApp>> | undefined
      try {
        if ((await store.stats()).documents === 0) {
          process.stdout.write(`No documents yet in ${describeDb(file)}: ingesting the example corpus (${EXAMPLES_DIR}).\n`)
          printSummary(await ingestPaths([EXAMPLES_DIR], kb, store))
        }
        if (await ensureWebBuilt()) process.stdout.write('Built the web app.\n')
        const host = opts.host ?? (process.env['HOST'] || '127.0.0.1')
        // Only this machine can reach a loopback address. Anywhere else, writes need a token:
        // ENTENTE_TOKEN, or one made up now and printed once.
        const token = process.env['ENTENTE_TOKEN'] || (isLoopback(host) ? null : randomBytes(24).toString('base64url'))
        const rateLimit = opts.rateLimit ?? (process.env['ENTENTE_RATE_LIMIT'] ? count(process.env['ENTENTE_RATE_LIMIT']) : DEFAULT_RATE_LIMIT)
        app = await buildApp({ store, kb, uploads: uploadFolder(file), webDir: WEB_DIST, token, rateLimit })
        const fixed = opts.port ?? (process.env['PORT'] ? port(process.env['PORT']) : undefined)
        const address = await listen(app, host, fixed)
        const stats = await store.stats()
        process.stdout.write(`\n${color.bold('Entente')} is running at ${color.bold(address)}  (${stats.documents} documents, ${stats.events} events; API docs at ${address}/api/docs)\n`)
        if (token && !process.env['ENTENTE_TOKEN']) process.stdout.write(`Listening beyond this machine: uploads and deletions need the access token ${color.bold(token)} (set ENTENTE_TOKEN to choose one).\n`)
        else if (token) process.stdout.write('Uploads and deletions need the access token in ENTENTE_TOKEN.\n')
        if (opts.once) {
          const health = await fetch(`${address}/api/health`)
          const page = await fetch(`${address}/`)
          process.stdout.write(`health ${health.status}, web app ${page.status}\n`)
          if (!health.ok || !page.ok) throw new CliError('the server did not answer as it should')
          return
        }
        process.stdout.write('Press Ctrl+C to stop.\n')
        await new Promise<void>((resolve) => {
          const stop = () => resolve()
          process.once('SIGINT', stop)
          process.once('SIGTERM', stop)
        })
      } finally {
        await app?.close()
        await store.close()
      }
    })
}

/** Listens on the port asked for, else on 8080 or the next free port after it. */
async function listen(app: Awaited<ReturnType<typeof buildApp>>, host: string, fixed?: number): Promise<string> {
  const candidates = fixed !== undefined ? [fixed] : Array.from({ length: 20 }, (_, i) => 8080 + i)
  for (const p of candidates) {
    try {
      await app.listen({ port: p, host })
      const a = app.server.address()
      const shown = host.includes(':') ? `[${host}]` : host
      return `http://${shown}:${typeof a === 'object' && a ? a.port : p}`
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || fixed !== undefined) throw new CliError(`cannot listen on ${host}:${p}: ${(err as Error).message}`)
    }
  }
  throw new CliError('no free port between 8080 and 8099: set PORT')
}
