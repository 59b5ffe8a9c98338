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
  // A description met again keeps its state, unless another state took the stage since as the subject of this sentence or the one before.
  ['Serbien kaufte Waffen. Das Land zahlte bar. Wie ernst es ist, erfuhr die Türkei: Die USA schlossen das Land aus dem Programm aus.', ['Land=SRB@Serbie', 'Land=TUR@Türkei']],
  // A bare name after a description that takes no apposition is its clause's object, not the description's state.
  ['Island schloss seine Botschaft. Zugleich forderte die Regierung Moskau auf, die Vertretung zu verkleinern.', ['Regierung=ISL@Island']],
  // An office alone names the last person the text introduced with it, in any case, not the state named beside it.
  ['Präsident Rodrigo Duterte landete in Manila. Im Mai hielt sich der Präsident zu einem Besuch in Moskau auf.', ['Präsident=PHL@Präsid']],
  ['Präsident Rodrigo Duterte landete in Manila. Moskau empfing den Präsidenten im Mai.', ['Präsidenten=PHL@Präsid']],
  // An adjective in the description's own phrase names whose it is, not the last state named.
  ['Tadschikistan kritisierte Moskau. Putin reiste danach in die kasachische Hauptstadt.', ['Hauptstadt=KAZ@kasach']],
  // The person a description is led by names whose it is; it is not the last state named.
  ['Die USA kritisierten Moskau. Russland ist der wichtigste Partner der Junta um Oberst Assimi Goïta.', []],
  ['Der Europarat tagte in Straßburg. Georgien bat das Gremium um Beobachter.', ['Gremium=COUNCIL_OF_EUROPE@Europa']],
  ['Serbien geriet unter Druck. China stellte sich hinter seinen wichtigsten Partner.', ['seinen wichtigsten Partner=SRB@Serbie']],
  // a determiner before an adjective or two, and a contraction as determiner
  ['Marokko baut eine Grenzmauer. Algerien brach die Beziehungen zum westlichen Nachbarland ab.', ['Nachbarland=MAR@Marokk']],
  // The state that opens the sentence before is what it is about, not the last one it names.
  ['Georgien stimmte für den Antrag und Russland protestierte. Das Land will im Herbst abstimmen lassen.', ['Land=GEO@Georgi']],
  // A description is not the state that acts in its own clause, though that state opened the sentence before.
  ['Erdogan empfing den aserbaidschanischen Präsidenten in Ankara. Die Türkei liefert dem Land seit Jahren Drohnen.', ['Land=AZE@aserba']],
  // An armed group's description stands for the last group named, not for a state named since.
  ['Die Hisbollah feuerte Raketen auf Israel. Die Miliz kündigte weitere Angriffe an.', ['Miliz=HEZBOLLAH@Hisbol']],
  // A word for both kinds ("die Organisation") stands for the kind named last.
  ['Die Nato tagte in Brüssel. Später empfing Moskau die Hamas. Die Organisation bedankte sich.', ['Organisation=HAMAS@Hamas.']],
  ['Die Hamas schickte Vertreter nach Moskau. Danach tagte die Nato. Die Organisation beriet über Hilfe.', ['Organisation=NATO@Nato. ']],
  // "die Insel" is a state on islands, not the last state named.
  ['Kuba empfing russische Schiffe. Die USA schickten ein U-Boot. Russland liefert der Insel Öl.', ['Insel=CUB@Kuba e']],
  ['Die Philippinen klagten. China warnte den Inselstaat.', ['Inselstaat=PHL@Philip']],
  ['Russland drohte Finnland. Die Insel lag im Nebel.', []],
  // No group named: the description stays a word.
  ['Russland griff Charkiw an. Die Miliz der Stadt half bei der Evakuierung.', []],
]

