import { createRequire } from 'node:module'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadDataFile } from './data-file.ts'
import { groupsFile, membershipsFile, organisationsFile, peopleFile, sectorsFile, statesFile, type Bloc, type Person, type RoleId } from './schema.ts'
import { actorsFromData, type Actor } from './actors.ts'
import { Gazetteer, type AliasConflict, type AliasEntry } from './gazetteer.ts'
import { loadRelationParams } from '../relations/params.ts'
import { loadLanguagePacks, type LanguagePack } from '../lang/pack.ts'

const require = createRequire(import.meta.url)
const countries = require('i18n-iso-countries') as {
  alpha3ToAlpha2(code: string): string | undefined
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>
  getName(code: string, lang: string): string | undefined
  registerLocale(locale: unknown): void
}
countries.registerLocale(require('i18n-iso-countries/langs/de.json'))
countries.registerLocale(require('i18n-iso-countries/langs/en.json'))
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'))
countries.registerLocale(require('i18n-iso-countries/langs/ru.json'))

// Codes in use that ISO 3166-1 does not assign (Kosovo's user-assigned code).
const ALPHA2_OVERRIDES: Record<string, string> = { XKX: 'XK' }

export interface KnowledgeBase {
  actors: Map<string, Actor>
  people: Map<string, Person>
  packs: Map<string, LanguagePack>
  gazetteers: Map<string, Gazetteer>
  /** Ambiguous aliases that no rule settles; a test keeps this empty. */
  conflicts: AliasConflict[]
  /** Dated membership of alliances and unions (data/kb/memberships.yaml). */
  blocs: Bloc[]
  /** The dimension each mode belongs to (military, economic, diplomatic: `dimensions` in data/relations.yaml). */
  modeDimensions: ReadonlyMap<string, string>
  /** The folder it was read from (src/kb/analysis-version.ts digests it). */
  dataDir: string
}

function alpha2(id: string): string | undefined {
  return ALPHA2_OVERRIDES[id] ?? countries.alpha3ToAlpha2(id)
}

/** Names from the ISO package, without inverted forms such as "Korea, Republik". */
function isoNames(id: string, lang: string): string[] {
  const code = alpha2(id)
  if (!code) return []
  return (countries.getNames(lang, { select: 'all' })[code] ?? []).filter((n) => !/[,()]/.test(n))
}

function withGenitive(name: string, pack: LanguagePack): string[] {
  const g = pack.grammar.genitive
  if (!g || g.exceptEndings.some((e) => name.endsWith(e))) return []
  return [name + g.suffix]
}

function buildGazetteer(pack: LanguagePack, actors: Map<string, Actor>, people: Person[]): Gazetteer {
  const gz = new Gazetteer()
  const rule = (what: string) => `${pack.code}.kb.${what}`
  const addName = (surface: string, entry: Omit<AliasEntry, 'genitive'>) => {
    gz.add(surface, { ...entry, genitive: false })
    for (const g of withGenitive(surface, pack)) gz.add(g, { ...entry, genitive: true, base: surface })
  }
  for (const actor of actors.values()) {
    const data = pack.actors[actor.id]
    const names = new Set([...(data?.names ?? []), ...(actor.kind === 'state' ? isoNames(actor.id, pack.code) : [])])
    for (const n of names) addName(n, { kind: 'name', actor: actor.id, proper: true, rule: rule('name') })
    for (const f of data?.forms ?? []) gz.add(f, { kind: 'form', actor: actor.id, proper: true, genitive: false, rule: rule('form') })
    for (const m of data?.metonyms ?? []) addName(m, { kind: 'metonym', actor: actor.id, proper: true, rule: rule('metonym') })
    for (const s of data?.seats ?? []) gz.add(s, { kind: 'seat', actor: actor.id, proper: true, genitive: false, rule: rule('seat') })
    for (const p of data?.inhabitants ?? []) gz.add(p, { kind: 'people', actor: actor.id, proper: true, genitive: false, rule: rule('inhabitants') })
    for (const n of data?.nouns ?? []) gz.add(n, { kind: 'name', actor: actor.id, proper: false, genitive: false, rule: rule('noun') })
    for (const stem of data?.adjectives ?? []) {
      for (const ending of pack.grammar.adjectiveEndings) {
        gz.add(stem + ending, { kind: 'adjective', actor: actor.id, proper: false, genitive: false, rule: rule('adjective'), base: stem })
      }
    }
  }
  for (const person of people) {
    // "al-Scharaa", "von der Leyen": a name that opens with a lower-case particle is written so in running text.
    for (const n of person.names) addName(n, { kind: 'person', person: person.id, proper: !/^\p{Ll}+[-\s]/u.test(n), rule: 'kb.person' })
  }
  for (const [role, titles] of Object.entries(pack.roles.titles)) {
    // A title listed in lower case may be written so ("the Russian foreign minister").
    for (const t of titles ?? []) gz.add(t, { kind: 'title', role: role as RoleId, proper: /^\p{Lu}/u.test(t), genitive: false, rule: rule(`title.${role}`) })
  }
  for (const [seat, s] of Object.entries(pack.roles.seats)) {
    gz.add(seat, { kind: 'role', actor: s.actor, role: s.role, proper: true, genitive: false, rule: rule('seat') })
  }
  for (const [alias, amb] of Object.entries(pack.ambiguities)) gz.prefer(alias, amb.prefer)
  // Longer than the alias inside them, these win the longest match and name no actor.
  // One that opens with a lower-case word ("russischen Sicherheitsrats") is written so in running text.
  for (const name of pack.notActors) gz.add(name, { kind: 'name', proper: /^\p{Lu}/u.test(name), genitive: false, rule: rule('not-actor') })
  return gz
}

