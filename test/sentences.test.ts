import { test } from 'node:test'
import assert from 'node:assert/strict'
import { de } from './helpers.ts'
import { splitSentences } from '../src/pipeline/stages/sentences.ts'

const cases: [string, number][] = [
  ['Der Kreml sucht u.a. neue Partner. Das ist bekannt.', 2],
  ['Es gab z.B. Drohnen. Nr. 5 war neu.', 2],
  ['Am 02.08.2023 begann es. Dann endete es.', 2],
  ['Der Minister kam am 20. und 21. Mai 2025 nach Eriwan. Danach flog er weiter.', 2],
  ['Sie feierten den 30. Unabhängigkeitstag in Baku. Alle kamen.', 2],
  ['Im 2. Weltkrieg kämpften sie. Später nicht mehr.', 2],
  ['Finnland trat als 31. Mitglied bei. Schweden folgte.', 2],
  ['Eine Überschrift ohne Punkt\nDer erste Satz folgt. Und der zweite.', 3],
  ['König Mohammed VI. empfing den Premier in Rabat. Danach reiste er ab.', 2],
  ['Gekrönt wurde Karl III. Die Feier dauerte lange.', 2],
  // a verb's particle before a year ends its sentence; a short capitalised abbreviation before a number does not
  ['Die Firmen wickeln ihre Geschäfte über Banken ab. 2011 gewährte Moskau einen Kredit.', 2],
  ['Die Gespräche fanden im Hotel statt. 2019 folgte die nächste Runde.', 2],
  ['Das regelt Art. 5 des Vertrags. Alle stimmten zu.', 2],
]

for (const [text, n] of cases) {
  test(`sentences: ${JSON.stringify(text.slice(0, 40))}`, () => {
    const s = splitSentences(text, de)
    assert.equal(s.length, n, s.map((x) => text.slice(x.start, x.end)).join(' | '))
    for (const x of s) assert.equal(text.slice(x.start, x.end).trim(), text.slice(x.start, x.end))
  })
}

test('a short first sentence followed by capitalised nouns is still a sentence of its own', () => {
  const texts = ['Niger verhandelt mit Russland. Die Junta hofft auf Waffen.', 'Mali zögert. Die Regierung in Bamako prüft das Angebot aus Moskau.']
  for (const t of texts) assert.equal(splitSentences(t, de).length, 2, t)
  // initials and listed abbreviations still do not end a sentence
  assert.equal(splitSentences('Der Bericht von J. Müller erschien gestern. Er nennt u.a. Mali.', de).length, 2)
})
