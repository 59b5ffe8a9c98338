import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { loadDataFile } from '../kb/data-file.ts'
import { fold } from '../text/normalize.ts'
import { ambiguitySchema, langActorsFile, notActorsSchema, type LangActor } from '../kb/schema.ts'
import {
  chromeSchema, corefSchema, eventRulesFile, grammarSchema, metaSchema, modalitySchema, rolesSchema, segmentSchema, timeSchema,
  type CorefData, type EventRule, type Grammar, type ModalityData, type RolesData, type TimeData,
} from './schema.ts'

/** Everything language-specific, loaded from one folder: data/lang/<code>/. */
export interface LanguagePack {
  code: string
  dir: string
  grammar: Grammar
  roles: RolesData
  segment: z.output<typeof segmentSchema>
  chrome: z.output<typeof chromeSchema>
  meta: z.output<typeof metaSchema>
  modality: ModalityData
  time: TimeData
  coref: CorefData
  events: EventRule[]
  actors: Record<string, LangActor>
  ambiguities: z.output<typeof ambiguitySchema>
  /** Names that contain an actor's alias but name something else ("Minsker Abkommen", "Warschauer Pakt"). */
  notActors: string[]
}

function optional<S extends z.ZodType>(file: string, schema: S, fallback: z.output<S>): z.output<S> {
  return existsSync(file) ? loadDataFile(file, schema) : fallback
}

/**
 * Word lists are compared with tokens' folded keys ("während" → "wahrend"), so they are folded
 * once here: the data keeps the spelling people read.
 */
function foldedWords(g: Grammar): Grammar {
  const out: Record<string, unknown> = { ...g }
  for (const [key, value] of Object.entries(g)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value.map((w: string) => w.split(' ').map(fold).join(' '))
  }
  out['contractions'] = Object.fromEntries(Object.entries(g.contractions).map(([k, v]) => [fold(k), v.split(' ').map(fold).join(' ')]))
  return out as Grammar
}

export function loadLanguagePack(dir: string): LanguagePack {
  const grammar = foldedWords(loadDataFile(join(dir, 'grammar.yaml'), grammarSchema))
  const eventsDir = join(dir, 'events')
  const files = existsSync(eventsDir) ? readdirSync(eventsDir).filter((f) => f.endsWith('.yaml')).sort() : []
  const ids = new Map<string, string>()
  const events = files.flatMap((f) => {
    const rules = loadDataFile(join(eventsDir, f), eventRulesFile)
    // A rule id names one rule: events, traces and `entente explain` cite it.
    for (const r of rules) {
      const other = ids.get(r.rule)
      if (other) throw new Error(`${join(eventsDir, f)}: rule id ${r.rule} is already used in ${other}; each rule needs an id of its own`)
      ids.set(r.rule, join(eventsDir, f))
    }
    return rules
  })
  for (const r of events) {
    const unknown = r.supersedes.filter((id) => !ids.has(id))
    if (unknown.length) throw new Error(`${eventsDir}: rule ${r.rule} supersedes ${unknown.join(', ')}, which no rule of this language is`)
  }
  return {
    code: grammar.code,
    dir,
    grammar,
    roles: optional(join(dir, 'roles.yaml'), rolesSchema, { titles: {}, seats: {}, private: [], placed: [], placeLinks: [] }),
    segment: optional(join(dir, 'segment.yaml'), segmentSchema, { ordinalContext: [], abbreviations: [] }),
    chrome: optional(join(dir, 'chrome.yaml'), chromeSchema, { lines: [], inline: [], endMarkers: [] }),
    meta: optional(join(dir, 'meta.yaml'), metaSchema, { dateCues: [], bylineCues: [] }),
    modality: optional(join(dir, 'modality.yaml'), modalitySchema, {
      hedged: [], reportedMarkers: [], reportedVerbs: [], planned: [], denied: [], negation: [], notNegation: [], notPlanned: [], plannedAttributes: [], conditional: [], refusal: [], forwardNegation: [], threat: [], hostileThreat: [], ultimatum: [], claim: [], perfectInfinitives: [], intent: [], appeal: [], decline: [], abstain: [], ruleOut: [], complementizers: [],
    }),
    time: optional(join(dir, 'time.yaml'), timeSchema, {
      lexicon: { month: {}, season: {}, weekday: {}, part: {}, numberWord: {}, vague: [], ordinalWord: {}, unit: {}, relative: {} },
      patterns: [], countYears: 300, futureCues: [], pastCues: [],
    }),
    coref: optional(join(dir, 'coref.yaml'), corefSchema, { descriptions: [], organisationDescriptions: [], groupingDescriptions: [], groupDescriptions: [], islandDescriptions: [], monarchyDescriptions: [], leaderLinks: [], officeCaseEndings: [], officeArticles: [], locatives: [], partnerDescriptions: [], relationalDescriptions: [], actAdverbs: [], actPronouns: [], partnerDeterminers: [], ownDescriptions: [], pairDescriptions: [], pairPrepositions: [], determiners: [], offices: [], window: 3, actNouns: {}, actDeterminers: [], settingNouns: {} }),
    events,
    actors: loadDataFile(join(dir, 'actors.yaml'), langActorsFile),
    ambiguities: optional(join(dir, 'ambiguities.yaml'), ambiguitySchema, {}),
    notActors: optional(join(dir, 'not-actors.yaml'), notActorsSchema, []),
  }
}

/** All packs under data/lang, keyed by language code. */
export function loadLanguagePacks(langRoot: string): Map<string, LanguagePack> {
  const packs = new Map<string, LanguagePack>()
  for (const code of readdirSync(langRoot).sort()) {
    if (existsSync(join(langRoot, code, 'grammar.yaml'))) packs.set(code, loadLanguagePack(join(langRoot, code)))
  }
  return packs
}
