import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PIPELINE_VERSION } from '../pipeline/pipeline.ts'

/** Two folders below the root, as the sources and the bundles (dist/bin) both lie. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** What the understanding stages read besides the text: the language knowledge and its rules. */
const DATA_PARTS = ['kb', 'lang', 'relations.yaml']
/** The code that turns a text into annotations (reading files, cleaning, stages, rules, times). */
const CODE_PARTS = ['events', 'ingest', 'kb', 'lang', 'pipeline', 'text', 'time']

/** Every file under `path` (or `path` itself), in a stable order. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).sort().flatMap((name) => (name.startsWith('.') ? [] : filesUnder(join(path, name))))
}

const known = new Map<string, string>()

/**
 * Which analysis made a document's annotations: a digest of the pipeline version, of the data files
 * of `dataDir` and of the code of the understanding stages. A document stored under another digest
 * was understood by other rules: reading its file again analyses it anew, and `entente reanalyse`
 * does so for the whole store. Reading the files costs a few milliseconds, once per data folder.
 */
export function analysisVersion(dataDir: string): string {
  const hit = known.get(dataDir)
  if (hit) return hit
  const hash = createHash('sha256').update(`pipeline ${PIPELINE_VERSION}\n`)
  const add = (base: string, parts: string[]) => {
    for (const file of parts.flatMap((p) => filesUnder(join(base, p)))) {
      hash.update(`${relative(base, file)}\n`).update(readFileSync(file)).update('\n')
    }
  }
  add(dataDir, DATA_PARTS)
  add(join(ROOT, 'src'), CODE_PARTS)
  const version = `${PIPELINE_VERSION}-${hash.digest('hex').slice(0, 12)}`
  known.set(dataDir, version)
  return version
}
