import { test } from 'node:test'
import assert from 'node:assert/strict'
import { de } from './helpers.ts'
import { tagTimes } from '../src/time/tagger.ts'
import { chooseTimeMode, tagTimesIn } from '../src/time/mode.ts'

// [sentence, publication date, expected [text, value] pairs]
const cases: [string, string, [string, string][]][] = [
  ['Das Treffen fand im Juni 2024 statt.', '2025-06-17', [['Juni 2024', '2024-06']]],
  ['Ende letzten Jahres änderte sich das.', '2025-06-17', [['Ende letzten Jahres', '2024']]],
  ['Im Herbst letzten Jahres kamen sie.', '2025-06-17', [['Herbst letzten Jahres', '2024-FA']]],
  ['Am Montag reiste er ab.', '2025-06-19', [['Montag', '2025-06-16']]],
  ['In der vergangenen Woche eskalierte es.', '2025-06-19', [['vergangenen Woche', '2025-W24']]],
  ['Anfang 2025 stimmte das Parlament ab.', '2025-06-17', [['Anfang 2025', '2025']]],
  ['Die Gespräche dauerten am 20. und 21. Mai 2025.', '2025-06-17', [['20.', '2025-05-20'], ['21. Mai 2025', '2025-05-21']]],
  ['Vor 70 Jahren endete der Krieg.', '2015-05-08', [['Vor 70 Jahren', '1945']]],
  ['Seit 2014 herrscht Krieg.', '2025-06-17', [['Seit 2014', '2014']]],
  ['Zwischen 1979 und 1989 kämpften sie.', '2015-12-25', [['Zwischen 1979', '1979'], ['1989', '1989']]],
  ['Im März und April 1943 wurde gekämpft.', '2011-01-01', [['März', '1943-03'], ['April 1943', '1943-04']]],
  ['Im Winter 1870/71 fiel Paris.', '2011-01-01', [['Winter 1870', '1870-WI'], ['71', '1871-WI']]],
  ['Am 4. August begann es, zwei Tage später folgte die Antwort.', '2015-01-01', [['4. August', '2014-08-04'], ['zwei Tage später', '2014-08-06']]],
  ['Am 20. Mai kam er, wenige Tage danach ging sie.', '2025-06-17', [['20. Mai', '2025-05-20'], ['wenige Tage danach', '2025-05']]],
  ['Es ist nicht mal drei Monate her, dass sie anrief.', '2022-03-28', [['drei Monate her', '2021-12']]],
  ['Im Dezember fiel Schnee.', '2025-06-17', [['Dezember', '2024-12']]],
  // A day named a few days ahead of the report is the coming one; a month later, last year's.
  ['Die Kämpfer sollten vor der Wahl am 9. August das Land destabilisieren.', '2020-07-31', [['9. August', '2020-08-09']]],
  ['Am 15. September kam es zu Protesten.', '2020-07-31', [['15. September', '2019-09-15']]],
  // A clause about the future: a month after the publication month is the next one, not last year's.
  ['Die Regierung wolle im Dezember einen Gipfel ausrichten.', '2025-06-17', [['Dezember', '2025-12']]],
  ['Am 3. Oktober werde der Minister nach Ankara reisen.', '2025-06-17', [['3. Oktober', '2025-10-03']]],
  ['Im März soll die Konferenz stattfinden.', '2025-06-17', [['März', '2026-03']]],
  // Not where a past auxiliary stands beside the future word, nor in the clause after it.
  ['Im Dezember hatte er angekündigt, er werde kommen.', '2025-06-17', [['Dezember', '2024-12']]],
  ['Er werde kommen, sagte er, im Dezember war er dort.', '2025-06-17', [['Dezember', '2024-12']]],
  ['Im März fiel Regen.', '2025-06-17', [['März', '2025-03']]],
  ['Die Zahlen stammen aus dem zweiten Quartal 2023.', '2025-06-17', [['zweiten Quartal 2023', '2023-Q2']]],
  ['Die Grenze ist seit 1993 geschlossen, seit 2000 Soldaten dort stehen.', '2025-06-17', [['seit 1993', '1993']]],
  ['Erst im Mai war der Präsident in Moskau.', '2025-06-18', [['Mai', '2025-05']]],
  ['Im vergangenen November reiste er ab.', '2025-06-18', [['vergangenen November', '2024-11']]],
  ['Seit dem vergangenen Dezember ruht der Dialog.', '2025-06-18', [['vergangenen Dezember', '2024-12']]],
  // Holidays on a fixed day, with a year or resolved as the date they stand for.
  ['Am Ersten Weihnachtstag 1776 setzte er über den Fluss.', '2011-01-01', [['Ersten Weihnachtstag 1776', '1776-12-25']]],
  ['Am ersten Weihnachtstag stürzte die Maschine ab.', '2025-06-30', [['ersten Weihnachtstag', '2024-12-25']]],
  ['An Heiligabend schwiegen die Waffen.', '2025-01-10', [['Heiligabend', '2024-12-24']]],
  // Counted from an event: printed, but it dates no act (see events).
  ['Am 25. Dezember stürzte sie ab; drei Tage nach dem Unglück rief er an.', '2025-06-30', [['25. Dezember', '2024-12-25'], ['drei Tage nach', '2024-12-28']]],
  ['Zum Jahreswechsel endete der Vertrag.', '2025-01-09', [['Jahreswechsel', '2025-01-01']]],
  ['Gestern sprach sie, am 3.10.2024 schwieg sie.', '2024-10-05', [['Gestern', '2024-10-04'], ['3.10.2024', '2024-10-03']]],
  ['Im Mai 2019 begann es. Am 12. Mai kam der Gast.', '2020-07-01', [['Mai 2019', '2019-05'], ['12. Mai', '2019-05-12']]],
  ['Im Mai 2019 begann es. Am 12. Juni kam der Gast.', '2020-07-01', [['Mai 2019', '2019-05'], ['12. Juni', '2020-06-12']]],
  // Weekdays of another week, or strictly before or after the publication day (a Wednesday).
  ['Die Delegation reiste am Dienstag vergangener Woche ab.', '2025-06-18', [['Dienstag vergangener Woche', '2025-06-10']]],
  ['Am Freitag der vergangenen Woche unterschrieben beide.', '2025-06-18', [['Freitag der vergangenen Woche', '2025-06-13']]],
  ['Bereits am Montag der Vorwoche war er abgereist.', '2025-06-18', [['Montag der Vorwoche', '2025-06-09']]],
  ['Am vergangenen Mittwoch telefonierten die beiden.', '2025-06-18', [['vergangenen Mittwoch', '2025-06-11']]],
  ['Vergangenen Montag kam die Antwort.', '2025-06-18', [['Vergangenen Montag', '2025-06-16']]],
  ['Am kommenden Montag soll der Vertrag unterzeichnet werden.', '2025-06-18', [['kommenden Montag', '2025-06-23']]],
  ['Am Donnerstag nächster Woche trifft sich der Rat.', '2025-06-18', [['Donnerstag nächster Woche', '2025-06-26']]],
  ['Am Mittwoch landete die Maschine.', '2025-06-18', [['Mittwoch', '2025-06-18']]],
  // A part of a day is of the day named last; "morgen" alone is tomorrow, and a part of a named day is that day.
  ['Der Aufstand begann am 24. Juni. Am Abend lenkte der Anführer ein.', '2025-06-26', [['24. Juni', '2025-06-24'], ['Abend', '2025-06-24']]],
  ['Am Samstag brach der Streit aus, in der Nacht rückten Truppen vor.', '2025-06-26', [['Samstag', '2025-06-21'], ['Nacht', '2025-06-21']]],
  ['Am Abend sprach der Präsident im Fernsehen.', '2025-06-26', []],
  ['In der Nacht zum Sonntag fielen Schüsse.', '2025-06-26', [['Sonntag', '2025-06-22']]],
  ['Am Abend des 3. Mai unterschrieben beide.', '2025-06-26', [['3. Mai', '2025-05-03']]],
  // A deadline may lie ahead: the nearest such day, before or after the publication day.
  ['Der Gesandte muss das Land bis zum 2. März verlassen.', '2025-02-20', [['2. März', '2025-03-02']]],
  ['Die Frist lief bis zum 2. März.', '2025-04-10', [['2. März', '2025-03-02']]],
  ['Bis 15. Januar sollen die Truppen abziehen.', '2024-12-20', [['15. Januar', '2025-01-15']]],
  ['Vor knapp drei Wochen begann der Streit.', '2025-06-18', [['Vor knapp drei Wochen', '2025-W22']]],
  // "vergangenen Herbst": the latest such season over before the publication.
  ['Seit dem vergangenen Herbst liefert Paris Radare.', '2025-06-18', [['vergangenen Herbst', '2024-FA']]],
  ['Im vergangenen Sommer begann der Bau.', '2025-12-01', [['vergangenen Sommer', '2025-SU']]],
  ['Im letzten Winter fror der Fluss zu.', '2025-03-10', [['letzten Winter', '2024-WI']]],
  // "am selben Tag" is the day named last, a weekday too, not a year named after it.
  ['Am Montag sprach er, Lieferungen soll es 2026 geben. Am selben Tag reiste er ab.', '2025-06-18', [['Montag', '2025-06-16'], ['2026', '2026'], ['Am selben Tag', '2025-06-16']]],
  // … nor a month named further back than the sentence before: a month has no "same day".
  ['Am Dienstag traf er den Minister. Dieser hatte Ende Januar gewarnt. Die Opposition protestierte. Am selben Tag flog die Kanzlerin nach Kiew.', '2022-02-02', [['Dienstag', '2022-02-01'], ['Ende Januar', '2022-01'], ['Am selben Tag', '2022-02-01']]],
  // A month named in the sentence right before is the vague day referred to.
  ['Am Dienstag traf er den Minister. Ende Oktober waren Bomber gelandet. Am selben Tag flog die Kanzlerin nach Kiew.', '2022-02-02', [['Dienstag', '2022-02-01'], ['Ende Oktober', '2021-10'], ['Am selben Tag', '2021-10']]],
  ['Die Jets sollen bis zum Jahreswechsel fliegen.', '2025-08-22', [['Jahreswechsel', '2026-01-01']]],
]

