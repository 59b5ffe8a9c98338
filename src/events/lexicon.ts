import type { EventRule } from '../lang/schema.ts'
import type { LanguagePack } from '../lang/pack.ts'
import { fold } from '../text/normalize.ts'

/** The fewest letters a required noun has for a compound ending in it to count ("Haft" ends "Gemeinschaft"). */
const MIN_COMPOUND_HEAD = 5
/** The letters a required noun needs for its inflected forms to count too ("Botschafters"; not "Reisen"). */
const MIN_INFLECTED_REQUIRED = 7

export interface TriggerRef {
  rule: EventRule
  kind: 'verb' | 'noun' | 'split'
  /** For a split verb: the particle that must close the clause. */
  particle?: string
  /** The folded form that matched. */
  form: string
  /** The form as the data file writes it (its capitalisation matters for nouns). */
  surface: string
  /** The verb's infinitive: the first form its data lists (which a future auxiliary governs: "wird liefern"). */
  infinitive?: boolean
}

/** Word-form lookups compiled from a pack's event rules. */
export interface EventLexicon {
  triggers: Map<string, TriggerRef[]>
  /** Noun triggers by their last four letters, for compounds ("Beitrittsverhandlungen" → "Verhandlungen"). */
  nounHeads: Map<string, TriggerRef[]>
  /** Per rule: folded object words with the mode they set. */
  objects: Map<EventRule, Map<string, string>>
  requires: Map<EventRule, Set<string>>
  /** Per rule: folded `requires_also` words (empty when the rule asks for no second word). */
  requiresAlso: Map<EventRule, Set<string>>
  /** The capitalised `requires` words of MIN_COMPOUND_HEAD letters or more: compounds ending in them count too. */
  requiredNouns: Map<EventRule, string[]>
  /** Per rule id, the rule ids whose readings its reading replaces. */
  supersedes: Map<string, string[]>
  /** Rule ids whose noun stands in an adverbial phrase of its own (`noun_after`): no verb of the clause governs it. */
  adverbialNouns: Set<string>
  /** Rule ids whose act keeps its subject away from its object (`withholds`). */
  withholds: Set<string>
  /** Rule ids whose negated reading opens the act it governs (`negation_opens`). */
  negationOpens: Set<string>
  /** Per rule id, the polarity of its act when it happens (neither negated nor threatened). */
  polarities: Map<string, 'coop' | 'conflict'>
  /** Rule ids whose act is one-sided by nature (`oneSided`): no partner is looked for. */
  oneSided: Set<string>
}

const cache = new WeakMap<LanguagePack, EventLexicon>()

/** The PLOVER types whose acts bring two parties closer. */
export const COOPERATIVE_TYPES: ReadonlySet<string> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'REQUEST'])

function add(map: Map<string, TriggerRef[]>, key: string, ref: TriggerRef): void {
  const list = map.get(key) ?? []
  if (!list.some((r) => r.rule === ref.rule && r.kind === ref.kind && r.particle === ref.particle)) list.push(ref)
  map.set(key, list)
}

export function eventLexicon(pack: LanguagePack): EventLexicon {
  const cached = cache.get(pack)
  if (cached) return cached
  const triggers = new Map<string, TriggerRef[]>()
  const objects = new Map<EventRule, Map<string, string>>()
  const requires = new Map<EventRule, Set<string>>()
  const requiresAlso = new Map<EventRule, Set<string>>()
  const requiredNouns = new Map<EventRule, string[]>()
  const inflections: [string, TriggerRef][] = []
  for (const rule of pack.events) {
    for (const verb of rule.verbs) {
      verb.forms.forEach((f, n) => add(triggers, fold(f), { rule, kind: 'verb', form: fold(f), surface: f, ...(n === 0 ? { infinitive: true } : {}) }))
      if (verb.split) {
        for (const f of verb.split.finite) add(triggers, fold(f), { rule, kind: 'split', particle: fold(verb.split.particle), form: fold(f), surface: f })
      }
    }
    for (const n of rule.nouns) add(triggers, fold(n), { rule, kind: 'noun', form: fold(n), surface: n })
    // An object noun the rule lists matches in its inflected forms too ("von Panzern" for "Panzer").
    // Required words do not: they are listed form by form ("Reise" but not "Reisen" for a trip).
    const inflected = (w: string) => (/^\p{Lu}/u.test(w) ? pack.grammar.nounSuffixes.map((e) => fold(w) + e) : [])
    // So does an event noun ("mit Einreiseverboten" for "Einreiseverbote"), unless that form is listed itself.
    for (const n of rule.nouns) for (const f of inflected(n)) inflections.push([f, { rule, kind: 'noun', form: f, surface: n }])
    const objs = new Map<string, string>()
    for (const [mode, words] of Object.entries(rule.objects)) for (const w of words) objs.set(fold(w), mode)
    for (const [mode, words] of Object.entries(rule.objects)) for (const w of words) for (const f of inflected(w)) if (!objs.has(f)) objs.set(f, mode)
    objects.set(rule, objs)
    // So does a long required noun ("des estnischen Botschafters" for "Botschafter"); short ones
    // inflected are too often other words' ("Reisen" of citizens, "des Kaufs" as a reason).
    requires.set(rule, new Set([...rule.requires.map(fold), ...rule.requires.filter((w) => w.length >= MIN_INFLECTED_REQUIRED).flatMap(inflected)]))
    requiresAlso.set(rule, new Set(rule.requires_also.map(fold)))
    // A short noun too often ends a longer word it is no part of ("Haft" in "Gemeinschaft"): only a whole one counts.
    requiredNouns.set(rule, rule.requires.filter((w) => /^\p{Lu}/u.test(w) && w.length >= MIN_COMPOUND_HEAD).map(fold))
  }
  const listed = new Set(triggers.keys())
  for (const [f, ref] of inflections) if (!listed.has(f)) add(triggers, f, ref)
  const nounHeads = new Map<string, TriggerRef[]>()
  for (const refs of triggers.values()) {
    for (const ref of refs) {
      if (ref.kind !== 'noun' || ref.form.length < 5) continue
      const key = ref.form.slice(-4)
      nounHeads.set(key, [...(nounHeads.get(key) ?? []), ref])
    }
  }
  const supersedes = new Map(pack.events.filter((r) => r.supersedes.length).map((r) => [r.rule, r.supersedes]))
  const negationOpens = new Set(pack.events.filter((r) => r.negation_opens).map((r) => r.rule))
  const withholds = new Set(pack.events.filter((r) => r.withholds).map((r) => r.rule))
  const adverbialNouns = new Set(pack.events.filter((r) => r.noun_after.length).map((r) => r.rule))
  const polarities = new Map(pack.events.map((r) => [r.rule, r.polarity ?? (COOPERATIVE_TYPES.has(r.type) ? 'coop' as const : 'conflict' as const)]))
  const oneSided = new Set(pack.events.filter((r) => r.oneSided).map((r) => r.rule))
  const lex = { triggers, nounHeads, objects, requires, requiresAlso, requiredNouns, supersedes, withholds, adverbialNouns, negationOpens, polarities, oneSided }
  cache.set(pack, lex)
  return lex
}

