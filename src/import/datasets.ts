import type { ActorResolver, ActorResult } from './actors.ts'
import type { CameoTable } from './cameo-table.ts'
import type { Dataset, ImportMappings } from './mappings.ts'
import { isoDay, polarityOf, type Mapped } from './record.ts'

/** What every mapper needs: the CAMEO table, the actor resolver, the mappings. */
export interface MapContext { cameo: CameoTable | null; actors: ActorResolver; maps: ImportMappings }

/** A record's fields by column name (names folded: "Event Date" = "event_date" = "eventdate"). */
export type Get = (column: string) => string

export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** GDELT 2.0 event exports have no header: these are the 61 columns in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...['Actor1', 'Actor2'].flatMap((a) => ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => a + c)),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) => ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${g}_${c}`)),
  'DATEADDED', 'SOURCEURL',
]

interface Event {
  source: ActorResult; target: ActorResult | null; type: string; mode: string; date: string | null; rule: string; trace: string[]; quantity?: string | null
  /** The record's id, how it names the parties, and what else it says (the evidence line is built from these). */
  id: string; names: [string, string]; rest: string
}

const DATASET_NAMES: Record<Dataset, string> = { gdelt: 'GDELT', icews: 'ICEWS', acled: 'ACLED', polecat: 'POLECAT' }

function finish(dataset: Dataset, ctx: MapContext, e: Event): Mapped {
  if (!e.date) return { reason: 'date', value: '(invalid)' }
  if (e.source.actor === null) return { reason: 'source actor', value: e.source.unmapped }
  if (e.target && e.target.actor === null) return { reason: 'target actor', value: e.target.unmapped }
  // "GDELT 1001: RUSSIA → UKRAINE, CAMEO 190 (url)": the parties' spans point into this line.
  const head = `${DATASET_NAMES[dataset]} ${e.id}: `
  const [from, to] = [e.names[0] || '?', e.target?.actor ? e.names[1] || '?' : '·']
  const evidence = `${head}${from} → ${to}${e.rest}`
  const targetStart = head.length + from.length + 3
  return {
    sourceSpan: [head.length, head.length + from.length], targetSpan: e.target?.actor ? [targetStart, targetStart + to.length] : null,
    source: e.source.actor, target: e.target?.actor ?? null, type: e.type, mode: e.mode || 'unspecified', polarity: polarityOf(e.type), modality: 'asserted',
    date: e.date, quantity: e.quantity ?? null, rule: e.rule, confidence: ctx.maps.confidence[dataset], evidence,
    trace: [`dataset:${dataset}`, ...e.trace, `source:${e.source.how}`, ...(e.target?.actor ? [`target:${e.target.how}`] : ['target:none'])],
  }
}

function cameoType(ctx: MapContext, code: string): { type: string; mode: string; trace: string } | null {
  const hit = ctx.cameo?.lookup(code)
  if (!hit) return null
  return { type: hit.mapping.type, mode: hit.mapping.mode || hit.mapping.context, trace: `cameo:${code}→${hit.mapping.type}${hit.via === code ? '' : ` (via ${hit.via})`}` }
}

/** ICEWS writes "NA" where a field is empty. */
const isEmpty = (...values: string[]) => values.every((v) => !v.trim() || v.trim() === 'NA')

/** No partner: the columns are empty, or name no one in particular. */
const noPartner = (ctx: MapContext, name: string, other: string) => isEmpty(name, other) || (ctx.actors.isNoActor(name) && isEmpty(other))

/** The columns of GDELT's two parties, named once (a record reads them by name). */
const actorColumns = (n: 1 | 2) => ({ code: `Actor${n}Code`, name: `Actor${n}Name`, country: `Actor${n}CountryCode`, group: `Actor${n}KnownGroupCode`, type: `Actor${n}Type1Code` })
const ACTOR_COLUMNS = [actorColumns(1), actorColumns(2)] as const

export function mapGdelt(get: Get, ctx: MapContext): Mapped {
  const id = get('GLOBALEVENTID')
  const code = get('EventCode')
  const typed = cameoType(ctx, code)
  if (!typed) return { reason: 'event code', value: code || '(none)' }
  const actor = (c: (typeof ACTOR_COLUMNS)[number]) => ({ code: get(c.code), name: get(c.name), country: get(c.country), group: get(c.group), type: get(c.type) })
  const a2 = actor(ACTOR_COLUMNS[1])
  const url = get('SOURCEURL')
  return finish('gdelt', ctx, {
    source: ctx.actors.cameo(actor(ACTOR_COLUMNS[0])), target: isEmpty(a2.code, a2.name) ? null : ctx.actors.cameo(a2), ...typed, date: isoDay(get('SQLDATE')),
    rule: `import.gdelt.cameo:${code}`, trace: [`id:${id}`, typed.trace, `goldstein:${get('GoldsteinScale')}`, `sources:${get('NumSources')}`],
    id, names: [get('Actor1Name') || get('Actor1Code'), a2.name || a2.code], rest: `, CAMEO ${code}${url ? ` (${url})` : ''}`,
  })
}

const sectors = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)

export function mapIcews(get: Get, ctx: MapContext): Mapped {
  const id = get('Event ID')
  const code = get('CAMEO Code')
  const typed = cameoType(ctx, code)
  if (!typed) return { reason: 'event code', value: code || '(none)' }
  const target = { name: get('Target Name'), country: get('Target Country'), sectors: sectors(get('Target Sectors')) }
  return finish('icews', ctx, {
    source: ctx.actors.named({ name: get('Source Name'), country: get('Source Country'), sectors: sectors(get('Source Sectors')) }),
    target: noPartner(ctx, target.name, target.country) ? null : ctx.actors.named(target), ...typed, date: isoDay(get('Event Date')),
    rule: `import.icews.cameo:${code}`, trace: [`id:${id}`, typed.trace, `intensity:${get('Intensity')}`, `story:${get('Story ID')}#${get('Sentence Number')}`],
    id, names: [get('Source Name'), target.name], rest: `: ${get('Event Text')} (CAMEO ${code}; ${get('Publisher') || 'publisher unknown'}, story ${get('Story ID')})`,
  })
}

