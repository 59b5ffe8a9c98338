// The CLI runs a bundle of the sources (bin/build.js), made again whenever a source changed, so that
// what runs is never older than what was edited; and it still runs the sources when asked to.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { ROOT } from '../src/service/context.ts'
import { bundle } from '../bin/build.js'

test('a source edited after the bundle was made makes the CLI build it again, without kept function names', async () => {
  const source = join(ROOT, 'src', 'relations', 'dates.ts')
  const edited = new Date()
  utimesSync(source, edited, edited)
  const out = await bundle('entente')
  assert.ok(out, 'a bundle was made')
  assert.ok(statSync(out).mtimeMs >= edited.getTime() - 1, 'the bundle is newer than the edit')
  assert.ok(statSync(join(ROOT, 'dist', 'bin', 'ingest-worker.mjs')).mtimeMs >= edited.getTime() - 1, 'the ingest worker is built with it')
  const text = readFileSync(out, 'utf8')
  assert.ok(!text.includes('__name('), 'functions are not wrapped to keep their names')
  assert.match(text, /\/\\p\{M\}\+\/gu/, 'regular expressions with Unicode properties stay literals')
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'entente.js'), '--version'], { encoding: 'utf8' })
  assert.equal(run.stdout.trim(), '0.1.0')
})

test('ENTENTE_TSX=1 runs the sources through tsx instead of the bundle', async () => {
  process.env['ENTENTE_TSX'] = '1'
  try {
    assert.equal(await bundle('entente'), null)
  } finally {
    delete process.env['ENTENTE_TSX']
  }
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'entente.js'), '--version'], { encoding: 'utf8', env: { ...process.env, ENTENTE_TSX: '1' } })
  assert.equal(run.stdout.trim(), '0.1.0')
})
