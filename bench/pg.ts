import pg from 'pg'
import { withSchema } from '../src/store/postgres-store.ts'

/** A new, empty schema on the benchmark server, as a URL whose search_path points at it. */
export async function freshPgSchema(url: string, name: string): Promise<string> {
  const schema = `entente_bench_${name}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`drop schema if exists ${schema} cascade`)
  await client.query(`create schema ${schema}`)
  await client.end()
  return withSchema(url, schema)
}
