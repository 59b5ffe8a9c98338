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

test('once a person is named in full, the short name refers to them, recording the antecedent', () => {
  const doc = analyseText('Machthaber Kim Jong Un reiste im Zug nach Wladiwostok. Dort sicherte Kim dem Kreml seine volle Unterstützung zu.', '2023-09-20')
  const short = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === 'Kim')
  assert.equal(short?.actor, 'PRK')
  assert.equal(short?.rule, 'de.coref.short-name')
  assert.equal(doc.text.slice(short!.antecedent!, short!.antecedent! + 10), 'Machthaber')
  assert.ok(eventStrings(doc).includes('PRK>RUS:SUPPORT'), eventStrings(doc).join(' '))
  // a surname nobody introduced stays unknown
  assert.equal(analyseText('Kim reiste nach Moskau.', '2023-09-20').mentions.filter((m) => m.kind === 'person').length, 0)
})

test('a demonym before a state opponent names no state, a victim keeps its nationality', () => {
  assert.deepEqual(eventStrings(analyseText('Litauen nahm belarussische Oppositionelle auf und schützte sie.', '2023-09-20')), [])
  assert.deepEqual(eventStrings(analyseText('Russland nahm einen amerikanischen Journalisten fest.', '2023-09-20')), ['RUS>USA:COERCE'])
})

test('a genitive state and a title join into a role only across adjectives, not across verbs', () => {
  const doc = analyseText('Kim war in den Osten Russlands gereist und hatte Präsident Putin getroffen.', '2023-09-20')
  assert.ok(!doc.mentions.some((m) => doc.text.slice(m.start, m.end).includes('gereist')))
  const role = analyseText('Afghanistans neue islamistische Regierung sucht Partner.', '2023-09-20').mentions[0]
  assert.equal(role?.kind, 'role')
})
