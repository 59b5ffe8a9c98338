// The CLI and the ingest worker as JavaScript bundles (dist/bin), built with esbuild whenever a
// source is newer than they are. Running the sources through tsx keeps function names (esbuild's
// keepNames wraps every function as it is made), which cost 15–20% of article throughput; the
// bundles do without. Where no bundle can be written (a read-only install), the sources run
// through tsx as before. See docs/decisions.md, "Running the code".
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'dist', 'bin')
const ENTRIES = { entente: 'src/cli/main.ts', 'ingest-worker': 'src/service/ingest-worker.ts', 'import-worker': 'src/service/import-worker.ts' }

/** The newest modification time of the sources and of this file. */
function newestSource() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs)
    }
  }
  walk(join(ROOT, 'src'))
  return newest
}

/**
 * Bundles one TypeScript entry into `outfile` (packages stay imports). The file must lie two
 * folders below the root, as the sources do: src/service/context.ts finds the root from there.
 */
export async function buildEntry(entry, outfile) {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm',
    // The language level of tsconfig.json, which Node 20 runs as it is. (A "node20" target makes every
    // regular expression with a Unicode property, as in tokenize and fold, a RegExp built at each call.)
    target: 'es2022', packages: 'external', sourcemap: true, keepNames: false, logLevel: 'silent',
  })
}

/** Builds every entry into a folder of its own, then moves the files into place (other processes may be reading them). */
async function buildAll() {
  const tmp = join(OUT, `.build-${process.pid}-${Date.now()}`)
  mkdirSync(tmp, { recursive: true })
  try {
    for (const [name, entry] of Object.entries(ENTRIES)) await buildEntry(join(ROOT, entry), join(tmp, `${name}.mjs`))
    for (const f of readdirSync(tmp)) if (f.endsWith('.map')) renameSync(join(tmp, f), join(OUT, f))
    for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(OUT, f))
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/**
 * The bundle of an entry (`entente`, `ingest-worker`), built first if a source changed since; null
 * when it cannot be built (run the sources through tsx then). ENTENTE_TSX=1 always runs the sources.
 */
export async function bundle(name) {
  if (process.env.ENTENTE_TSX === '1') return null
  const out = join(OUT, `${name}.mjs`)
  try {
    const newest = newestSource()
    const fresh = (n) => existsSync(join(OUT, `${n}.mjs`)) && statSync(join(OUT, `${n}.mjs`)).mtimeMs >= newest
    if (!Object.keys(ENTRIES).every(fresh)) await buildAll()
    return existsSync(out) ? out : null
  } catch {
    return null
  }
}

/** An entry's module: its bundle, with stack traces that name the TypeScript files and lines; else its sources through tsx. */
export async function importEntry(name) {
  const built = await bundle(name)
  if (built) {
    process.setSourceMapsEnabled(true)
    return import(built)
  }
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(join(ROOT, ENTRIES[name])).href)
}
