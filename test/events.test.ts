import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyseText, eventStrings, kb, oneSidedStrings } from './helpers.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'

// Sentences written for these tests: [sentence, publication date, expected events].
const relationCases: [string, string, string[]][] = [
  ['Teheran lieferte im Herbst 2022 Hunderte Kampfdrohnen an Moskau.', '2023-01-10', ['IRN>RUS:AID']],
  ['Im Januar 2025 unterzeichneten Russland und der Iran einen Partnerschaftsvertrag.', '2025-02-01', ['RUS>IRN:SUPPORT']],
  ['Kasachstan, aber auch Usbekistan und Kirgistan stellen sich nicht auf die Seite Moskaus.', '2022-04-01', ['KAZ>RUS:SUPPORT:negated', 'KGZ>RUS:SUPPORT:negated', 'UZB>RUS:SUPPORT:negated']],
  ['Das Passagierflugzeug wurde von der russischen Luftabwehr über Tschetschenien beschossen.', '2024-12-30', []],
  ['Die Stellungen der Ukraine wurden von Russland beschossen.', '2024-12-30', ['RUS>UKR:ASSAULT']],
  // not wanting to deliver is refusing to (REJECT), not a negated delivery; the hedge stays
  ['Peking will offenbar keine Waffen an Moskau liefern.', '2023-03-01', ['CHN>RUS:REJECT:hedged']],
  ['Laut ukrainischen Angaben soll Pjöngjang Granaten nach Russland geschickt haben.', '2023-11-01', ['PRK>RUS:AID:hedged']],
  ['Der Kreml dementierte, dass Russland Soldaten nach Libyen entsandt habe.', '2020-05-01', ['RUS>LBY:AID:denied']],
  ['Eriwan fror im Februar seine Mitarbeit in der OVKS ein.', '2024-03-01', ['ARM>CSTO:RETREAT']],
  ['Russland erkannte die Taliban-Regierung im Juli offiziell an.', '2025-07-10', ['RUS>AFG:SUPPORT']],
  ['Der aserbaidschanische Präsident warf dem Kreml Vertuschung vor.', '2025-01-05', ['AZE>RUS:ACCUSE']],
  ['Russland hat im Juni 2024 mit Nordkorea einen Beistandspakt geschlossen.', '2024-07-01', ['RUS>PRK:SUPPORT']],
  ['In Russland ist es im Winter kalt.', '2024-07-01', []],
  ['Niger kündigte im März das Militärabkommen mit Washington auf.', '2024-04-01', ['NER>USA:REJECT']],
  ['Der Kreml bestellte den moldauischen Botschafter ein und verlangte eine Erklärung.', '2023-02-01', ['RUS>MDA:PROTEST', 'RUS>MDA:REQUEST']],
  ['Die Polizei in Minsk durchsuchte das Büro der litauischen Stiftung Belarus Freedom.', '2024-02-01', ['BLR>LTU:COERCE']],
  ['Im Herbst setzte Russland Gleitbomben und Drohnen gegen ukrainische Stellungen ein.', '2024-12-01', ['RUS>UKR:ASSAULT']],
  // object control: the infinitive's subject is the object of "bat"
  ['Damals bat der Präsident von Tadschikistan den Kreml, Truppen in das Land zu entsenden.', '2024-12-01', ['TJK>RUS:REQUEST']],
  // a purpose clause states an aim, not an act
  ['Frankreich schickte Ausbilder nach Niger, um die dortige Armee gegen Dschihadisten zu unterstützen.', '2021-12-01', ['FRA>NER:AID']],
  // an attributive participle after a determiner describes
  ['Die von Moskau unterstützte Regierung in Damaskus stürzte im Dezember.', '2024-12-20', []],
  ['Die russisch unterstützte Junta kontrolliert nur noch die Hauptstadt.', '2025-01-10', []],
  // a genitive describing a named actor
  ['Die Türkei bezieht mehr Gas aus Georgiens Nachbarland Aserbaidschan.', '2023-01-10', ['TUR>AZE:COOPERATE']],
  // "Nato-Staaten, darunter die USA": one agent
  ['Die Rebellen wurden von mehreren Nato-Staaten, darunter den USA, ausgerüstet.', '2015-01-10', []],
  // a parenthesis and an apposition inside the main clause do not cut it
  ['Im März fror Georgien seine Mitarbeit in der Eurasischen Wirtschaftsunion (EAWU), einem Projekt Moskaus, ein.', '2025-01-10', ['GEO>EAEU:RETREAT']],
  // an apposition with a definite article
  ['Die Polizei in Kasan, der Hauptstadt Tatarstans, nahm zwei Diplomaten aus Estland fest.', '2025-01-10', []],
  ['Russland, der wichtigste Partner Armeniens, zog im Juli seine Grenzschützer aus Eriwan ab.', '2024-08-10', ['RUS>ARM:RETREAT']],
  // the main clause resumes after a relative clause ends on its verb
  ['Serbien lieferte im Sommer, wie Beobachter berichteten, Munition an die Ukraine.', '2024-10-01', ['SRB>UKR:AID:reported']],
  // a relative clause that starts with a preposition is not an apposition
  ['Armenien trat dem Strafgerichtshof bei, der im März einen Haftbefehl gegen Putin erlassen hatte.', '2024-10-01', ['ARM>ICC:SUPPORT', 'ICC>RUS:COERCE']],
  // a repeated preposition inside a coordination
  ['Russland entsandte Militärberater nach Mali und nach Niger.', '2024-05-01', ['RUS>MLI:AID', 'RUS>NER:AID']],
  // an object pronoun refers back, never to its own clause's subject
  ['Nach der umstrittenen Wahl Maduros hat Moskau ihm geholfen, an der Macht zu bleiben.', '2024-09-01', ['RUS>VEN:SUPPORT']],
  // paired dashes enclose an aside
  ['Armenien setzte im Februar seine Mitarbeit in der OVKS – einem Bündnis unter Moskaus Führung – aus.', '2024-03-01', ['ARM>CSTO:RETREAT']],
  // a list of verb phrases shares its subject; the bare phrase in the second is an object
  ['Tiflis reagierte, indem es geplante russische Konzerte absagte, den russischen Gesandten einbestellte und eine Erklärung verlangte.', '2024-06-01', ['GEO>RUS:PROTEST', 'GEO>RUS:REQUEST']],
  // an apposition's closing comma can open the next clause
  ['Selenskyj sagte, er habe Chisinau Hilfe angeboten, „in einer Lage, in der Moskau Moldau offen bedroht“.', '2024-06-01', ['RUS>MDA:THREATEN:reported']],
  // a compound takes its head noun's trigger ("Grenzverhandlungen" is a kind of "Verhandlungen")
  ['Die Grenzverhandlungen zwischen Armenien und Aserbaidschan kamen im Mai voran.', '2024-07-01', ['ARM>AZE:CONSULT']],
  // a preposition governs its phrase across an attributive agent
  ['Im Jahr 2024 fror Armenien seine Teilnahme an der vom Kreml geführten OVKS ein.', '2024-05-01', ['ARM>CSTO:RETREAT']],
  // a pronoun after a conjunction is that clause's subject
  ['Ankara reagierte scharf, indem es den israelischen Botschafter einbestellte.', '2023-11-05', ['TUR>ISR:PROTEST']],
  ['Im Ukraine-Krieg verlor Russland viele Soldaten.', '2024-07-01', []],
  // whoever holds a place stands for it ("den von … kontrollierten Hafen"); a place after a preposition stays a place
  ['Die US-Marine beschoss am Morgen den von der Hisbollah gehaltenen Grenzposten.', '2024-07-01', ['USA>HEZBOLLAH:ASSAULT']],
  ['Die von Russland kontrollierte Stadt wurde in der Nacht von der Ukraine bombardiert.', '2024-07-01', ['UKR>RUS:ASSAULT']],
  ['Die Ukraine griff ein Munitionslager im von Russland besetzten Gebiet an.', '2024-07-01', []],
  ['Die von der Türkei unterstützten Milizen griffen Stellungen in Nordsyrien an.', '2024-07-01', []],
  // the accused is the subject of a perfect infinitive ("geliefert zu haben"), and the charge is reported
  ['Mehrere Regierungen werfen Minsk vor, Moskau Munition geliefert zu haben.', '2024-07-01', ['BLR>RUS:AID:reported']],
  ['Vilnius beschuldigte Pjöngjang, Artilleriegranaten an Russland verkauft zu haben.', '2024-07-01', ['LTU>PRK:ACCUSE', 'PRK>RUS:AID:reported']],
  // a main clause that opens with a noun phrase naming no actor has it as subject: the actor after the verb is an object
  ['Der Sprecher kritisierte Washington scharf.', '2024-07-01', []],
  ['Die Kommission warf Peking vor, Russland Bauteile verkauft zu haben.', '2024-07-01', ['CHN>RUS:AID:reported']],
  ['Die staatliche Förderbank KfW sagte Litauen neue Kredite zu.', '2024-07-01', []],
  // … but not where an adjective before another noun continues the phrase, nor past a comma
  ['Die Pacht beider Häfen hatte Moskau 2019 mit Damaskus vereinbart.', '2024-07-01', ['RUS>SYR:AGREE']],
  ['Die Minister tagten am Freitag, kurz nachdem Minsk Vilnius mit Sanktionen gedroht hatte.', '2024-07-01', ['BLR>LTU:THREATEN']],
  // a demand in reported speech without "dass" is made of the complement's subject
  ['Kiew verlangte, Moskau müsse die Kinder zurückgeben.', '2024-07-01', ['UKR>RUS:REQUEST']],
  ['Ankara forderte, Athen solle die Inseln entmilitarisieren.', '2024-07-01', ['TUR>GRC:REQUEST']],
  ['Paris verlangte, es müsse eine Waffenruhe geben.', '2024-07-01', []],
  // a listed name that opens with a lower-case particle is found in running text
  ['Am Abend sprach Erdoğan lange mit al-Scharaa.', '2025-03-01', ['TUR>SYR:CONSULT']],
  // a border crossing "nach" or "zu" a state closes or opens towards it
  ['Norwegen schloss im Herbst seinen einzigen Übergang nach Russland.', '2024-07-01', ['NOR>RUS:SANCTION']],
  ['Litauen öffnete die Grenzübergänge zu Belarus im Juni wieder.', '2024-07-01', ['LTU>BLR:CONCEDE']],
  ['Nach den Gesprächen in Moskau schloss Finnland die Grenze.', '2024-07-01', []],
  // a listed name after a role is an actor of its own, not the role's holder
  ['Im März forderte die Regierung in Niamey Washington auf, seine Soldaten abzuziehen.', '2024-07-01', ['NER>USA:REQUEST']],
  // a charge with nobody named continues its speaker's quarrel only within the paragraph
  ['Polen bestellte den belarussischen Botschafter ein. Außenminister Sikorski nannte den Vorfall eine Provokation.', '2024-07-01', ['POL>BLR:ACCUSE', 'POL>BLR:PROTEST']],
  ['Polen bestellte den belarussischen Botschafter ein.\n\nAußenminister Sikorski nannte den Vorfall eine Provokation.', '2024-07-01', ['POL>BLR:PROTEST']],
  // the same charge by two speakers is two acts; the same delivery told twice is one
  ['Präsidentin Sandu warf Moskau Einmischung vor. Die Ermittler in Chișinău werfen Russland vor, Unruhen geplant zu haben.', '2025-09-30', ['MDA>RUS:ACCUSE', 'MDA>RUS:ACCUSE']],
  ['Iran lieferte Drohnen an Russland. Teheran lieferte auch Munition an Moskau.', '2025-09-30', ['IRN>RUS:AID']],
]

