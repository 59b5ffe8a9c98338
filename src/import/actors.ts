import countries from 'i18n-iso-countries'
import type { KnowledgeBase } from '../kb/knowledge.ts'
import { tokenize } from '../text/tokenize.ts'
import type { ImportMappings } from './mappings.ts'

/** An actor a record names, or why it could not be mapped. */
export type ActorResult = { actor: string; how: string } | { actor: null; unmapped: string }

/**
 * Maps the actor codes and names of event datasets to the knowledge base's actors. A party with a
 * country is that country (as "Russian police" is Russia in text); a party with none is an
 * organisation, an armed group or a sector. Results are cached: datasets repeat their actors.
 */
export class ActorResolver {
  private readonly names = new Map<string, string | null>()
  private readonly countryCache = new Map<string, string | null>()
  private readonly sectorNames: Map<string, string>
  private readonly countryNames: Map<string, string>
  private readonly noActor: Set<string>

  constructor(private readonly kb: KnowledgeBase, private readonly maps: ImportMappings) {
    this.sectorNames = new Map(Object.entries(maps.sectorNames).map(([k, v]) => [k.toLowerCase(), v]))
    this.noActor = new Set(maps.noActor.map((n) => n.toLowerCase()))
    this.countryNames = new Map(Object.entries(maps.countryNames).map(([k, v]) => [k.toLowerCase(), v]))
  }

  private known(id: string): string | null {
    return this.kb.actors.has(id) ? id : null
  }

  /** A three-letter code (ISO or CAMEO) or a country's English name. */
  country(value: string): string | null {
    const v = value.trim()
    if (!v || v === 'NA') return null
    const cached = this.countryCache.get(v)
    if (cached !== undefined) return cached
    let id: string | null = null
    if (/^[A-Z]{3}$/.test(v)) id = this.known(this.maps.cameoCountries[v] ?? v)
    else id = this.known(this.countryNames.get(v.toLowerCase()) ?? countries.getAlpha3Code(v, 'en') ?? '') ?? this.name(v)
    this.countryCache.set(v, id)
    return id
  }

  /** A name the English gazetteer knows as a whole ("United Nations", "Wagner Group", "Hamas"). */
  name(value: string): string | null {
    const v = value.trim()
    const cached = this.names.get(v)
    if (cached !== undefined) return cached
    const gz = this.kb.gazetteers.get('en')
    const tokens = tokenize(v)
    const m = gz && tokens.length ? gz.matchAt(tokens, 0) : null
    const id = m && m.end === tokens.length && m.entry.actor && ['name', 'form', 'metonym'].includes(m.entry.kind) ? m.entry.actor : null
    this.names.set(v, id)
    return id
  }

  /** A sector from a list of sector words ("Police,Government"). */
  sector(values: string[]): string | null {
    for (const v of values) {
      const id = this.sectorNames.get(v.trim().toLowerCase())
      if (id) return id
    }
    return null
  }

  /** GDELT/CAMEO actor columns: country code, known group code, type code, name. */
  cameo(a: { code: string; name: string; country: string; group: string; type: string }): ActorResult {
    if (!a.code && !a.name) return { actor: null, unmapped: '(none)' }
    const country = a.country ? this.country(a.country) : null
    if (country) return { actor: country, how: `country:${a.country}` }
    const group = a.group ? this.known(this.maps.knownGroups[a.group] ?? '') : null
    if (group) return { actor: group, how: `group:${a.group}` }
    const sector = a.type ? this.known(this.maps.sectorTypes[a.type] ?? '') : null
    if (sector) return { actor: sector, how: `sector:${a.type}` }
    const named = a.name ? this.name(a.name) : null
    if (named) return { actor: named, how: 'name' }
    return { actor: null, unmapped: a.code || a.name }
  }

  /** A name that stands for no one in particular ("Unspecified Actor"): no partner. */
  isNoActor(name: string): boolean {
    return this.noActor.has(name.trim().toLowerCase())
  }

  /** ICEWS/POLECAT/ACLED style: a name, a country (name or code) and sector words. */
  named(a: { name: string; country: string; sectors: string[] }): ActorResult {
    if (!a.name && !a.country) return { actor: null, unmapped: '(none)' }
    const country = this.country(a.country)
    if (country) return { actor: country, how: 'country' }
    // "Criminal (Al Qaeda)": the name, else what the brackets name.
    const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(a.name)
    const named = a.name ? (this.name(bracket?.[1] ?? a.name) ?? (bracket ? this.name(bracket[2]!) : null)) : null
    if (named) return { actor: named, how: 'name' }
    const sector = this.sector(a.sectors)
    if (sector) return { actor: sector, how: 'sector' }
    return { actor: null, unmapped: a.name || a.country }
  }
}
