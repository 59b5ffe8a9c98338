import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kb, analyseText } from './helpers.ts'
import { personActorAt } from '../src/kb/knowledge.ts'
import { loadDataFile, DataFileError } from '../src/kb/data-file.ts'
import { statesFile } from '../src/kb/schema.ts'
import { loadLanguagePack } from '../src/lang/pack.ts'
import { scratchDir } from './scratch-dir.ts'

test('no alias names two actors without a rule for which wins', () => {
  assert.deepEqual(kb.conflicts, [])
})

test('every UN member and observer state, Kosovo, Taiwan and the Soviet Union are actors', () => {
  const states = [...kb.actors.values()].filter((a) => a.kind === 'state')
  assert.ok(states.length >= 198, `only ${states.length} states`)
  for (const id of ['RUS', 'PRK', 'VAT', 'PSE', 'XKX', 'TWN', 'SUN', 'SSD']) assert.ok(kb.actors.has(id), id)
  for (const id of ['EU', 'NATO', 'UN', 'CSTO', 'ICC', 'BRICS', 'SCO', 'EAEU', 'AU', 'ECOWAS', 'AES', 'OPEC', 'IAEA', 'TALIBAN', 'JNIM', 'AQ', 'ISIS', 'WAGNER', 'AFRICA_CORPS', 'HAMAS', 'HEZBOLLAH', 'HOUTHIS']) {
    assert.ok(kb.actors.has(id), id)
  }
})

const mentionCases: [string, string, string[]][] = [
  ['inflected names', 'Die Pläne Russlands und Nordkoreas überraschten Berlin.', ['RUS', 'PRK', 'DEU']],
  ['genitive with article', 'Die Rolle des Iran und Irans Nachbarn wuchs.', ['IRN', 'IRN']],
  ['old and new names', 'Weißrussland heißt heute Belarus.', ['BLR', 'BLR']],
  ['demonym endings', 'Russische Soldaten trafen einen russischen Offizier und ein belarussisches Team.', ['RUS', 'RUS', 'BLR']],
  ['seats of power', 'Der Kreml, Pjöngjang und Teheran schwiegen; Kyjiw und Kiew sind dieselbe Stadt.', ['RUS', 'PRK', 'IRN', 'UKR', 'UKR']],
  ['EU through Brussels', 'Brüssel verhängte neue Strafen.', ['EU']],
  ['organisations', 'Die OVKS und die Nato trafen sich, ebenso die Vereinten Nationen.', ['CSTO', 'NATO', 'UN']],
  ['role by demonym', 'Der aserbaidschanische Präsident sprach.', ['AZE']],
  ['seat title', 'Kremlchef Wladimir Putin sprach.', ['RUS']],
  ['minister with name', 'Außenminister Sergej Lawrow reiste ab.', ['RUS']],
  ['person spelled two ways', 'Selenskyj und Zelensky sind eine Person.', ['UKR', 'UKR']],
  ['a seat after an organ', 'Das Außenministerium in Den Haag und die Regierung in Sofia protestierten.', ['NLD', 'BGR']],
  ['a seat alone is a place or a name', 'In Den Haag tagte das Gericht, Sofia gewann den Preis.', []],
]

for (const [name, sentence, actors] of mentionCases) {
  test(`mentions: ${name}`, () => {
    assert.deepEqual(analyseText(sentence).mentions.map((m) => m.actor), actors)
  })
}

test('the Taliban are the insurgency before 15 August 2021 and Afghanistan after', () => {
  assert.deepEqual(analyseText('Die Taliban verhandelten.', '2019-03-01').mentions.map((m) => m.actor), ['TALIBAN'])
  assert.deepEqual(analyseText('Die Taliban verhandelten.', '2023-03-01').mentions.map((m) => m.actor), ['AFG'])
})

test('a member of the European Commission stands for the EU during the term, and for the state served before it', () => {
  assert.deepEqual(analyseText('Handelskommissar Valdis Dombrovskis kritisierte Peking.', '2022-01-28').mentions.map((m) => m.actor), ['EU', 'CHN'])
  assert.deepEqual(analyseText('Regierungschef Valdis Dombrovskis kritisierte Moskau.', '2011-05-02').mentions.map((m) => m.actor), ['LVA', 'RUS'])
  assert.deepEqual(analyseText('Magnus Brunner reiste nach Brüssel.', '2023-03-01').mentions.map((m) => m.actor)[0], 'AUT')
  assert.deepEqual(analyseText('Magnus Brunner reiste nach Kiew.', '2025-03-01').mentions.map((m) => m.actor)[0], 'EU')
})

test('officials often named in the news stand for their state', () => {
  assert.deepEqual(analyseText('Vizeaußenminister Michail Bogdanow empfing die Delegation der Hamas.', '2023-10-27').mentions.map((m) => m.actor), ['RUS', 'HAMAS'])
  assert.deepEqual(analyseText('Ramsan Kadyrow drohte der Ukraine.', '2023-10-27').events.map((e) => `${e.source}>${e.target}`), ['RUS>UKR'])
})

test('a person stands for the state they served at the date', () => {
  const medvedev = kb.people.get([...kb.people.keys()].find((k) => k.startsWith('medvedev'))!)!
  assert.equal(personActorAt(medvedev, '2010-01-01').role, 'head_of_state')
  assert.equal(personActorAt(medvedev, '2015-01-01').role, 'head_of_government')
})