for (const [sentence, date, expected] of relationCases) {
  test(`events: ${sentence}`, () => {
    assert.deepEqual(eventStrings(analyseText(sentence, date)), [...expected].sort())
  })
}

test('an event takes the date its sentence states, resolved against the publication date', () => {
  const [e] = analyseText('Im Herbst letzten Jahres hatte Nordkorea 11.000 Soldaten nach Russland entsandt.', '2025-06-17').events
  assert.equal(e?.date, '2024')
  assert.equal(e?.quantity, '11.000 Soldaten')
  assert.equal(e?.mode, 'troops')
  const [undated] = analyseText('Teheran lieferte Drohnen an Moskau.', '2025-06-17').events
  assert.equal(undated?.date, null)
})

test('a deadline dates neither the act that sets it nor the sentences after it', () => {
  const events = analyseText('Litauen wies den belarussischen Botschafter am Dienstag aus; er muss das Land bis zum 2. März verlassen. Vilnius warf Minsk zudem Spionage vor.', '2025-02-20').events
  assert.equal(events.find((e) => e.type === 'SANCTION')?.date, '2025-02-18')
  assert.equal(events.find((e) => e.type === 'ACCUSE')?.date, '2025-02-18')
})

test('a verb that closes its stretch of the clause takes the time before it, not one after the comma', () => {
  const events = analyseText('Indien und Russland hatten Ende 2017 erstmals vor Wladiwostok gemeinsam geübt, weitere Übungen folgten 2021.', '2024-03-15').events
  const drill = events.find((e) => e.type === 'COOPERATE')
  assert.equal(drill?.date, '2017')
})

