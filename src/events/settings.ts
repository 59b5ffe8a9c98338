// "Angekündigt hatte Putin den Schritt am 21. Februar in seiner Rede … In der Rede warf Putin den
// USA vor, …": an occasion named with its date (a speech, a visit, a summit) dates the acts a later
// sentence sets in it with a definite article ("in der Rede", "bei dem Besuch", "during the visit").
import type { Token } from '../pipeline/document.ts'
import { isCompoundOf } from './lexicon.ts'

/** A date and the rule that found it. */
export interface Dated { date: string; rule: string }

/** The occasions a language names, by form: each form to the occasion it names ("Besuchs" → "Besuch"). */
export type SettingForms = ReadonlyMap<string, string>

/** At most this many words between the article and the occasion: "bei dem kurzen Besuch". */
const MODIFIERS = 2

/** The forms of `settingNouns` (occasion → its forms), folded to token norms by `fold`. */
export function settingFormsOf(nouns: Record<string, readonly string[]>, fold: (w: string) => string): SettingForms {
  const forms = new Map<string, string>()
  for (const [occasion, list] of Object.entries(nouns)) for (const form of [occasion, ...list]) forms.set(fold(form), occasion)
  return forms
}

/** The occasion a token names: one of its forms, or a compound ending in one ("Außenministertreffen"). */
export function occasionOf(t: Token, forms: SettingForms): string | undefined {
  const own = forms.get(t.norm)
  if (own !== undefined) return own
  for (const [form, occasion] of forms) if (isCompoundOf(t, form)) return occasion
  return undefined
}

/**
 * The occasions a sentence dates: each occasion noun in `tokens[from, to)` with the time expression
 * of the sentence nearest to it.
 */
export function datedSettings(tokens: Token[], from: number, to: number, times: readonly { start: number; date: string; rule: string }[], forms: SettingForms): Map<string, Dated> {
  const out = new Map<string, Dated>()
  if (!times.length) return out
  for (let k = from; k < to; k++) {
    const occasion = occasionOf(tokens[k]!, forms)
    if (!occasion) continue
    const at = tokens[k]!.start
    const nearest = [...times].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]!
    out.set(occasion, { date: nearest.date, rule: nearest.rule })
  }
  return out
}

/** How a language refers to a setting: its definite and possessive articles, and its contractions of a preposition and an article. */
export interface SettingWords {
  articles: ReadonlySet<string>
  contractions: ReadonlySet<string>
}

/**
 * The date of an occasion dated before that the stretch `tokens[from, to)` sets its act in or acts
 * on: a definite or possessive article (and up to MODIFIERS words) and the occasion's noun ("in der
 * Rede", "bei seinem Besuch", "beim Treffen", "blieben dem Treffen fern", "during the visit").
 */
export function settingDate(tokens: Token[], from: number, to: number, forms: SettingForms, words: SettingWords, known: ReadonlyMap<string, Dated>): Dated | null {
  for (let k = from + 1; k < to; k++) {
    const occasion = occasionOf(tokens[k]!, forms)
    const dated = occasion ? known.get(occasion) : undefined
    if (!dated) continue
    let d = k - 1
    while (d > from && k - d <= MODIFIERS && tokens[d]!.kind === 'word' && !words.articles.has(tokens[d]!.norm) && !words.contractions.has(tokens[d]!.norm)) d--
    const t = tokens[d]!
    // "blieben dem Treffen fern", "verließ den Gipfel": an article alone refers back to the occasion too.
    const opened = words.contractions.has(t.norm) || words.articles.has(t.norm)
    if (opened) return { date: dated.date, rule: `${dated.rule}+setting(${occasion})` }
  }
  return null
}
