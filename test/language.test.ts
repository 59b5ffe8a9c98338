import { test } from 'node:test'
import assert from 'node:assert/strict'
import { franc } from 'franc'
import { kb } from './helpers.ts'
import { detectLanguage, languageSections } from '../src/ingest/language.ts'

// Test paragraphs written for this file.
const german = 'Die Regierung in Baku hat am Dienstag angekündigt, dass sie die Gespräche mit Eriwan über den Verlauf der Grenze im Herbst wieder aufnehmen will. Zuvor hatten beide Seiten in Washington über einen Entwurf für ein Friedensabkommen verhandelt, der aber noch nicht unterzeichnet ist.'
const english = 'The government in Baku said on Tuesday that it wants to resume talks with Yerevan about the course of the border in the autumn. Both sides had negotiated in Washington over a draft peace agreement, which has not been signed yet, and they will meet again before the end of the year.'
const french = 'Le gouvernement de Bakou a annoncé mardi qu\'il souhaite reprendre les discussions avec Erevan sur le tracé de la frontière à l\'automne. Les deux parties avaient négocié à Washington un projet d\'accord de paix, qui n\'est pas encore signé, et elles se retrouveront avant la fin des travaux.'

const francOnly = (text: string) => {
  const byFranc = new Map([...kb.packs.values()].map((p) => [p.grammar.franc, p.code]))
  return byFranc.get(franc(text, { only: [...byFranc.keys()], minLength: 10 })) ?? null
}

test('a paragraph in one installed language is told by its function words, as franc tells it', () => {
  for (const [text, lang] of [[german, 'de'], [english, 'en'], [french, 'fr']] as const) {
    assert.equal(detectLanguage(text, kb.packs), lang)
    assert.equal(francOnly(text), lang)
  }
})

test('a word two installed languages share tells neither ("des" is German and French)', () => {
  // Function words here are few, and half of them shared: franc decides, and says French.
  const text = 'Sommet des Nations unies: Erevan, Bakou, Washington, Moscou et Ankara des délégations.'
  assert.equal(detectLanguage(text, kb.packs), francOnly(text))
})

test('a short or mixed text is left to franc', () => {
  for (const text of ['Moskau, 12. März', `${german.slice(0, 120)} ${english.slice(0, 120)}`, 'Putin trifft Erdoğan in Sotschi']) {
    assert.equal(detectLanguage(text, kb.packs), francOnly(text), text)
  }
})

test('a German article with an English summary splits into its two languages', () => {
  const sections = languageSections(`Baku und Eriwan\n\n${german}\n\n${english}`, kb.packs)
  assert.deepEqual(sections.map((s) => s.lang), ['de', 'en'])
  assert.ok(sections[0]!.text.startsWith('Baku und Eriwan'))
})
