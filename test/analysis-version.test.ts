// Which analysis made a stored document: a digest of the rules and data, so that an upgrade shows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFileSync, cpSync } from 'node:fs'
import { join } from 'node:path'
import { analysisVersion } from '../src/kb/analysis-version.ts'
import { DATA_DIR } from '../src/service/context.ts'
import { kb } from './helpers.ts'
import { scratchDir } from './scratch-dir.ts'

test('the same rules and data give the same analysis version; a changed rule file gives another', () => {
  const copy = (name: string) => {
    const dir = join(scratchDir(`entente-version-${name}-`), 'data')
    cpSync(DATA_DIR, dir, { recursive: true })
    return dir
  }
  const same = copy('same')
  const changed = copy('changed')
  appendFileSync(join(changed, 'lang', 'de', 'modality.yaml'), '\n# a comment is enough: the rules are read as written\n')
  assert.equal(analysisVersion(same), analysisVersion(DATA_DIR))
  assert.notEqual(analysisVersion(changed), analysisVersion(DATA_DIR))
  assert.match(analysisVersion(DATA_DIR), /^\d+-[0-9a-f]{12}$/)
  assert.equal(kb.dataDir, DATA_DIR)
})