test('a point time dates the act and the sentences after it; "erstmals seit" only measures', () => {
  const text = 'Lukaschenko traf am Mittwoch erstmals seit März mit dem russischen Präsidenten zusammen. Er dankte Russland für die Kredite.'
  const events = analyseText(text, '2023-10-20').events
  assert.equal(events.find((e) => e.type === 'CONSULT')?.date, '2023-10-18')
  assert.equal(events.find((e) => e.type === 'SUPPORT')?.date, '2023-10-18')
  // With no point time beside it, the start of a state still dates the clause.
  const [since] = analyseText('Seit Oktober liefert Teheran Drohnen an Moskau.', '2023-02-20').events
  assert.equal(since?.date, '2022-10')
})

test('a time that describes a noun ("die 2014 verhängten Sanktionen") dates neither the clause nor the narrative', () => {
  const text = 'Die Regierung in Caracas hatte Washington am Montag aufgefordert, die 2019 verhängten Sanktionen aufzuheben. Zugleich dankte sie Russland für seine Hilfe.'
  const events = analyseText(text, '2024-04-18').events
  assert.equal(events.find((e) => e.type === 'SUPPORT')?.date, '2024-04-15')
  const [extended] = analyseText('Kanada verlängerte die 2016 verhängten Sanktionen gegen Iran.', '2024-04-18').events
  assert.equal(extended?.type, 'SANCTION')
  assert.notEqual(extended?.date, '2016')
})