for (const [sentence, anchor, expected] of cases) {
  test(`time: ${sentence}`, () => {
    const got = tagTimes(sentence, de.time, { anchor }).map((t) => [t.text, t.value])
    assert.deepEqual(got, expected)
  })
}

test('a range keeps its end, and "im selben Monat" takes the month last mentioned', () => {
  const [range, end] = tagTimes('Die Konferenz lief vom 3. bis 5. Juli 2024.', de.time, { anchor: '2025-01-01' })
  assert.deepEqual([range?.text, range?.value, range?.endValue], ['3.', '2024-07-03', '2024-07-05'])
  assert.deepEqual([end?.text, end?.value], ['5. Juli 2024', '2024-07-05'])
  const times = tagTimes('Im Mai 2025 kam er. Später im selben Monat ging er.', de.time, { anchor: '2025-06-17' })
  assert.equal(times[1]?.value, '2025-05')
})

test('narrative mode anchors a bare month to the last year the text named, not to a bound or an aside', () => {
  const text = 'Im Jahr 1916 griff die Armee an; die Festung hielt (wie schon 1870) bis 1918 stand. Im März fiel sie.'
  const march = tagTimes(text, de.time, { anchor: '2011-01-01', mode: 'narrative' }).find((t) => t.text === 'März')
  assert.equal(march?.value, '1916-03')
})