export interface KnowledgeBaseOptions { dataDir: string }

export function loadKnowledgeBase({ dataDir }: KnowledgeBaseOptions): KnowledgeBase {
  const kbDir = join(dataDir, 'kb')
  const states = loadDataFile(join(kbDir, 'states.yaml'), statesFile)
  const organisations = loadDataFile(join(kbDir, 'organisations.yaml'), organisationsFile)
  const groups = loadDataFile(join(kbDir, 'groups.yaml'), groupsFile)
  // people.yaml, and more people by region in people/*.yaml.
  const peopleDir = join(kbDir, 'people')
  const peopleFiles = [join(kbDir, 'people.yaml'), ...(existsSync(peopleDir) ? readdirSync(peopleDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(peopleDir, f)) : [])]
  const peopleByFile = peopleFiles.map((file) => ({ file, list: loadDataFile(file, peopleFile) }))
  const peopleList = peopleByFile.flatMap((f) => f.list)
  const sectors = loadDataFile(join(kbDir, 'sectors.yaml'), sectorsFile)
  const actors = actorsFromData(states, organisations, groups, (id) => {
    const code = alpha2(id)
    return code ? countries.getName(code, 'en') : undefined
  }, sectors)
  const people = new Map<string, Person>()
  for (const { file, list } of peopleByFile) {
    for (const p of list) {
      if (people.has(p.id)) throw new Error(`${file}: person ${p.id} is defined twice`)
      for (const r of p.roles) if (!actors.has(r.actor)) throw new Error(`${file}: person ${p.id}: unknown actor ${r.actor}`)
      people.set(p.id, p)
    }
  }
  const blocs = loadDataFile(join(kbDir, 'memberships.yaml'), membershipsFile)
  for (const b of blocs) {
    for (const id of [b.org, ...(b.led_by ? [b.led_by] : []), ...b.members.map((m) => m.actor)]) {
      if (!actors.has(id)) throw new Error(`${join(kbDir, 'memberships.yaml')}: bloc ${b.org}: unknown actor ${id}`)
    }
  }
  const packs = loadLanguagePacks(join(dataDir, 'lang'))
  const gazetteers = new Map<string, Gazetteer>()
  const conflicts: AliasConflict[] = []
  for (const [code, pack] of packs) {
    for (const id of Object.keys(pack.actors)) {
      if (!actors.has(id)) throw new Error(`${join(pack.dir, 'actors.yaml')}: entry "${id}": no such actor in data/kb`)
    }
    const gz = buildGazetteer(pack, actors, peopleList)
    gazetteers.set(code, gz)
    conflicts.push(...gz.conflicts(code))
  }
  const modeDimensions = new Map(Object.entries(loadRelationParams(dataDir).dimensions).flatMap(([dim, modes]) => modes.map((m): [string, string] => [m, dim])))
  return { actors, people, packs, gazetteers, conflicts, blocs, modeDimensions, dataDir }
}

/** The actor a person acted for on a date: the role covering it, else the nearest one. */
export function personActorAt(person: Person, date: string | null): { actor: string; role: RoleId } {
  const roles = person.roles
  const day = date ?? '9999'
  const covering = roles.filter((r) => (!r.from || r.from.slice(0, day.length) <= day) && (!r.to || r.to.slice(0, day.length) >= day))
  const pick = covering[0] ?? [...roles].sort((a, b) => distance(a, day) - distance(b, day))[0]!
  return { actor: pick.actor, role: pick.role }
}

function distance(r: { from?: string; to?: string }, day: string): number {
  const year = Number(day.slice(0, 4))
  const from = r.from ? Number(r.from.slice(0, 4)) : -Infinity
  const to = r.to ? Number(r.to.slice(0, 4)) : Infinity
  return year < from ? from - year : year > to ? year - to : 0
}
