// Generated news articles in German and English for the ingestion benchmarks: a headline, a
// dateline, and paragraphs of sentences about states, alliances and armed groups, written from
// templates of my own. They exercise the whole pipeline (names, metonyms, demonyms, dates,
// triggers, reported speech) at the length of real wire copy.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pick, seeded } from './random.ts'

type Slots = { a: string; b: string; c: string; month: string; year: number; day: number; n: number; adj: string }

const DE = {
  states: ['Russland', 'Nordkorea', 'Iran', 'China', 'Belarus', 'Kasachstan', 'Armenien', 'Aserbaidschan', 'Mali', 'Niger', 'Burkina Faso', 'Syrien', 'die Türkei', 'Serbien', 'Georgien', 'Venezuela', 'Kuba', 'Indien'],
  capitals: ['Moskau', 'Pjöngjang', 'Teheran', 'Peking', 'Minsk', 'Astana', 'Eriwan', 'Baku', 'Bamako', 'Niamey', 'Damaskus', 'Ankara', 'Belgrad', 'Tiflis', 'Caracas', 'Havanna'],
  adjectives: ['russische', 'nordkoreanische', 'iranische', 'chinesische', 'belarussische', 'kasachische', 'armenische', 'malische'],
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  sentences: [
    '{a} und {b} unterzeichneten am {day}. {month} {year} ein Abkommen über militärische Zusammenarbeit.',
    'Im {month} {year} schickte {a} nach Angaben westlicher Geheimdienste rund {n} Soldaten nach {b}.',
    '{a} hat {b} Drohnen und Munition geliefert, wie Regierungskreise in {c} bestätigten.',
    'Der Außenminister von {a} reiste Anfang {month} nach {b} und traf dort seinen Amtskollegen.',
    '{a} verurteilte die Angriffe von {b} auf zivile Ziele scharf.',
    '{a} will offenbar seine Beziehungen zu {b} ausbauen.',
    'Die Regierung in {c} kündigte an, die Sanktionen gegen {b} zu verschärfen.',
    '{a} wies Berichte zurück, wonach es Waffen an {b} verkauft habe.',
    'Nach Angaben der Nachrichtenagentur Reuters führten {a} und {b} im {month} gemeinsame Manöver durch.',
    'Seit {year} unterstützt {a} die Regierung von {b} mit Krediten und Getreide.',
    '{a} drohte {b} mit Konsequenzen, sollte es seine Truppen nicht abziehen.',
    'Die {adj} Regierung erkannte die neue Führung in {c} offiziell an.',
    'Ein Sprecher des Kremls sagte, {b} sei ein verlässlicher Partner.',
    '{a} weigerte sich, {b} bei der Abstimmung in der UN-Vollversammlung zu unterstützen.',
    'Beobachter erwarten, dass {a} und {b} im kommenden Jahr weitere Verträge schließen.',
    'Die Spannungen zwischen {a} und {b} hatten sich zuletzt deutlich verschärft.',
    'Wie das Verteidigungsministerium in {c} mitteilte, wurden {n} Raketen abgefangen.',
    '{a} bestellte den Botschafter von {b} ein und protestierte gegen die Festnahme eigener Staatsbürger.',
  ],
  headlines: ['{a} und {b} rücken enger zusammen', 'Streit zwischen {a} und {b} eskaliert', 'Neue Waffenlieferungen von {a} an {b}', '{a} sucht neue Partner'],
  dateline: (d: Date) => `Stand: ${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`,
}

