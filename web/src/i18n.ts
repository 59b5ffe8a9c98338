import de from './i18n/de.json'
import en from './i18n/en.json'

export type Lang = 'de' | 'en'
const texts: Record<Lang, Record<string, string>> = { de, en }

/** The interface text for a key, with {placeholders} filled. */
export function translate(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const text = texts[lang][key] ?? texts.en[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
}

export const initialLang = (): Lang => (navigator.language?.startsWith('de') ? 'de' : 'en')
