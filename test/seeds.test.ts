import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { kb } from './helpers.ts'
import { ROOT } from '../src/service/context.ts'
import { readArticles } from '../src/ingest/read-file.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'

const seeds = join(ROOT, '..', 'shared', 'seeds')
const skip = existsSync(seeds) ? false : '../shared/seeds is not here'
const read = (name: string) => {
  const file = join(seeds, name)
  return buildDoc(readArticles(file).articles[0]!, file, kb)
}

// Publication dates as the gold README gives them; 000 and 001 state none.
const dates: [string, string, string][] = [
  ['002_7f7d659bd392a644.txt', '2023-08-02', 'text'],
  ['003_952582db0378b41f.txt', '2022-03-28', 'text'],
  ['004_fc710ee3e2058594.txt', '2015-12-25', 'text'],
]

for (const [file, date, source] of dates) {
  test(`seed ${file.slice(0, 3)}: the stated publication date is found`, { skip }, () => {
    const doc = read(file)
    assert.deepEqual([doc.date?.value, doc.date?.source], [date, source])
    assert.equal(doc.lang, 'de')
  })
}

test('seeds without a date get the latest date they mention, marked as estimated', { skip }, () => {
  const expected: [string, string][] = [['000_80ec631c32592f38.txt', '2024-06'], ['001_ae1e676b21058354.txt', '2025-05-21']]
  for (const [file, date] of expected) {
    const doc = read(file)
    assert.deepEqual([doc.date?.value, doc.date?.source], [date, 'estimated'])
  }
})

test('site chrome does not reach the text', { skip }, () => {
  const t002 = read('002_7f7d659bd392a644.txt').text
  for (const chrome of ['Loading...', 'Such Icon', 'Lesedauer', 'Vergrößern des Bildes', 'Verwendete Quellen', 'spiegel.de:']) assert.ok(!t002.includes(chrome), chrome)
  const t003 = read('003_952582db0378b41f.txt').text
  assert.ok(!t003.includes('https://') && !t003.includes('WERBUNG') && t003.includes('Präsident von Kasachstan den Kreml gebeten'))
  assert.ok(!read('001_ae1e676b21058354.txt').text.startsWith('WERBUNG'))
})
