import type { Token } from '../pipeline/document.ts'
import { fold } from './normalize.ts'

// Numbers keep their separators ("11.000", "02.08.2023"); words are runs of letters and
// digits; every other visible character is a token of its own, so "US-Präsident" is three.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*|\S/gu

export function tokenize(text: string, offset = 0, sentence = 0): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0]
    const kind = /^\p{N}/u.test(word) ? 'number' : /^[\p{L}\p{M}]/u.test(word) ? 'word' : 'punct'
    tokens.push({ start: offset + m.index, end: offset + m.index + word.length, text: word, norm: fold(word), kind, sentence })
  }
  return tokens
}

/** Whether the token at `k` is a hyphen that touches the words on both sides ("large-scale", "Russian-led"). */
export function isGluedHyphen(tokens: Token[], k: number): boolean {
  const t = tokens[k]
  return t?.text === '-' && t.start === tokens[k - 1]?.end && t.end === tokens[k + 1]?.start
}

/** The lookup keys of a phrase, tokenised exactly as running text is. */
export function phraseKey(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm)
}