const enRefs = (text: string) => {
  const doc = analyseText(text, '2025-06-17', 'en')
  return doc.mentions.filter((m) => m.kind === 'coref').map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}@${doc.text.slice(m.antecedent!, m.antecedent! + 6)}`)
}
test('coref (English): the state that opens the sentence before is what a description refers to', () => {
  assert.deepEqual(enRefs("Moldova's parliament backed the bill, a further step away from its old patron Russia. The government wants a vote in the autumn."), ['government=MDA@Moldov'])
  assert.deepEqual(enRefs('Iran sent drones to Russia. The country also sent shells.'), ['country=IRN@Iran s'])
})

test('coref: "the 32 allies" after NATO is NATO; a number stands where an adjective may', () => {
  assert.deepEqual(enRefs('NATO leaders met in Washington. The 32 allies called on China to stop its support.'), ['allies=NATO@NATO l'])
  assert.deepEqual(enRefs('Russia and its allies met in Minsk.'), [])
})

test('coref: a possessive before "country" names its owner\'s state, before "ally" another state (English and German)', () => {
  assert.deepEqual(enRefs('The Kazakh president said his country would not recognise the annexation.'), ['his country=KAZ@Kazakh'])
  assert.deepEqual(enRefs('Serbia came under pressure. China stood behind its ally.'), ['its ally=SRB@Serbia'])
  assert.deepEqual(refs('Der kasachische Präsident sagte, sein Land werde die Annexion nicht anerkennen.'), ['sein Land=KAZ@kasach'])
})

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

test('a particle of a name ("Von der Leyen") is no short name: "Von Paris reiste Xi" names no one from Brussels', () => {
  const doc = analyseText('Ursula von der Leyen traf Xi in Paris. Von Paris reiste Xi nach Belgrad weiter.', '2024-05-10')
  assert.deepEqual(doc.mentions.filter((m) => doc.text.slice(m.start, m.end) === 'Von'), [])
  assert.ok(!eventStrings(doc).some((e) => e.startsWith('EU>SRB')), eventStrings(doc).join(' '))
  assert.ok(eventStrings(doc).includes('CHN>SRB:CONSULT'), eventStrings(doc).join(' '))
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

test('a name nobody listed, after a role, names that role\'s holder for the rest of the article', () => {
  const doc = analyseText('Ghanas Präsident Kwame Asante Mensah reiste am Montag nach Moskau. Mensah unterzeichnete dort einen Vertrag mit Russland.', '2024-03-06')
  const full = doc.mentions.find((m) => doc.text.slice(m.start, m.end).endsWith('Mensah') && m.tokenEnd - m.tokenStart > 2)
  assert.equal(full?.actor, 'GHA')
  assert.equal(full?.person, 'doc:Kwame Asante Mensah')
  const short = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === 'Mensah')
  assert.equal(short?.actor, 'GHA')
  assert.ok(eventStrings(doc).includes('GHA>RUS:SUPPORT'), eventStrings(doc).join(' '))
  // a time expression after a role is no name
  const time = analyseText('Der russische Präsident Ende Mai traf niemanden.', '2024-03-06')
  assert.ok(!time.mentions.some((m) => m.person?.startsWith('doc:')))
})

test('a name in commas after a role, and a two-word name used again in full', () => {
  const doc = analyseText('Der laotische Regierungschef, Khamla Vongsavath, besuchte Peking. Khamla Vongsavath kündigte danach Gespräche mit China an.', '2024-03-06')
  const names = doc.mentions.filter((m) => m.person?.startsWith('doc:')).map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}`)
  assert.deepEqual(names, ['Khamla Vongsavath=LAO', 'Khamla Vongsavath=LAO'])
  // "sein … Amtskollege" is a role of the state its adjective names
  const colleague = analyseText('Scholz telefonierte mit seinem französischen Amtskollegen.', '2024-03-06')
  assert.ok(colleague.mentions.some((m) => m.actor === 'FRA' && m.kind === 'role'))
})

