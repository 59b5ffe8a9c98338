import { test } from 'node:test'
import assert from 'node:assert/strict'
import { tokenize } from '../src/text/tokenize.ts'
import { fold } from '../src/text/normalize.ts'

const cases: [string, string[]][] = [
  ['US-Präsident Trump', ['US', '-', 'Präsident', 'Trump']],
  ['11.000 Soldaten am 02.08.2023', ['11.000', 'Soldaten', 'am', '02.08.2023']],
  ['„Freund“, sagte er.', ['„', 'Freund', '“', ',', 'sagte', 'er', '.']],
  ['Al-Qaida-nahen Gruppen', ['Al', '-', 'Qaida', '-', 'nahen', 'Gruppen']],
  ['G7 und 1990er', ['G7', 'und', '1990', 'er']],
]

for (const [text, expected] of cases) {
  test(`tokens: ${text}`, () => {
    const tokens = tokenize(text)
    assert.deepEqual(tokens.map((t) => t.text), expected)
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text)
  })
}

test('lookup keys fold case, diacritics and ß', () => {
  assert.equal(fold('Goïta'), 'goita')
  assert.equal(fold('Weißrussland'), 'weissrussland')
  assert.equal(fold('ERDOĞAN'), 'erdogan')
  // Plain ASCII takes the short way, with the same keys.
  assert.equal(fold('NATO-Gipfel'), 'nato-gipfel')
  assert.equal(fold('Kreml’s'), "kreml's")
  for (const w of ['Moskau', 'U.S.', "Kim's", 'Xi', '2024']) assert.equal(fold(w), w.normalize('NFD').toLowerCase())
})
