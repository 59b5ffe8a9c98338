import { franc } from 'franc'
import type { LanguagePack } from '../lang/pack.ts'
import { perData } from '../lang/per-grammar.ts'
import { fold } from '../text/normalize.ts'

/**
 * The pack whose language the text is in, among the installed packs. A text whose function words
 * are clearly one pack's is that pack's; franc decides the others (short, mixed or unknown text).
 */
export function detectLanguage(text: string, packs: Map<string, LanguagePack>, sample = 4000): string | null {
  const head = text.slice(0, sample)
  const clear = byFunctionWords(head, packs)
  if (clear) return clear
  const byFranc = new Map([...packs.values()].map((p) => [p.grammar.franc, p.code]))
  const code = franc(head, { only: [...byFranc.keys()], minLength: 10 })
  return byFranc.get(code) ?? null
}

/** Hits a text needs of one pack's function words, and how many times the hits of any other pack. */
const CLEAR_HITS = 6
const CLEAR_RATIO = 5

/**
 * Each installed pack's one-word prepositions, determiners, coordinators and subordinators that no
 * other installed pack lists ("des" is German and French, so it tells neither), by their folded
 * keys as the pack keeps them ("fur"): word → pack.
 */
const functionWords = perData((packs: Map<string, LanguagePack>): Map<string, string> => {
  const owners = new Map<string, Set<string>>()
  for (const p of packs.values()) {
    const g = p.grammar
    for (const w of [...g.prepositions, ...g.determiners, ...g.coordinators, ...g.subordinators]) {
      if (!/\s/.test(w)) owners.set(w, (owners.get(w) ?? new Set()).add(p.code))
    }
  }
  return new Map([...owners].filter(([, o]) => o.size === 1).map(([w, o]) => [w, [...o][0]!]))
})

/** The pack whose function words the text uses, when it clearly uses one pack's only; else null. */
function byFunctionWords(text: string, packs: Map<string, LanguagePack>): string | null {
  if (packs.size < 2) return null
  const words = functionWords(packs)
  const hits = new Map<string, number>()
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const lang = words.get(fold(m[0]))
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1)
  }
  const [best, second] = [...hits].sort((a, b) => b[1] - a[1])
  return best && best[1] >= CLEAR_HITS && best[1] >= CLEAR_RATIO * (second?.[1] ?? 0) ? best[0] : null
}

export interface LanguageSection { lang: string; text: string }

/**
 * A page in two languages ("English summary" under a German article) as runs of paragraphs in one
 * language each. Paragraphs shorter than `minChars` say too little and join their neighbours' run.
 * Returns one section when the page is in one language.
 */
const PARAGRAPH_SAMPLE = 600

export function languageSections(text: string, packs: Map<string, LanguagePack>, minChars = 200): LanguageSection[] {
  const paragraphs = text.split(/\n\s*\n/)
  // A paragraph's first 600 characters tell its language as well as all of it, at a fraction of the cost.
  const langs = paragraphs.map((p) => (p.trim().length >= minChars ? detectLanguage(p, packs, PARAGRAPH_SAMPLE) : null))
  // Short paragraphs take the language of the next long one, else of the previous one.
  for (let i = langs.length - 1; i >= 0; i--) if (!langs[i] && i + 1 < langs.length) langs[i] = langs[i + 1]!
  for (let i = 0; i < langs.length; i++) if (!langs[i] && i > 0) langs[i] = langs[i - 1]!
  const sections: LanguageSection[] = []
  paragraphs.forEach((p, i) => {
    const lang = langs[i] ?? ''
    const last = sections.at(-1)
    if (last && last.lang === lang) last.text += `\n\n${p}`
    else sections.push({ lang, text: p })
  })
  const known = sections.filter((s) => s.lang)
  return known.length > 1 ? known : [{ lang: known[0]?.lang ?? '', text }]
}