test('a description does not refer to the subject of its own clause, but may to a place or an apposition in it', () => {
  const refsOf = (text: string) => { const d = analyseText(text, '2024-03-06'); return d.mentions.filter((m) => m.kind === 'coref').map((m) => `${d.text.slice(m.start, m.end)}=${m.actor}`) }
  assert.deepEqual(refsOf('Die Türkei kaufte russische Raketen. Daraufhin schloss Washington das Land aus dem Programm aus.'), ['Land=TUR'])
  assert.deepEqual(refsOf('Die Lage ist ernst. Rebellen schneiden die Hauptstadt Bamako ab und zermürben den Staat.'), ['Staat=MLI'])
})

// Texts of our own: a phrase that names the two states of the story at once.
test('"beide Länder", "beide Seiten", "the two countries" stand for the last two parties named', () => {
  const mutual = analyseText('Die Beziehungen zwischen Kiew und Warschau sind angespannt: Im Mai wiesen beide Länder gegenseitig Diplomaten aus.', '2025-06-17')
  assert.deepEqual(eventStrings(mutual), ['POL>UKR:SANCTION', 'UKR>POL:SANCTION'])
  assert.ok(mutual.mentions.some((m) => m.rule === 'de.coref.pair'))
  const plan = analyseText('Putin empfing am Montag den algerischen Präsidenten in Moskau. Beide Seiten kündigten an, ihre Zusammenarbeit beim Gas auszubauen.', '2025-06-17')
  assert.ok(eventStrings(plan).some((e) => /^(DZA>RUS|RUS>DZA):COOPERATE:planned$/.test(e)), eventStrings(plan).join(' '))
  const en = analyseText('Saudi Arabia and Iran held talks in Beijing. The two countries agreed to reopen their embassies.', '2025-06-17', 'en')
  assert.ok(eventStrings(en).some((e) => /^(SAU>IRN|IRN>SAU):AGREE/.test(e)), eventStrings(en).join(' '))
  // A state named only as an origin or a place is no party of the pair.
  const origin = analyseText('Der Präsident war direkt aus Nordkorea nach Hanoi angereist. Beide Seiten unterzeichneten ein Abkommen.', '2025-06-17')
  assert.deepEqual(eventStrings(origin).filter((e) => e.includes('PRK')), [])
  // A name in apposition to a noun after a preposition ("in der Gruppe Opec+") is a place, no party.
  const club = analyseText('Russland und Algerien, die in der Organisation Opec+ mitreden, trafen sich am Montag. Beide Seiten vereinbarten eine engere Abstimmung.', '2025-06-17')
  assert.ok(eventStrings(club).some((e) => /^(DZA>RUS|RUS>DZA):AGREE/.test(e)), eventStrings(club).join(' '))
  assert.deepEqual(eventStrings(club).filter((e) => e.includes('OPEC')), [])
  // "beide" alone, as a pronoun, names the pair too; as the article of a noun phrase it does not.
  const alone = analyseText('Im Mai hatte Abe Putin in Sotschi besucht, im September trafen sich beide erneut.', '2016-12-16')
  assert.deepEqual(alone.mentions.filter((m) => m.rule === 'de.coref.pair').map((m) => m.actor).sort(), ['JPN', 'RUS'])
  assert.ok(!analyseText('Russland erkannte die beiden Regionen an.', '2022-02-22').mentions.some((m) => m.rule === 'de.coref.pair'))
  // With fewer than two parties named, the phrase names no one.
  assert.deepEqual(eventStrings(analyseText('Russland protestierte. Beide Seiten schwiegen danach.', '2025-06-17')), [])
})

test('after a comma, a name and a verb open a main clause of their own; an infinitive clause or reported speech does not', () => {
  const doc = analyseText('Im März wiesen Estland und Russland gegenseitig ihre Botschafter aus, Lettland schloss sich an und verwies den russischen Botschafter.', '2025-06-17')
  assert.deepEqual(eventStrings(doc), ['EST>RUS:SANCTION', 'LVA>RUS:SANCTION', 'RUS>EST:SANCTION'])
  const infinitive = analyseText('Washington warf Pjöngjang vor, Russland Granaten geliefert zu haben.', '2025-06-17')
  assert.ok(eventStrings(infinitive).some((e) => e.startsWith('PRK>RUS:AID')), eventStrings(infinitive).join(' '))
})

