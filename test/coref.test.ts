import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyseText, eventStrings } from './helpers.ts'

const refs = (text: string) => {
  const doc = analyseText(text)
  return doc.mentions.filter((m) => m.kind === 'coref').map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}@${doc.text.slice(m.antecedent!, m.antecedent! + 6)}`)
}

// [text, expected "description=ACTOR@antecedent…"]
const cases: [string, string[]][] = [
  ['Burkina Faso hat Frankreichs Soldaten ausgewiesen. Das Land sucht nun Hilfe in Moskau.', ['Land=BFA@Burkin']],
  ['Niger verhandelt mit Russland. Die Junta hofft auf Waffen.', ['Junta=NER@Niger ']],
  ['Die Rebellen kamen aus dem Sudan. Kämpfe erreichten die Hauptstadt von Tschad nicht, doch in Mali herrscht die Junta. Die Junta bleibt.', ['Junta=MLI@Mali h', 'Junta=MLI@Mali h']],
  ['Der Iran lieferte Drohnen. Die Isolation des Landes wächst.', ['Landes=IRN@Iran l']],
  ['In Berlin ist es warm.', []],
  ['Tadschikistan bat die OVKS um Hilfe. Das Bündnis schickte Truppen.', ['Bündnis=CSTO@OVKS u']],
  ['Das Nachbarland Finnland trat bei.', []],
  ['Serbien geriet unter Druck. China stellte sich hinter seinen wichtigsten Partner.', ['seinen wichtigsten Partner=SRB@Serbie']],
]

for (const [text, expected] of cases) {
  test(`coref: ${text.slice(0, 60)}`, () => assert.deepEqual(refs(text), expected))
}

test('a described state takes part in events', () => {
  const doc = analyseText('Mali hat die französischen Truppen ausgewiesen. Die Junta bat Moskau um Hilfe.', '2022-03-01')
  assert.ok(eventStrings(doc).includes('MLI>RUS:REQUEST'), eventStrings(doc).join(' '))
})