test('an impossible day is not a date', () => {
  assert.deepEqual(tagTimes('Am 31. Februar 2024 geschah nichts.', de.time, { anchor: '2025-01-01' }).map((t) => t.value), ['2024-02'])
})

test('English dates resolve against the publication date', async () => {
  const { kb } = await import('./helpers.ts')
  const en = kb.packs.get('en')!
  const cases: [string, string, string][] = [
    ['The talks ended in late June.', 'late June', '2025-06'],
    ['Deliveries resumed in early 2025.', 'early 2025', '2025'],
    ['Lavrov visited Yerevan on May 20-21, 2025.', 'May 20-21, 2025', '2025-05-20'],
    ['The drills took place last autumn.', 'last autumn', '2024-FA'],
    ['Troops have been stationed there since 2014.', 'since 2014', '2014'],
    ['The treaty came into force in mid-2024.', 'mid-2024', '2024'],
    ['The minister flew to Beijing on Wednesday.', 'Wednesday', '2025-07-02'],
    ['Two weeks ago the border was closed.', 'Two weeks ago', '2025-W25'],
    ['The ban took effect on 1 May.', '1 May', '2025-05-01'],
    ['The envoys met on the 3rd of June.', '3rd of June', '2025-06-03'],
    // 3 July 2025 is a Thursday.
    ['The talks ended on Tuesday last week.', 'Tuesday last week', '2025-06-24'],
    ['Last Thursday the ministers met.', 'Last Thursday', '2025-06-26'],
    ['The summit opens next Monday.', 'next Monday', '2025-07-07'],
    ['The vote is set for Friday next week.', 'Friday next week', '2025-07-11'],
  ]
  const evening = tagTimes('The rebels crossed the border on Saturday. In the evening their leader turned back.', en.time, { anchor: '2025-07-03' }).map((t) => [t.text, t.value])
  assert.deepEqual(evening, [['Saturday', '2025-06-28'], ['evening', '2025-06-28']], 'a part of a day is of the day named last')
  for (const [sentence, text, value] of cases) {
    const found = tagTimes(sentence, en.time, { anchor: '2025-07-03' }).map((t) => [t.text, t.value])
    assert.deepEqual(found, [[text, value]], sentence)
  }
})