test('a relative clause after the verb speaks of the noun before that verb', () => {
  const doc = analyseText('Russland hat die Gespräche abgebrochen und dies mit den Sanktionen begründet, die Japan gegen Moskau verhängt hat.', '2025-06-17')
  assert.ok(eventStrings(doc).includes('JPN>RUS:SANCTION'), eventStrings(doc).join(' '))
})

test('an office no state is named for stands for the state of the passage, and its holder may be named again', () => {
  const offices = (text: string) => {
    const doc = analyseText(text)
    return doc.mentions.filter((m) => m.rule.endsWith('.coref.office') || m.rule.endsWith('.coref.short-name')).map((m) => `${doc.text.slice(m.start, m.end)}=${m.actor}`)
  }
  // with a name nobody listed, and without one after an article
  assert.deepEqual(offices('Kirgistan ist verärgert. Vizeregierungschef Talant Beispielow kritisierte Washington. Beispielow sprach von Willkür.'), ['Vizeregierungschef Talant Beispielow=KGZ', 'Beispielow=KGZ'])
  assert.deepEqual(offices('Die Mongolei blieb ruhig. Der Außenminister empfing später Gäste.'), ['Außenminister=MNG'])
  // an office with its state, a listed holder, or no state before it is no such reference
  assert.deepEqual(offices('Kirgistan ist verärgert. Der Präsident Kasachstans kritisierte Washington.'), [])
  assert.deepEqual(offices('Kirgistan ist verärgert. Präsident Putin kritisierte Washington.'), [])
  assert.deepEqual(offices('Außenminister Talant Beispielow reiste ab.'), [])
  // no state named as a party after the office in its clause is the office's own; a place may be
  assert.deepEqual(offices('Die Philippinen protestierten. China wies das zurück. Armeechef Jose Beispiel warf der chinesischen Küstenwache Piraterie vor.'), ['Armeechef Jose Beispiel=PHL'])
  assert.deepEqual(offices('Deutschland schweigt. Regierungssprecher Max Muster sagte in Berlin, man prüfe alles.'), ['Regierungssprecher Max Muster=DEU'])
  // a demonym before the office names its state already
  assert.deepEqual(offices('Russland empfing Gäste. Der iranische Vizeaußenminister Ali Beispiel kam nach Moskau.'), [])
  // the office acts for its state: the object is no longer read as the subject
  assert.deepEqual(eventStrings(analyseText('Die Philippinen sind empört. Armeechef Jose Beispiel kritisierte die chinesische Küstenwache.')), ['PHL>CHN:ACCUSE'])
  assert.deepEqual(eventStrings(analyseText('Estland ist besorgt. Der Verteidigungsminister warf Moskau Provokationen vor.')), ['EST>RUS:ACCUSE'])
})

test('in what a speaker opening the sentence says, "the country" is the speaker\'s, unless another state is named between them', () => {
  const said = analyseText('Tokayev met Putin. Kazakh officials have also said that the country will not help Moscow evade sanctions.', '2022-06-18', 'en')
  assert.deepEqual(said.mentions.filter((m) => m.rule === 'en.coref.description').map((m) => m.actor), ['KAZ'])
  const between = analyseText('Armenia applied to the EU. Kremlin spokesman Dmitry Peskov called the move Armenia\'s right but warned that the country could not join both blocs.', '2025-03-26', 'en')
  assert.ok(!between.mentions.some((m) => m.rule === 'en.coref.description' && m.actor === 'RUS'))
})

test('a chancellor "in Moskau" is where she was, not an office of Russia; an embassy there is no Russian institution either', () => {
  const doc = analyseText('Am Samstag hatte die Kanzlerin in Moskau mit Putin über den Konflikt gesprochen.', '2020-01-13')
  assert.ok(!doc.mentions.some((m) => doc.text.slice(m.start, m.end).startsWith('Kanzlerin')), 'no mention of the chancellor as a Russian office')
  assert.ok(doc.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Moskau' && m.actor === 'RUS'), 'Moscow is still a place of Russia')
})
