import { franc } from 'franc'
import type { LanguagePack } from '../lang/pack.ts'

/** The pack whose language the text is in, among the installed packs; franc decides. */
export function detectLanguage(text: string, packs: Map<string, LanguagePack>, sample = 4000): string | null {
  const byFranc = new Map([...packs.values()].map((p) => [p.grammar.franc, p.code]))
  const code = franc(text.slice(0, sample), { only: [...byFranc.keys()], minLength: 10 })
  return byFranc.get(code) ?? null
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