// A history told in years long past, and a report that names this year and the last ones (texts of our own).
const HISTORY = 'Der Krieg begann im August 1914 mit dem Einmarsch in Belgien. Im Herbst 1915 trat Bulgarien an die Seite der Mittelmächte. Im Juli griffen die Alliierten an der Somme an. 1917 traten die Vereinigten Staaten in den Krieg ein, im November 1918 endeten die Kämpfe, und 1919 wurde in Versailles der Frieden unterzeichnet.'
const REPORT = 'Am Montag traf der Außenminister in Ankara ein. Im Juli 2023 hatten beide Länder ein Abkommen unterzeichnet, im Jahr 2022 war der Handel gewachsen, und 2024 soll er weiter steigen.'

test('each document gets its mode: a history is narrative, a report news, a text without a date narrative', () => {
  const history = tagTimesIn(HISTORY, de.time, '2024-05-01')
  assert.equal(history.mode, 'narrative')
  assert.equal(history.times.find((t) => t.text === 'Juli')?.value, '1915-07')
  const report = tagTimesIn(REPORT, de.time, '2024-05-01')
  assert.equal(report.mode, 'news')
  assert.equal(report.times.find((t) => t.text === 'Montag')?.value, '2024-04-29')
  assert.equal(chooseTimeMode(tagTimes(REPORT, de.time, { anchor: null }), null), 'narrative')
  // A report naming a few years stays news, however far back they lie.
  assert.equal(tagTimesIn('Am Freitag erinnerte er an die Jahre 1989, 1991 und 2014.', de.time, '2024-05-01').mode, 'news')
  // A report with a paragraph of history stays news when it names a weekday with no date: only news counts from its own day.
  const background = 'Am Freitag reiste der Minister nach Minsk. Seit 1994 regiert dort derselbe Präsident, 2008 zog Washington seinen Botschafter ab, Ende 2007 kamen Sanktionen, 2015 wurden sie gelockert, 2001 und 2006 gab es Wahlen. Schon im Dezember hatten beide Seiten verhandelt.'
  const mixed = tagTimesIn(background, de.time, '2020-02-03')
  assert.equal(mixed.mode, 'news')
  assert.equal(mixed.times.find((t) => t.text === 'Dezember')?.value, '2019-12')
  assert.equal(tagTimesIn(background.replace('Am Freitag', 'Im Januar'), de.time, '2020-02-03').mode, 'narrative')
  // Days are counted from the last day named ("am Donnerstag …, tags darauf"), not from the date line.
  const days = tagTimesIn('Am Donnerstag reiste er nach Eriwan, tags darauf nach Baku.', de.time, '2016-04-09').times
  assert.deepEqual(days.map((t) => t.value), ['2016-04-07', '2016-04-08'])
  // What is set for a weekday lies ahead.
  assert.equal(tagTimesIn('Für Freitag ist ein weiteres Treffen geplant.', de.time, '2020-02-03').times[0]?.value, '2020-02-07')
  // The mode can be forced.
  assert.equal(tagTimesIn(HISTORY, de.time, '2024-05-01', 'news').times.find((t) => t.text === 'Juli')?.value.startsWith('1915'), false)
})

