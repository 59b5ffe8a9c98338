import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyseText, eventStrings, kb } from './helpers.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'

// The French skeleton pack (data/lang/fr): a third language as data alone. Sentences of our own.
const cases: [string, string[]][] = [
  ['La Russie a livré des drones à l\'Iran.', ['RUS>IRN:AID']],
  ['La Russie et la Corée du Nord ont signé un traité de partenariat stratégique en juin 2024.', ['RUS>PRK:SUPPORT']],
  ['Moscou a reconnu les talibans l\'année dernière.', ['RUS>AFG:SUPPORT']],
  ['L\'Ukraine a été attaquée par la Russie.', ['RUS>UKR:ASSAULT']],
  ['L\'Iran aurait fourni des missiles balistiques à la Russie.', ['IRN>RUS:AID:hedged']],
  ['La Russie n\'a jamais livré d\'armes à l\'Iran.', ['RUS>IRN:AID:negated']],
  ['La Chine ne veut pas livrer d\'armes à la Russie.', ['CHN>RUS:REJECT']],
  ['Les États-Unis ont imposé des sanctions à l\'Iran et à la Corée du Nord.', ['USA>IRN:SANCTION', 'USA>PRK:SANCTION']],
  ['L\'Arménie se retire de l\'OTSC.', ['ARM>CSTO:RETREAT']],
  ['La crise frappe durement la Hongrie.', []],
]

for (const [sentence, expected] of cases) {
  test(`fr: ${sentence}`, () => {
    const doc = analyseText(sentence, '2025-06-17', 'fr')
    assert.equal(doc.lang, 'fr')
    assert.deepEqual(eventStrings(doc), [...expected].sort())
  })
}

test('fr: dates resolve against the publication date and a French page is detected as French', () => {
  const doc = analyseText('Le président russe Vladimir Poutine s\'est rendu à Pyongyang le 19 juin 2024.', '2025-06-17', 'fr')
  assert.deepEqual(doc.events.map((e) => [e.source, e.target, e.type, e.date]), [['RUS', 'PRK', 'CONSULT', '2024-06-19']])
  const detected = buildDoc({ index: 0, text: 'La Russie et la Corée du Nord ont signé un traité de partenariat stratégique. Le texte prévoit une assistance mutuelle en cas d\'agression contre l\'un des deux pays.', format: 'txt' }, '/tmp/fr.txt', kb, { date: '2024-06-20' })
  assert.equal(detected.lang, 'fr')
})
