import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { threadId } from 'node:worker_threads'
import { parse } from 'yaml'
import type { z } from 'zod'

/**
 * Where parsed YAML is kept as JSON, by the hash of its text (ENTENTE_CACHE, else the checkout's
 * node_modules/.cache; "off" keeps none). Parsing the knowledge base's YAML was half of loading it,
 * and every command and ingest thread loads it: JSON reads ten times faster.
 */
function cacheDir(): string | null {
  const set = process.env['ENTENTE_CACHE']
  if (set === 'off') return null
  return set || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'entente')
}

/** A YAML text's data: from the cache when this text was parsed before; a cache that fails is skipped. */
function parseYaml(text: string): unknown {
  const dir = cacheDir()
  if (!dir) return parse(text)
  const kept = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`)
  try {
    return JSON.parse(readFileSync(kept, 'utf8'))
  } catch { /* not kept yet */ }
  const data: unknown = parse(text)
  try {
    mkdirSync(dir, { recursive: true })
    // Written aside, then renamed: a process reading meanwhile sees the whole file or none.
    const aside = `${kept}.${process.pid}-${threadId}`
    writeFileSync(aside, JSON.stringify(data))
    renameSync(aside, kept)
  } catch { /* a read-only checkout parses each time */ }
  return data
}

/** A data file that does not match its schema: names the file and the entry. */
export class DataFileError extends Error {
  constructor(readonly file: string, readonly entry: string, detail: string) {
    super(`${file}: ${entry}: ${detail}`)
  }
}

function describeEntry(data: unknown, path: PropertyKey[]): string {
  if (path.length === 0) return 'top level'
  const [head] = path
  const item = (data as Record<PropertyKey, unknown> | undefined)?.[head as never] as Record<string, unknown> | undefined
  const label = typeof head === 'number' ? `entry ${head + 1}` : `entry "${String(head)}"`
  const id = item && typeof item === 'object' ? (item['id'] ?? item['rule']) : undefined
  const where = path.slice(1).map(String).join('.')
  return `${label}${id ? ` (${String(id)})` : ''}${where ? ` field ${where}` : ''}`
}

/** Reads a YAML or JSON data file and checks it against a schema; an error names the file and the entry. */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let data: unknown
  try {
    const text = readFileSync(file, 'utf8')
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new DataFileError(file, 'file', err instanceof Error ? err.message : String(err))
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new DataFileError(file, describeEntry(data, issue.path), issue.message)
  }
  return result.data
}
