// Generated event-data files in the GDELT 2.0 and ICEWS formats, for the import benchmarks.
// The mix follows what real exports hold: most records are between states, some name only a
// sector or a known group, about a fifth are statements and appeals (CAMEO 01/02) that PLOVER
// does not type, and a few name regions that map to no actor.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { GDELT_COLUMNS } from '../../src/import/datasets.ts'
import { pick, seeded } from './random.ts'

const STATES = ['RUS', 'UKR', 'USA', 'CHN', 'PRK', 'IRN', 'BLR', 'KAZ', 'ARM', 'AZE', 'MLI', 'AFG', 'TUR', 'DEU', 'FRA', 'GBR', 'IND', 'SYR', 'ISR', 'SRB', 'GEO', 'NER', 'BFA', 'VEN', 'CUB']
const NAMES: Record<string, string> = { RUS: 'Russian Federation', UKR: 'Ukraine', USA: 'United States', CHN: 'China', PRK: 'North Korea', IRN: 'Iran', BLR: 'Belarus', KAZ: 'Kazakhstan', ARM: 'Armenia', AZE: 'Azerbaijan', MLI: 'Mali', AFG: 'Afghanistan', TUR: 'Turkey', DEU: 'Germany', FRA: 'France', GBR: 'United Kingdom', IND: 'India', SYR: 'Syria', ISR: 'Israel', SRB: 'Serbia', GEO: 'Georgia', NER: 'Niger', BFA: 'Burkina Faso', VEN: 'Venezuela', CUB: 'Cuba' }
const CODES = ['010', '010', '020', '036', '040', '042', '043', '046', '051', '057', '061', '0622', '071', '072', '0831', '090', '111', '112', '1123', '120', '130', '138', '141', '145', '150', '163', '166', '173', '180', '190', '193', '195']
const SECTORS = ['GOV', 'MIL', 'COP', 'REB', 'OPP', 'CVL', 'MED', 'JUD', '']
const GROUPS = ['NAT', 'UNO', 'EEC', 'OPC']
const REGIONS = ['AFR', 'EUR', 'WST', 'SAS']

function day(rnd: () => number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3900) * 86400000)
  return d.toISOString().slice(0, 10)
}

type Party = { code: string; name: string; country: string; group: string; type: string }
function party(rnd: () => number): Party {
  const r = rnd()
  if (r < 0.8) { const c = pick(rnd, STATES); const t = pick(rnd, SECTORS); return { code: c + t, name: NAMES[c]!.toUpperCase(), country: c, group: '', type: t } }
  if (r < 0.88) { const t = pick(rnd, SECTORS.filter(Boolean)); return { code: t, name: t, country: '', group: '', type: t } }
  if (r < 0.96) { const g = pick(rnd, GROUPS); return { code: `IGO${g}`, name: g, country: '', group: g, type: 'IGO' } }
  const g = pick(rnd, REGIONS)
  return { code: g, name: g, country: '', group: '', type: '' }
}

/**
 * How a generated file's events are spread in time. `decade`: each on a day drawn from ten years,
 * nearly one series group per event (the worst case for the series). `week`: a week of consecutive
 * exports, as a backfill reads them: records added in time order, most events dated the day they
 * were added, some up to a week before, a few up to a year before (articles that look back).
 */
export type Spread = 'decade' | 'week'

const DAY_MS = 86_400_000

/** The day an event of a week of exports is added (the i-th of `rows`), and the day it took place. */
function weekDays(rnd: () => number, i: number, rows: number): { added: string; date: string } {
  const added = Date.UTC(2025, 0, 1) + Math.floor((i / rows) * 7) * DAY_MS
  const r = rnd()
  const lag = r < 0.85 ? 0 : r < 0.95 ? 1 + Math.floor(rnd() * 7) : 8 + Math.floor(rnd() * 358)
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return { added: iso(added), date: iso(added - lag * DAY_MS) }
}

/** Writes `rows` GDELT 2.0 export lines (61 tab-separated columns, no header). */
export async function writeGdelt(file: string, rows: number, seed = 7, spread: Spread = 'decade'): Promise<void> {
  const rnd = seeded(seed)
  const out = createWriteStream(file)
  const index = new Map(GDELT_COLUMNS.map((c, i) => [c, i]))
  for (let i = 0; i < rows; i++) {
    const f: string[] = new Array(GDELT_COLUMNS.length).fill('')
    const set = (c: string, v: string) => { f[index.get(c)!] = v }
    const { date, added } = spread === 'week' ? weekDays(rnd, i, rows) : (() => { const d = day(rnd); return { date: d, added: d } })()
    const a1 = party(rnd)
    const a2 = rnd() < 0.9 ? party(rnd) : null
    const code = pick(rnd, CODES)
    set('GLOBALEVENTID', String(1_100_000_000 + i)); set('SQLDATE', date.replaceAll('-', '')); set('MonthYear', date.slice(0, 7).replace('-', '')); set('Year', date.slice(0, 4))
    set('Actor1Code', a1.code); set('Actor1Name', a1.name); set('Actor1CountryCode', a1.country); set('Actor1KnownGroupCode', a1.group); set('Actor1Type1Code', a1.type)
    if (a2) { set('Actor2Code', a2.code); set('Actor2Name', a2.name); set('Actor2CountryCode', a2.country); set('Actor2KnownGroupCode', a2.group); set('Actor2Type1Code', a2.type) }
    set('IsRootEvent', '1'); set('EventCode', code); set('EventBaseCode', code.slice(0, 3)); set('EventRootCode', code.slice(0, 2))
    set('QuadClass', String(1 + Math.floor(rnd() * 4))); set('GoldsteinScale', (rnd() * 20 - 10).toFixed(1)); set('NumMentions', String(1 + Math.floor(rnd() * 20)))
    set('NumSources', '1'); set('NumArticles', String(1 + Math.floor(rnd() * 10))); set('AvgTone', (rnd() * 10 - 5).toFixed(6))
    set('ActionGeo_Type', '1'); set('ActionGeo_FullName', NAMES[a1.country] ?? 'World'); set('ActionGeo_CountryCode', a1.country.slice(0, 2))
    set('DATEADDED', `${added.replaceAll('-', '')}120000`); set('SOURCEURL', `https://news.example.org/${added}/${i}`)
    if (!out.write(f.join('\t') + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const ICEWS_HEADER = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude']

/** Writes `rows` ICEWS records with the header of the public files. */
export async function writeIcews(file: string, rows: number, seed = 11): Promise<void> {
  const rnd = seeded(seed)
  const out = createWriteStream(file)
  out.write(ICEWS_HEADER.join('\t') + '\n')
  for (let i = 0; i < rows; i++) {
    const s = pick(rnd, STATES)
    const t = pick(rnd, STATES)
    const code = pick(rnd, CODES)
    const line = [String(40_000_000 + i), day(rnd), `Government (${NAMES[s]})`, 'Government', NAMES[s]!, 'Generated event', code, '1', rnd() < 0.05 ? 'Unspecified Actor' : `Citizen (${NAMES[t]})`, 'Social', rnd() < 0.05 ? 'NA' : NAMES[t]!, String(50_000_000 + i), '1', 'Generated Wire', 'NA', 'NA', 'NA', NAMES[s]!, '0', '0']
    if (!out.write(line.join('\t') + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}
