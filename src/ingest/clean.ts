import type { LanguagePack } from '../lang/pack.ts'
import { stripMarkup } from './formats/markdown.ts'
import { withoutControls } from '../text/normalize.ts'

interface CompiledChrome { lines: RegExp[]; inline: RegExp[]; end: RegExp[] }
const cache = new WeakMap<LanguagePack, CompiledChrome>()

function compiled(pack: LanguagePack): CompiledChrome {
  let c = cache.get(pack)
  if (!c) {
    const re = (s: string, flags = 'u') => {
      try { return new RegExp(s, flags) } catch (err) { throw new Error(`${pack.dir}/chrome.yaml: bad pattern ${s}: ${(err as Error).message}`) }
    }
    c = { lines: pack.chrome.lines.map((s) => re(s)), inline: pack.chrome.inline.map((s) => re(s, 'gu')), end: pack.chrome.endMarkers.map((s) => re(s)) }
    cache.set(pack, c)
  }
  return c
}

/**
 * Strips site chrome line by line: the pack's chrome lines and end markers, Markdown-style
 * leftovers, lines repeated verbatim (running headers), and runs of blank lines.
 */
export function cleanText(raw: string, pack: LanguagePack): string {
  const chrome = compiled(pack)
  const out: string[] = []
  const seen = new Set<string>()
  const lines = withoutControls(stripMarkup(raw)).replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200b\u200e\u200f\ufeff]/g, '').split('\n')
  for (let line of lines) {
    if (chrome.end.some((r) => r.test(line))) break
    for (const r of chrome.inline) line = line.replace(r, '')
    line = line.replace(/[ \t]+/g, ' ').trimEnd()
    const key = line.trim()
    if (!key) { if (out.length && out[out.length - 1] !== '') out.push(''); continue }
    if (chrome.lines.some((r) => r.test(line))) continue
    // Navigation often repeats a line verbatim; the article's sentences do not.
    if (key.length < 120 && seen.has(key)) continue
    seen.add(key)
    out.push(line.replace(/^\s*[•·▪◦*]\s+/, ''))
  }
  while (out.length && out[out.length - 1] === '') out.pop()
  return out.join('\n').trim()
}
