const ASCII = /^[\x00-\x7F]*$/

/**
 * Words folded lately: a text repeats its words, and the pipeline folds each where it needs it.
 * Emptied when full, so a long run over many texts keeps it small.
 */
const folded = new Map<string, string>()
const FOLDED_MAX = 50_000

/** The lookup key for a word: lower case, diacritics and ß folded ("Goïta" -> "goita", "Weiß" -> "weiss"). */
export function fold(word: string): string {
  let key = folded.get(word)
  if (key !== undefined) return key
  // Plain ASCII has no marks, no ß and no curly quotes: lower case is all there is to do.
  key = ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[’‘]/g, "'")
  if (folded.size >= FOLDED_MAX) folded.clear()
  folded.set(word, key)
  return key
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}

/**
 * Text without C0 control characters other than tab and newline (and without DEL). Scraped JSON can
 * carry "\u0000", which PostgreSQL text cannot hold and no reader wants to see.
 */
export function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
}
