/** The lookup key for a word: lower case, diacritics and ß folded ("Goïta" -> "goita", "Weiß" -> "weiss"). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[’‘]/g, "'")
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}