const compiled = new WeakMap<ImportMappings, RegExp[]>()
const countryPatterns = (maps: ImportMappings): RegExp[] => {
  let list = compiled.get(maps)
  if (!list) compiled.set(maps, (list = maps.acledCountryPatterns.map((r) => new RegExp(r))))
  return list
}

/** ACLED names actors with their country: "Military Forces of Russia (2000-)", "Protesters (Mali)". */
function acledActor(name: string, ctx: MapContext): ActorResult {
  if (!name.trim()) return { actor: null, unmapped: '(none)' }
  let country: string | null = null
  for (const re of countryPatterns(ctx.maps)) {
    const said = re.exec(name)?.[1]
    country = said ? ctx.actors.country(said) : null
    if (country) break
  }
  if (country) return { actor: country, how: 'country' }
  const bare = name.replace(/\s*\([^)]*\)\s*$/, '').split(':')[0]!.trim()
  const named = ctx.actors.name(bare) ?? ctx.actors.name(name.split(':').at(-1)!.trim())
  if (named) return { actor: named, how: 'name' }
  const sector = ctx.actors.sector([bare, bare.split(' ')[0]!])
  if (sector) return { actor: sector, how: 'sector' }
  return { actor: null, unmapped: name }
}

export function mapAcled(get: Get, ctx: MapContext): Mapped {
  const id = get('event_id_cnty')
  const sub = get('sub_event_type')
  const kind = get('event_type')
  const typed = ctx.maps.acled[sub] ?? ctx.maps.acled[kind]
  if (!typed) return { reason: 'event code', value: `${kind}/${sub}` }
  const actor2 = ctx.actors.isNoActor(get('actor2')) ? '' : get('actor2')
  const fatalities = Number(get('fatalities'))
  return finish('acled', ctx, {
    source: acledActor(get('actor1'), ctx), target: actor2.trim() ? acledActor(actor2, ctx) : null, type: typed.type, mode: typed.mode,
    date: isoDay(get('event_date')), rule: `import.acled.${columnKey(sub || kind)}`, trace: [`id:${id}`, `acled:${kind}/${sub}→${typed.type}`],
    quantity: fatalities > 0 ? `${fatalities} killed` : null,
    id, names: [get('actor1'), actor2], rest: `, ${sub || kind} in ${get('location') || get('country')}. ${get('notes')}`.trimEnd(),
  })
}

/** POLECAT is coded in PLOVER already; older files use PLOVER 0.x labels. */
const OLD_LABELS: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' }
const PLOVER_TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'])

export function mapPolecat(get: Get, ctx: MapContext): Mapped {
  const id = get('Event ID')
  const label = get('Event Type').trim().toUpperCase()
  const type = OLD_LABELS[label] ?? label
  if (!PLOVER_TYPES.has(type)) return { reason: 'event code', value: label || '(none)' }
  const recipient = { name: get('Recipient Name'), country: get('Recipient Country'), sectors: sectors(get('Recipient Sectors') || get('Primary Recipient Sector')) }
  return finish('polecat', ctx, {
    source: ctx.actors.named({ name: get('Actor Name'), country: get('Actor Country'), sectors: sectors(get('Actor Sectors') || get('Primary Actor Sector')) }),
    target: noPartner(ctx, recipient.name, recipient.country) ? null : ctx.actors.named(recipient), type, mode: get('Event Mode').trim().toLowerCase(),
    date: isoDay(get('Event Date')), rule: `import.polecat.${type.toLowerCase()}`, trace: [`id:${id}`, `plover:${label}${label === type ? '' : `→${type}`}`],
    id, names: [get('Actor Name') || get('Actor Country'), recipient.name || recipient.country], rest: `, ${type}${get('Event Mode') ? ` (${get('Event Mode')})` : ''}${get('Headline') ? `: ${get('Headline')}` : ''}`,
  })
}

export const MAPPERS: Record<Dataset, (get: Get, ctx: MapContext) => Mapped> = { gdelt: mapGdelt, icews: mapIcews, acled: mapAcled, polecat: mapPolecat }