test('a number before a noun counts things unless it is a plausible year', async () => {
  const { kb } = await import('./helpers.ts')
  const values = (text: string, lang: string, mode: 'news' | 'narrative' = 'news') =>
    tagTimes(text, kb.packs.get(lang)!.time, { anchor: '2024-12-01', mode }).map((t) => t.value)
  // Round hundreds and numbers far from the publication date count what follows them.
  assert.deepEqual(values('In der Nacht wurden 1000 Raketen und 1200 Drohnen abgefangen.', 'de'), [])
  assert.deepEqual(values('Die Flotte brachte 1370 Landungsboote an die Küste.', 'de', 'narrative'), [])
  assert.deepEqual(values('Officials said 1000 missiles and 1500 drones were shot down.', 'en'), [])
  assert.deepEqual(values('Selon Kiev, 1000 missiles ont été abattus.', 'fr'), [])
  // A plausible year before a noun stays a year, and so does a round one before a verb or an article.
  assert.deepEqual(values('Als 2014 Russland die Krim annektierte, protestierte Kiew.', 'de'), ['2014'])
  assert.deepEqual(values('Bereits 1917 Meutereien gab es an der Front.', 'de', 'narrative'), ['1917'])
  assert.deepEqual(values('Der Vertrag wurde 2000 unterzeichnet und 1900 die Grenze gezogen.', 'de'), ['2000', '1900'])
  assert.deepEqual(values('In 2000 the treaty was signed.', 'en'), ['2000'])
})

test('time patterns tried only where the gate allows find what scanning the whole text with each finds', async () => {
  const { compileTimePatterns } = await import('../src/time/compile.ts')
  const { matchAll } = await import('../src/time/tagger.ts')
  const { kb } = await import('./helpers.ts')
  // What each pattern finds alone, left to right, as the tagger did before the gate.
  const scanned = (text: string, patterns: ReturnType<typeof compileTimePatterns>) =>
    patterns.flatMap((p, k) => [...text.matchAll(p.regex)].filter((m) => m[0].length > 0).map((m) => `${m.index}-${m.index + m[0].length}:${k}:${JSON.stringify(m.groups ?? {})}`)).sort()
  const texts: Record<string, string[]> = {
    de: [
      'Am 3. und 4. März 2024 trafen sich die Minister; bis Ende April 2024 soll ein Abkommen stehen (vom 12.05.2023 an gerechnet).',
      'Im Frühjahr 2022, drei Monate später, und dann wieder im Herbst 2023/24 – Mitte Januar, am Montagabend, vor zwei Wochen.',
      '🙂 1.1.2020 🎉 Silvester 2019, Weihnachten, zwischen 2014 und 2016; im vergangenen Jahr; Anfang der 1990er Jahre; 20. Juli 1944.',
      'Seit Juni bis Dezember 2021 lieferte das Land 1000 Raketen; am 31.12. endete die Frist, am Vortag hieß es noch anders.',
    ],
    en: [
      'On March 3, 2024, and again on 4 March 2024 the ministers met; by late April the deal was due (from 2023-05-12 on).',
      'In the spring of 2022, three months later, last week, on Monday evening, between 2014 and 2016, in the 1990s.',
    ],
  }
  for (const [lang, list] of Object.entries(texts)) {
    const patterns = compileTimePatterns(kb.packs.get(lang)!.time)
    for (const text of list) {
      const gated = matchAll(text, patterns).map((h) => `${h.start}-${h.end}:${patterns.indexOf(h.pattern)}:${JSON.stringify(h.groups)}`).sort()
      assert.ok(gated.length > 3, `${lang}: the test text holds time expressions`)
      assert.deepEqual(gated, scanned(text, patterns), text)
    }
  }
})
