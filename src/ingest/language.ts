import { franc } from 'franc'
import type { LanguagePack } from '../lang/pack.ts'

/** The pack whose language the text is in, among the installed packs; franc decides. */
export function detectLanguage(text: string, packs: Map<string, LanguagePack>): string | null {
  const byFranc = new Map([...packs.values()].map((p) => [p.grammar.franc, p.code]))
  const code = franc(text.slice(0, 4000), { only: [...byFranc.keys()], minLength: 10 })
  return byFranc.get(code) ?? null
}