test('a data file error names the file and the entry', () => {
  const dir = scratchDir('entente-kb-')
  const file = join(dir, 'states.yaml')
  writeFileSync(file, '- id: RUS\n  status: member\n- id: xx\n  status: member\n')
  assert.throws(() => loadDataFile(file, statesFile), (err: unknown) => err instanceof DataFileError && err.message.includes(file) && err.message.includes('entry 2'))
})

/** A language pack folder with German grammar and the given event rule files. */
function packWithRules(files: Record<string, string>): string {
  const dir = scratchDir('entente-pack-')
  copyFileSync(join(import.meta.dirname, '..', 'data', 'lang', 'de', 'grammar.yaml'), join(dir, 'grammar.yaml'))
  mkdirSync(join(dir, 'events'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'events', name), text)
  return dir
}

test('a rule that supersedes a rule no language pack has is refused, naming the folder and the rule', () => {
  const dir = packWithRules({ 'x.yaml': '- rule: de.sanction.narrow\n  type: SANCTION\n  mode: border\n  verbs: [{ forms: [sperrt] }]\n  supersedes: [de.reject.missing]\n' })
  assert.throws(() => loadLanguagePack(dir), (err: unknown) => err instanceof Error && err.message.includes(join(dir, 'events')) && err.message.includes('de.reject.missing'))
})

test('a word pattern written with an umlaut is refused, naming the file and the key: patterns are matched against folded words', () => {
  const dir = packWithRules({})
  const grammar = join(dir, 'grammar.yaml')
  writeFileSync(grammar, readFileSync(grammar, 'utf8').replace(/\|zuruck\|/, '|zurück|'))
  assert.throws(() => loadLanguagePack(dir), (err: unknown) => err instanceof Error && err.message.includes(grammar) && err.message.includes('infinitivePattern') && err.message.includes('folded'))
})

test('two rules with one id are refused, naming the file and the id', () => {
  const rule = '- rule: de.sanction.twice\n  type: SANCTION\n  mode: border\n  verbs: [{ forms: [sperrt] }]\n'
  const dir = packWithRules({ 'a.yaml': rule, 'b.yaml': rule })
  assert.throws(() => loadLanguagePack(dir), (err: unknown) => err instanceof Error && err.message.includes(join(dir, 'events', 'b.yaml')) && err.message.includes('de.sanction.twice') && err.message.includes('a.yaml'))
})

test('names of agreements and formats that contain a state\'s name name no actor', () => {
  const doc = analyseText('Russland hat das Budapester Memorandum gebrochen, und die Minsk-Gruppe der OSZE löste sich auf.', '2024-01-10')
  assert.deepEqual(doc.mentions.map((m) => m.actor), ['RUS', 'OSCE'])
})

test('English names of agreements, conferences and newspapers that contain a place name name no actor', () => {
  const doc = analyseText('At the Munich Security Conference, Kyiv said Moscow had torn up the Budapest Memorandum, the Kyiv Independent reported.', '2024-02-17', 'en')
  assert.deepEqual(doc.mentions.map((m) => m.actor), ['UKR', 'RUS'])
  const pact = analyseText('Poland left the Warsaw Pact, and Warsaw later joined NATO.', '2024-02-17', 'en')
  assert.deepEqual(pact.mentions.map((m) => m.actor), ['POL', 'WARSAW_PACT', 'POL', 'NATO'], 'an actor named after a city stays an actor')
})

test('an airline named after its country is a company, not the state', () => {
  const doc = analyseText('Azerbaijan Airlines suspended flights to Russia, and Turkish Airlines kept flying to Moscow.', '2025-01-10', 'en')
  // A company is a party the knowledge base does not list.
  assert.deepEqual(doc.mentions.map((m) => m.actor).filter((a) => a !== 'UNLISTED'), ['RUS', 'RUS'])
  assert.deepEqual(doc.events.filter((e) => e.source === 'AZE' || e.source === 'TUR'), [])
  const de = analyseText('Azerbaijan Airlines setzte ihre Flüge nach Russland aus.', '2025-01-10', 'de')
  assert.deepEqual(de.mentions.map((m) => m.actor).filter((a) => a !== 'UNLISTED'), ['RUS'])
})

test('no listed non-actor name is also an actor\'s alias', () => {
  for (const pack of kb.packs.values()) {
    for (const name of pack.notActors) {
      const doc = analyseText(`Es geht um ${name} heute.`, '2024-01-10', pack.code)
      assert.deepEqual(doc.mentions.map((m) => m.actor), [], `${pack.code}/not-actors.yaml: ${name}`)
    }
  }
})

test('a form derived from an acronym keeps its capitals; intelligence services stand for their state', () => {
  const actors = (text: string) => analyseText(text, '2024-05-01').mentions.map((m) => m.actor)
  // "Aus" opening a sentence is the preposition, not the genitive of "AU".
  assert.deepEqual(actors('Aus Moskau kamen Warnungen an Kiew.'), ['RUS', 'UKR'])
  assert.deepEqual(actors('Die Haltung der AU blieb vorsichtig.'), ['AU'])
  assert.deepEqual(actors('Der FSB und der GRU arbeiten für den Kreml, die CIA für Washington.'), ['RUS', 'RUS', 'RUS', 'USA', 'USA'])
})