test('an aside on an actor tells how long it has been what it is, not when it acts', () => {
  const club = analyseText('Die Opec-Staaten, denen seit Januar auch Brasilien angehört, luden am Montag Kasachstan zum Beitritt ein.', '2024-05-08').events
  assert.equal(club.find((e) => e.target === 'KAZ')?.date, '2024-05-06')
  const state = analyseText('Über die Leitung, die seit Mai 2021 in Betrieb ist, liefert Russland China Gas.', '2024-05-08').events
  assert.equal(state.find((e) => e.target === 'CHN')?.date, '2021-05')
})

test('an act set in an occasion dated before takes its date, and passes it on', () => {
  const text = 'Der Präsident hatte den Schritt schon am 3. Mai in einer Rede angekündigt.\n\nIn der Rede warf Lukaschenko Polen Provokationen vor. Zudem drohte er Litauen mit Konsequenzen.'
  const events = analyseText(text, '2025-06-17').events
  assert.equal(events.find((e) => e.type === 'ACCUSE')?.date, '2025-05-03')
  assert.equal(events.find((e) => e.type === 'THREATEN')?.date, '2025-05-03')
  const en = analyseText('Lukashenko gave a long speech on May 3.\n\nDuring the speech, Belarus accused Poland of provocations.', '2025-06-17', 'en').events
  assert.equal(en.find((e) => e.type === 'ACCUSE')?.date, '2025-05-03')
})

// A report on this week's news, and an overview of alliances made over the years (texts of our own).
const WEEK_REPORT = 'Am Dienstag reiste der kasachische Außenminister nach Kiew. Zuvor hatte er im Februar 2024 und Anfang März Gespräche in Warschau geführt.\n\nKasachstan liefert der Ukraine Generatoren.'
const OVERVIEW = 'Seit 2014 rückt Moskau näher an Peking. Im Jahr 2019 kam eine Pipeline hinzu, 2021 ein Manöver.\n\nChina liefert Russland Halbleiter.'

test('a long-running or repeated act with no time of its own stays undated in a report of current events', () => {
  const events = analyseText('Am Dienstag reiste der kasachische Außenminister nach Kiew. Zuvor hatte er im Februar 2024 und Anfang März Gespräche in Warschau geführt.\n\nKasachstan liefert der Ukraine Generatoren. Kiew verlangt seit Langem, dass Astana Waffen liefert.', '2024-03-21').events
  assert.equal(events.find((e) => e.type === 'AID' && e.modality === 'asserted')?.date, '2024-03')
  assert.equal(events.find((e) => e.type === 'REQUEST')?.date, null)
  const en = analyseText('On Tuesday, Poland closed its border with Belarus. Talks had failed on Monday and in February.\n\nWarsaw has repeatedly accused Minsk of sending migrants.', '2024-03-21', 'en').events
  assert.equal(en.find((e) => e.type === 'ACCUSE')?.date, null)
})

test('a report that opens on this week and looks back over the year dates its undated acts by its publication month', () => {
  const text = 'Am Dienstag verurteilte die Nato Belarus, am Montag hatte Polen protestiert. Schon im Juni 2023 und im Mai 2023 hatte es Streit gegeben, auch im April 2023.\n\nBelarus liefert Russland Munition.'
  const aid = analyseText(text, '2024-03-21').events.find((e) => e.type === 'AID')
  assert.equal(aid?.date, '2024-03')
  // Looking back over decades, it is an overview: undated acts stay undated.
  const history = 'Am Dienstag verurteilte die Nato Belarus, am Montag hatte Polen protestiert. Schon 1994, 1999 und 2008 hatte es Streit gegeben.\n\nBelarus liefert Russland Munition.'
  assert.equal(analyseText(history, '2024-03-21').events.find((e) => e.type === 'AID')?.date, null)
})