/** "Verteidigungsabkommen" is an "Abkommen": a capitalised compound ends in its head noun. */
export function isCompoundOf(word: { norm: string; text: string }, noun: string): boolean {
  return word.norm.length > noun.length + 2 && word.norm.endsWith(noun) && /^\p{Lu}/u.test(word.text)
}

/** The mode an object word sets ("Drohnen" → arms), the word itself or a word ending in it. */
export function objectModeOf(objects: Map<string, string>, norm: string): string | undefined {
  const own = objects.get(norm)
  if (own !== undefined) return own
  // A compound ending in a listed object ("Kampfdrohnen" ends in "drohnen"): the candidates share
  // the word's last three letters (objects shorter than that are always tried), so only those are
  // compared. Each word is looked up once a rule (null: none).
  const { index, seen } = byEnding(objects)
  const known = seen.get(norm)
  if (known !== undefined) return known ?? undefined
  let found: string | null = null
  for (const list of [index.get(norm.slice(-3)), index.get('')]) {
    for (const [o, mode] of list ?? []) if (norm.endsWith(o) && norm.length > o.length + 2) { found = mode; break }
    if (found !== null) break
  }
  if (seen.size >= SEEN_MAX) seen.clear()
  seen.set(norm, found)
  return found ?? undefined
}

/** Words a rule's objects were looked up for, at most this many (emptied when full). */
const SEEN_MAX = 20_000

interface Endings { index: Map<string, [string, string][]>; seen: Map<string, string | null> }
const endings = new WeakMap<Map<string, string>, Endings>()

/** The objects of a rule by their last three letters, in the order the rule lists them; and the words looked up. */
function byEnding(objects: Map<string, string>): Endings {
  let e = endings.get(objects)
  if (!e) {
    const index = new Map<string, [string, string][]>()
    for (const [o, mode] of objects) {
      const key = o.length >= 3 ? o.slice(-3) : ''
      const list = index.get(key) ?? []
      list.push([o, mode])
      index.set(key, list)
    }
    e = { index, seen: new Map() }
    endings.set(objects, e)
  }
  return e
}

/**
 * The triggers of a word: its own entries, else, for a capitalised word, the noun triggers it ends
 * with as a compound's head ("Beitrittsverhandlungen" has the head "Verhandlungen").
 */
export function triggersOf(lex: EventLexicon, word: { norm: string; text: string }): TriggerRef[] {
  const own = lex.triggers.get(word.norm)
  if (own) return own
  if (word.norm.length < 8 || !/^\p{Lu}/u.test(word.text)) return NONE
  // A compound's heads depend on its folded form alone: each is worked out once.
  let compounds = compoundsOf.get(lex)
  if (!compounds) compoundsOf.set(lex, (compounds = new Map()))
  let found = compounds.get(word.norm)
  if (found === undefined) {
    const heads = (lex.nounHeads.get(word.norm.slice(-4)) ?? []).filter((r) => isCompoundOf(word, r.form))
    const longest = Math.max(0, ...heads.map((r) => r.form.length))
    found = heads.filter((r) => r.form.length === longest)
    if (compounds.size >= SEEN_MAX) compounds.clear()
    compounds.set(word.norm, found)
  }
  return found
}

const NONE: TriggerRef[] = []
const compoundsOf = new WeakMap<EventLexicon, Map<string, TriggerRef[]>>()