const EN = {
  states: ['Russia', 'North Korea', 'Iran', 'China', 'Belarus', 'Kazakhstan', 'Armenia', 'Azerbaijan', 'Mali', 'Niger', 'Burkina Faso', 'Syria', 'Turkey', 'Serbia', 'Georgia', 'Venezuela', 'Cuba', 'India'],
  capitals: ['Moscow', 'Pyongyang', 'Tehran', 'Beijing', 'Minsk', 'Astana', 'Yerevan', 'Baku', 'Bamako', 'Niamey', 'Damascus', 'Ankara', 'Belgrade', 'Tbilisi', 'Caracas', 'Havana'],
  adjectives: ['Russian', 'North Korean', 'Iranian', 'Chinese', 'Belarusian', 'Kazakh', 'Armenian', 'Malian'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  sentences: [
    '{a} and {b} signed a military cooperation agreement on {month} {day}, {year}.',
    'In {month} {year}, {a} sent about {n} troops to {b}, Western intelligence officials said.',
    '{a} has supplied drones and ammunition to {b}, officials in {c} confirmed.',
    'The foreign minister of {a} travelled to {b} in early {month} and met his counterpart.',
    '{a} sharply condemned attacks by {b} on civilian targets.',
    '{a} reportedly wants to expand its ties with {b}.',
    'The government in {c} announced it would tighten sanctions on {b}.',
    '{a} denied reports that it had sold weapons to {b}.',
    'According to Reuters, {a} and {b} held joint exercises in {month}.',
    'Since {year}, {a} has backed the government of {b} with loans and grain.',
    '{a} threatened {b} with consequences if it did not withdraw its troops.',
    'The {adj} government formally recognised the new leadership in {c}.',
    'A Kremlin spokesman said {b} was a reliable partner.',
    '{a} refused to support {b} in the vote at the UN General Assembly.',
    'Observers expect {a} and {b} to conclude further treaties next year.',
    'Tensions between {a} and {b} had risen sharply in recent weeks.',
    'The defence ministry in {c} said {n} missiles had been intercepted.',
    '{a} summoned the ambassador of {b} to protest against the arrest of its citizens.',
  ],
  headlines: ['{a} and {b} move closer', 'Dispute between {a} and {b} escalates', 'New arms deliveries from {a} to {b}', '{a} looks for new partners'],
  dateline: (d: Date) => `Published: ${d.getUTCDate()} ${EN.months[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
}

function fill(template: string, s: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, k: keyof Slots) => String(s[k]))
}

const upper = (t: string) => t.charAt(0).toUpperCase() + t.slice(1)

/** One article: a headline, a dateline and three to five paragraphs. */
export function article(rnd: () => number, lang: 'de' | 'en', serial: number): string {
  const L = lang === 'de' ? DE : EN
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3900) * 86400000)
  const slots = (): Slots => {
    const a = pick(rnd, L.states)
    let b = pick(rnd, L.states)
    while (b === a) b = pick(rnd, L.states)
    return { a, b, c: pick(rnd, L.capitals), month: pick(rnd, L.months), year: date.getUTCFullYear() - Math.floor(rnd() * 3), day: 1 + Math.floor(rnd() * 28), n: 100 * (1 + Math.floor(rnd() * 90)), adj: pick(rnd, L.adjectives) }
  }
  const paragraphs: string[] = []
  const count = 3 + Math.floor(rnd() * 3)
  for (let p = 0; p < count; p++) {
    const sentences: string[] = []
    for (let k = 2 + Math.floor(rnd() * 3); k > 0; k--) sentences.push(upper(fill(pick(rnd, L.sentences), slots())))
    paragraphs.push(sentences.join(' '))
  }
  return `${upper(fill(pick(rnd, L.headlines), slots()))}\n\n${L.dateline(date)}\n\n${paragraphs.join('\n\n')}\n\n[ref ${serial.toString(36)}]\n`
}

/** Writes `count` articles, two thirds German and one third English, into `dir` (100 per folder). */
export function writeArticles(dir: string, count: number, seed = 3): { files: number; bytes: number } {
  const rnd = seeded(seed)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const lang = i % 3 === 2 ? 'en' : 'de'
    const folder = join(dir, String(Math.floor(i / 100)).padStart(4, '0'))
    if (i % 100 === 0) mkdirSync(folder, { recursive: true })
    const text = article(rnd, lang, i)
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}-${lang}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return { files: count, bytes }
}
