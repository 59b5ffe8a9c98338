import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { z } from 'zod'

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
    data = parse(readFileSync(file, 'utf8'))
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