test('a report of current events dates its undated acts by its publication month; an overview leaves them undated', () => {
  const report = analyseText(WEEK_REPORT, '2024-03-21').events
  const aid = report.find((e) => e.type === 'AID')
  assert.equal(aid?.date, '2024-03')
  assert.ok(aid?.trace.includes('date:publication-month'), aid?.trace.join(' '))
  // An act its sentence dates keeps that date.
  assert.equal(report.find((e) => e.type === 'CONSULT')?.date, '2024-03-19')
  const supply = analyseText(OVERVIEW, '2024-03-21').events.find((e) => e.source === 'CHN' && e.target === 'RUS')
  assert.ok(supply)
  assert.equal(supply.date, null)
  // The same report without a date of its own (an estimate) gives no date either.
  const estimated = buildDoc({ index: 0, text: WEEK_REPORT, format: 'txt' }, '/tmp/undated.txt', kb, { lang: 'de' })
  assert.equal(estimated.date?.source, 'estimated')
  assert.equal(estimated.events.find((e) => e.type === 'AID')?.date, null)
})

test('every event names its rule, its trigger span and the rules that shaped it', () => {
  const doc = analyseText('Der russische Verteidigungsminister reiste Ende Juli nach Nordkorea.', '2023-08-02')
  const [e] = doc.events
  assert.equal(`${e?.source}>${e?.target}:${e?.type}`, 'RUS>PRK:CONSULT')
  assert.equal(e?.date, '2023-07')
  assert.match(e!.rule, /^de\.consult\./)
  assert.equal(doc.text.slice(e!.start, e!.end), 'reiste')
  assert.ok(e!.trace.some((t) => t.startsWith('source:')) && e!.trace.some((t) => t.startsWith('date:')))
})

test('an attributed event is reported, with the attribution kept', () => {
  const [e] = analyseText('Nach Angaben aus Kiew lieferte Teheran erneut Drohnen an Russland.', '2023-01-10').events
  assert.equal(e?.modality, 'reported')
  assert.ok(e?.attribution)
})

test('an announced act is planned, whoever announces it, and keeps its attribution', () => {
  const [own] = analyseText('Ankara will send combat drones to Baku next month, the Turkish defence ministry said.', '2024-03-01', 'en').events
  assert.equal(own?.modality, 'planned')
  assert.equal(own?.attribution, 'said')
  const [claimed] = analyseText('Laut Kiew will Moskau Kampfjets an Teheran liefern.', '2024-03-01').events
  assert.equal(claimed?.modality, 'planned')
  assert.equal(claimed?.attribution, 'Laut')
  // What is said after the act plans nothing of it.
  const [welcomed] = analyseText('Kyiv welcomed the Danish decision and said other countries would follow.', '2024-03-01', 'en').events
  assert.equal(welcomed?.modality, 'asserted')
})

test('conditions and open questions tell of no act; a direct question is hedged', () => {
  const modality = (t: string) => analyseText(t, '2024-05-01').events.map((e) => e.modality)
  assert.deepEqual(modality('Niemand weiß, ob Peking Waffen an Russland liefert.'), [])
  assert.deepEqual(modality('Liefert Peking Waffen an Russland?'), ['hedged'])
  assert.deepEqual(modality('Falls Teheran Raketen an Moskau liefert, drohen neue Sanktionen.'), [])
  // The threat a condition qualifies is made all the same.
  assert.deepEqual(analyseText('Moskau drohte mit Vergeltung, falls Helsinki der Nato beitritt.', '2024-05-01').events.map((e) => `${e.source}>${e.target}:${e.type}`), ['RUS>FIN:THREATEN'])
})

test('negated cooperation is conflict', () => {
  const [e] = analyseText('Indien liefert keine Waffen an Russland.', '2023-01-10').events
  assert.deepEqual([e?.type, e?.modality, e?.polarity], ['AID', 'negated', 'conflict'])
})

test('a pronoun continues the subject of the sentence before', () => {
  const doc = analyseText('Tokajew empfing den chinesischen Außenminister. Er bat Peking um Investitionen.', '2024-05-01')
  assert.ok(eventStrings(doc).includes('KAZ>CHN:REQUEST'), eventStrings(doc).join(' '))
})

test('a date inside a relative clause describes its noun: the next sentence does not inherit it', () => {
  const text = 'Für Ankara ist das heikel. Der Präsident Aserbaidschans, mit dem Erdogan im Mai 2021 eine Allianz geschlossen hatte, zögert. Die Türkei liefert Drohnen an Aserbaidschan.'
  const delivery = analyseText(text, '2024-02-10').events.find((e) => e.type === 'AID')
  assert.equal(delivery?.source, 'TUR')
  assert.equal(delivery?.date, null)
  // …but an adverbial clause's date is the story's time and carries on.
  const story = 'Als Russland im März 2022 angriff, zögerte Kasachstan. Astana lieferte Hilfsgüter an die Ukraine.'
  assert.equal(analyseText(story, '2024-02-10').events.find((e) => e.type === 'AID')?.date, '2022-03')
})

