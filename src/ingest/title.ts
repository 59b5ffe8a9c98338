/** The headline: the first line that reads like one (short, no final full stop). */
export function guessTitle(text: string): string | null {
  for (const line of text.split('\n').slice(0, 8)) {
    const l = line.trim()
    if (l.length >= 12 && l.length <= 160 && !/[.:]$/.test(l) && /\p{L}{3}/u.test(l) && !/\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(l)) return l
  }
  return null
}

/** The publisher from a URL's host ("https://www.example.org/x" -> "example.org"). */
export function publisherFromUrl(url: string | undefined): string | null {
  if (!url) return null
  try { return new URL(url).hostname.replace(/^www\./, '') } catch { return null }
}
