// Runs a TypeScript script (a benchmark) as a bundle without kept function names, as the CLI runs
// (bin/build.js): node bin/bundled.js bench/query.bench.ts [arguments…]
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildEntry } from './build.js'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  process.stderr.write('usage: node bin/bundled.js <script.ts> [arguments…]\n')
  process.exit(2)
}
// dist/bench/: two folders below the root, as the sources are.
const out = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'bench', basename(entry).replace(/\.ts$/, '.mjs'))
await buildEntry(resolve(entry), out)
process.setSourceMapsEnabled(true)
process.argv = [process.argv[0], out, ...args]
await import(out)