test('a clause interrupted by an aside takes the aside\'s date only when it states none itself', () => {
  const text = 'Über die Leitung, die seit März 2016 Gas führt, liefert Russland Erdgas an die Türkei.'
  const [e] = analyseText(text, '2024-02-10').events.filter((x) => x.source === 'RUS')
  assert.equal(e?.date, '2016-03')
  const own = analyseText('Über die Leitung, die seit März 2016 Gas führt, liefert Russland seit Januar 2020 Erdgas an die Türkei.', '2024-02-10').events.filter((x) => x.source === 'RUS')
  assert.equal(own[0]?.date, '2020-01')
})

test('an act an aside tells does not date the clause around it; a state the aside dates from does', () => {
  const text = 'Der indische Premier, mit dem Putin sich im Februar 2022 getroffen hatte, will Russland keine Waffen liefern.'
  const [refusal] = analyseText(text, '2025-06-17').events.filter((e) => e.source === 'IND')
  assert.equal(refusal?.type, 'REJECT')
  assert.equal(refusal?.date, null)
})

test('in a verb-final clause, a date after "und" and a new subject belongs to the second act, not the first', () => {
  const later = analyseText('Seitdem Russland das Abkommen mit Georgien aufkündigte und die Regierung 2019 neue Zölle erhob, ist der Handel eingebrochen.', '2025-06-17').events
  assert.equal(later.find((e) => e.type === 'REJECT')?.date, null)
  assert.equal(later.find((e) => e.type === 'SANCTION')?.date, '2019')
  const first = analyseText('Seitdem Russland 2019 das Abkommen mit Georgien aufkündigte und die Regierung neue Zölle erhob, ist der Handel eingebrochen.', '2025-06-17').events
  assert.equal(first.find((e) => e.type === 'REJECT')?.date, '2019')
})

test('a clause that frames a report after a colon dates the act reported and interrupts nothing before the colon', () => {
  const [e, ...rest] = analyseText('Die Lage spitzt sich zu: Wie die Agentur Reuters am Montag meldete, will Belarus Russland Soldaten schicken.', '2025-06-17').events
  assert.equal(rest.length, 0)
  assert.equal(`${e?.source}>${e?.target}:${e?.type}:${e?.modality}`, 'BLR>RUS:AID:planned')
  assert.equal(e?.date, '2025-06-16')
  assert.ok(e?.trace.includes('date:de.time.weekday+report'), e?.trace.join(' '))
})

test('"als Freund bezeichnet" inside a relative clause does not hide the main clause that resumes after it, and names the noun it refers to', () => {
  const text = 'Nicht einmal der Präsident Serbiens, den Putin stets als Freund bezeichnet hatte, möchte Russland mit Munition unterstützen.'
  assert.deepEqual(eventStrings(analyseText(text, '2024-02-10')), ['RUS>SRB:SUPPORT', 'SRB>RUS:REJECT'])
})

test('a temporal clause dates its main clause; a temporal clause of its own keeps its date', () => {
  const [e] = analyseText('Als Rebellen im Dezember 2020 auf Bangui vorrückten, schickte Moskau weitere Ausbilder nach Bangui.', '2024-01-17').events
  assert.equal(e?.date, '2020-12')
  assert.ok(e?.trace.includes('date:de.time.month-year+temporal-clause'), e?.trace.join(' '))
})

test('a later sentence restating an act is one event; a refusal of another dimension is an act of its own', () => {
  const text = 'Die Slowakei lehnte im EU-Rat ein Hilfspaket über 50 Milliarden Euro für Kiew ab.\n\nDie Slowakei lehnt zudem Waffenlieferungen an die Ukraine ab. Auch lehnte die Slowakei jede Militärhilfe für die Ukraine ab.'
  const refusals = analyseText(text, '2024-05-01').events.filter((e) => e.type === 'REJECT' && e.source === 'SVK' && e.target === 'UKR')
  assert.deepEqual(refusals.map((e) => e.mode).sort(), ['arms', 'money'], refusals.map((e) => `${e.mode}:${e.sentence}`).join(' '))
})

