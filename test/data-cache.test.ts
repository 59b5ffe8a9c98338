import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { loadDataFile } from '../src/kb/data-file.ts'
import { DATA_DIR } from '../src/service/context.ts'
import { scratchDir } from './scratch-dir.ts'

const yamlFiles = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f)
  return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith('.yaml') ? [p] : []
})

const withCache = (dir: string, body: () => void) => {
  const before = process.env['ENTENTE_CACHE']
  process.env['ENTENTE_CACHE'] = dir
  try { body() } finally { if (before === undefined) delete process.env['ENTENTE_CACHE']; else process.env['ENTENTE_CACHE'] = before }
}

const schema = z.object({ states: z.array(z.object({ id: z.string(), since: z.string() })) })

test('every data file reads the same through the JSON cache as from its YAML', () => {
  for (const file of yamlFiles(DATA_DIR)) {
    const data = parse(readFileSync(file, 'utf8'))
    assert.deepEqual(JSON.parse(JSON.stringify(data)), data, file)
  }
})

test('a data file edited after it was cached is read as it is now', () => {
  const dir = scratchDir('entente-cache-')
  const file = join(dir, 'blocs.yaml')
  withCache(join(dir, 'cache'), () => {
    writeFileSync(file, 'states:\n  - { id: ARM, since: "1991-09-21" }\n')
    assert.deepEqual(loadDataFile(file, schema).states.map((s) => s.id), ['ARM'])
    assert.equal(readdirSync(join(dir, 'cache')).length, 1)
    assert.deepEqual(loadDataFile(file, schema).states.map((s) => s.id), ['ARM'])
    writeFileSync(file, 'states:\n  - { id: ARM, since: "1991-09-21" }\n  - { id: AZE, since: "1991-10-18" }\n')
    assert.deepEqual(loadDataFile(file, schema).states.map((s) => s.id), ['ARM', 'AZE'])
  })
})

test('a cache that cannot be written costs nothing but speed; bad YAML is still an error naming the file', () => {
  const dir = scratchDir('entente-cache-')
  const locked = join(dir, 'locked')
  writeFileSync(locked, 'a file where the cache folder would be')
  const file = join(dir, 'blocs.yaml')
  writeFileSync(file, 'states:\n  - { id: KAZ, since: "1991-12-16" }\n')
  withCache(join(locked, 'cache'), () => {
    assert.deepEqual(loadDataFile(file, schema).states.map((s) => s.id), ['KAZ'])
    writeFileSync(file, 'states: [ { id: KAZ, since: \n')
    assert.throws(() => loadDataFile(file, schema), (err: Error) => err.message.startsWith(file))
  })
})