test('a headline that restates an act of the body is one event, dated and quoted by the body', () => {
  const doc = analyseText('Moldova expels Russian diplomat over spying\n\nMoldova expelled a Russian diplomat on Tuesday, accusing him of espionage.\n', '2025-03-05', 'en')
  const expulsions = doc.events.filter((e) => e.type === 'COERCE' || e.type === 'SANCTION')
  assert.equal(expulsions.length, 1, JSON.stringify(doc.events.map((e) => [e.type, e.sentence])))
  assert.equal(expulsions[0]!.sentence, 1)
  assert.equal(expulsions[0]!.date, '2025-03-04')
  // A headline act the body does not tell stays.
  const only = analyseText('Moldova expels Russian diplomat over spying\n\nThe ministry gave no further details.\n', '2025-03-05', 'en')
  assert.equal(only.events.filter((e) => e.source === 'MDA').length, 1)
})

test('a people protesting demonstrates; a government protesting complains officially', () => {
  const crowd = analyseText('Thousands of Georgians protested against the new law on Sunday.', '2025-03-05', 'en').events.find((e) => e.type === 'PROTEST')
  assert.equal(crowd?.mode, 'demonstration')
  const state = analyseText('Georgia protested to Moscow over the detention of its citizens.', '2025-03-05', 'en').events.find((e) => e.type === 'PROTEST')
  assert.equal(state?.mode, 'diplomatic')
  const de = analyseText('Tausende Georgier protestierten am Sonntag gegen das Gesetz.', '2025-03-05', 'de').events.find((e) => e.type === 'PROTEST')
  assert.equal(de?.mode, 'demonstration')
})

test('an act "damals" takes the date the text last told, even from an earlier paragraph', () => {
  const text = 'Im März 2021 schlossen Litauen und Polen ein Abkommen über Gaslieferungen.\n\nWilna kritisierte Minsk damals scharf. Heute kritisiert Litauen Belarus erneut.'
  const events = analyseText(text, '2023-05-10').events
  const then = events.find((e) => e.source === 'LTU' && e.target === 'BLR' && e.date !== '2023-05-10')
  assert.equal(then?.date, '2021-03', events.map((e) => `${e.source}>${e.target} ${e.date}`).join(', '))
  // Without "damals" a new paragraph does not continue the last one's date.
  const plain = analyseText(text.replace(' damals', ''), '2023-05-10').events.filter((e) => e.source === 'LTU' && e.target === 'BLR')
  assert.ok(plain.every((e) => e.date !== '2021-03'), plain.map((e) => e.date).join(', '))
})

test('a particle "zu" makes no infinitive clause that borrows the first clause\'s subject', () => {
  const doc = analyseText('Unterstützung erhält Kiew aus Tokio: Die staatliche Entwicklungsbank sagte der Ukraine Kredite zu.', '2024-03-01')
  // The bank is the subject of its own clause; Kyiv, the receiver, is no giver.
  assert.deepEqual(oneSidedStrings(doc).filter((s) => s.startsWith('UKR')), [])
  assert.deepEqual(eventStrings(doc).filter((s) => s.startsWith('UKR')), [])
})

test('states that boycott, snub or refuse a meeting do not meet each other, in either language', () => {
  for (const [text, lang] of [['Poland and Lithuania boycotted the summit in Minsk.', 'en'], ['Poland and Lithuania snubbed the summit.', 'en'], ['Estland und Lettland blieben dem Gipfel fern.', 'de']] as const) {
    const events = analyseText(text, '2025-01-01', lang).events
    assert.ok(events.length > 0, text)
    const fellow = new Set(events.map((e) => e.source))
    assert.deepEqual(events.filter((e) => e.target !== null && fellow.has(e.target)), [], text)
  }
})

test('a clause of sequence ("nachdem …") dates its main act only when the paragraph gives no date of its own', () => {
  const told = analyseText('Am Dienstag traf Lukaschenko Putin in Sotschi. Er warf Polen Provokationen vor, nachdem Warschau im Mai die Grenze geschlossen hatte.', '2024-09-20').events
  assert.equal(told.find((e) => e.type === 'ACCUSE')?.date, '2024-09-17')
  // Nor does it move the paragraph's date on for the sentences after it.
  const after = analyseText('Am Dienstag traf Lukaschenko Putin in Sotschi. Er warf Polen Provokationen vor, nachdem Warschau im Mai die Grenze geschlossen hatte. Zudem drohte er Litauen.', '2024-09-20').events
  assert.equal(after.find((e) => e.type === 'THREATEN')?.date, '2024-09-17')
  const alone = analyseText('Minsk warf Polen Provokationen vor, nachdem Warschau im Mai die Grenze geschlossen hatte.', '2024-09-20').events
  assert.equal(alone.find((e) => e.type === 'ACCUSE')?.date, '2024-05')
})

test('an act on an occasion dated before ("blieben dem Treffen fern") takes its date, compounds of the occasion included', () => {
  const text = 'Die Außenminister der OSZE kamen am Donnerstag in Skopje zu ihrem Ministertreffen zusammen.\n\nAus Protest blieben die Außenminister Polens und Litauens dem Treffen fern. Lawrow warf der Nato danach Heuchelei vor.'
  const events = analyseText(text, '2023-12-01').events
  assert.equal(events.find((e) => e.source === 'RUS' && e.type === 'ACCUSE')?.date, '2023-11-30')
})

test('a visit and its reception in one sentence are one act; two visits with their own dates are two', () => {
  const one = analyseText('Putin war am Mittwoch zu seinem ersten Besuch in Pjöngjang eingetroffen und von Kim Jong Un empfangen worden.', '2024-06-20').events.filter((e) => e.type === 'CONSULT')
  assert.equal(one.length, 1, one.map((e) => `${e.source}>${e.target}`).join(' '))
  const two = analyseText('Im Mai war der kasachische Präsident nach Moskau gereist, und im November hatte Putin Astana einen Staatsbesuch abgestattet.', '2025-06-18').events.filter((e) => e.type === 'CONSULT')
  assert.equal(two.length, 2)
})

test('a plan is dated when it was made, not when it is to happen; a planned time alone stands', () => {
  const made = analyseText('Die Nato tagt. Die Verteidigungsminister des Bündnisses beschlossen am Freitag, von Anfang 2027 an ein Bataillon nach Estland zu entsenden.', '2026-07-10')
  assert.deepEqual(made.events.filter((e) => e.type === 'AID').map((e) => e.date), ['2026-07-10'])
  const scheduled = analyseText('Für Freitag ist in Sotschi ein Treffen Lukaschenkos mit Putin geplant.', '2020-02-03')
  assert.deepEqual(scheduled.events.filter((e) => e.type === 'CONSULT').map((e) => e.date), ['2020-02-07'])
})

test('holding on to an alliance is support and arrests nobody; holding a person is an arrest', () => {
  const held = analyseText('Der Premier versicherte Putin, Armenien werde an dem Bündnis mit Russland festhalten.', '2018-05-15').events
  assert.deepEqual(held.map((e) => `${e.source}>${e.target ?? '·'}:${e.type}`), ['ARM>RUS:SUPPORT'])
  const arrest = analyseText('Die Behörden in Minsk hielten den litauischen Journalisten fest.', '2021-05-24').events
  assert.deepEqual(arrest.map((e) => `${e.source}>${e.target ?? '·'}:${e.type}`), ['BLR>LTU:COERCE'])
})

test('the year a thing dates from ("ein Abkommen aus dem Jahr 1993") is printed but dates no act, nor the sentences after it', () => {
  const doc = analyseText('Im Juli kündigte Georgien einen Vertrag mit Russland aus dem Jahr 1994. Tiflis warf Moskau vor, die Grenze zu verschieben.', '2016-08-10')
  assert.ok(doc.times.some((t) => t.text === '1994' && !t.anchorable))
  assert.deepEqual(doc.events.map((e) => `${e.type}:${e.date}`), ['REJECT:2016-07', 'ACCUSE:2016-07'])
})

test('a time in a main clause that a semicolon sets off after the act dates the later act, not this one', () => {
  const doc = analyseText('Paschinjan hatte sich seit seinem Amtsantritt im Mai um Moskau bemüht. Kurz nach der Wahl traf er Putin in Sotschi; Anfang September folgte ein Besuch in Moskau.', '2018-11-05')
  assert.deepEqual(doc.events.filter((e) => e.type === 'CONSULT').map((e) => `${e.mode}:${e.date}`), ['meeting:2018-05', 'visit:2018-09'])
})

test('an end after the publication date dates no act; an end before it still does', () => {
  const [extended] = analyseText('Kasachstan und Russland verlängerten den Pachtvertrag für Baikonur bis 2050.', '2024-03-15').events
  assert.equal(extended?.type, 'SUPPORT')
  assert.notEqual(extended?.date, '2050', 'the end of the lease is no date of the extension')
  const [stationed] = analyseText('Russland hatte bis 2010 Truppen in Transnistrien stationiert.', '2024-03-15').events
  assert.equal(stationed?.date, '2010')
})

test('a span of months with no year ("von August bis Dezember") dates an act by its first month', () => {
  const attacks = analyseText('Amerikanische Kampfjets flogen von August bis Dezember Angriffe auf den IS.', '2017-01-12').events.find((e) => e.type === 'ASSAULT')
  assert.equal(attacks?.type, 'ASSAULT')
  assert.equal(attacks?.date, '2016-08')
})
