import { createRequire } from 'node:module'
import sbd from 'sbd'
import type { Sentence } from '../document.ts'
import type { Stage } from '../stage.ts'
import type { LanguagePack } from '../../lang/pack.ts'
import { fold } from '../../text/normalize.ts'

interface Span { start: number; end: number; rule: string }

/** "den 30. | Unabhängigkeitstag": a piece ending in a small number after a determiner goes on. */
function endsInOrdinal(piece: string, pack: LanguagePack): boolean {
  const m = /(\S+)\s+(\d{1,3})\.\s*$/u.exec(piece)
  return !!m && pack.segment.ordinalContext.includes(fold(m[1]!))
}

/** "König Mohammed VI. | empfing …": a regnal number after a name, where the next piece goes on in lower case. */
function endsInRegnalNumber(piece: string, next: string): boolean {
  return /\p{Lu}\p{Ll}+\s+[IVX]{1,5}\.$/u.test(piece) && /^\p{Ll}/u.test(next)
}

function endsInAbbreviation(piece: string, pack: LanguagePack): boolean {
  const m = /(\S+)\s*$/u.exec(piece)
  return !!m && pack.segment.abbreviations.includes(fold(m[1]!))
}

const abbreviationCache = new WeakMap<LanguagePack, string[]>()

/** sbd compares abbreviations without their dots and case-sensitively: give it both cases. */
function abbreviations(pack: LanguagePack): string[] {
  let list = abbreviationCache.get(pack)
  if (!list) {
    const bare = pack.segment.abbreviations.map((a) => a.replace(/\./g, ''))
    list = [...new Set(bare.flatMap((a) => [a, a.charAt(0).toUpperCase() + a.slice(1)]))]
    abbreviationCache.set(pack, list)
  }
  return list
}

/**
 * sbd takes a full stop followed by three capitalised words among the next five for an abbreviated
 * name ("J. R. R. Tolkien") and does not split there, and only near the start of a text, where its
 * look-ahead window happens to reach. In a language that capitalises its nouns ("… mit Russland.
 * Die Junta hofft auf Waffen.") that merges real sentences, so for such packs the check is off;
 * initials are still kept by sbd's single-letter rule and abbreviations by the pack's list.
 */
const match = createRequire(import.meta.url)('sbd/lib/Match') as { isNameAbbreviation: (wordCount: number, words: string[]) => boolean; isCustomAbbreviation: (word: string) => boolean }
const nameAbbreviation = match.isNameAbbreviation
let nounsCapitalised = false
match.isNameAbbreviation = (wordCount, words) => !nounsCapitalised && nameAbbreviation(wordCount, words)
/**
 * Before a number, sbd takes any capitalised word for an abbreviation ("Nr. 5"), so "… gegen den
 * Text. 35 Staaten enthielten sich" stayed one sentence. Where nouns are capitalised only a short
 * capitalised word is one there; a short lower-case word is a verb's particle ("… über zyprische
 * Banken ab. 2011 gewährte Russland …"). The pack's abbreviations are kept by their own list.
 */
const customAbbreviation = match.isCustomAbbreviation
match.isCustomAbbreviation = (word) => (nounsCapitalised ? word.length <= 3 && /^\p{Lu}/u.test(word) : customAbbreviation(word))

/** Sentences of one line: sbd, then the pack's merge rules. */
function splitLine(text: string, lineStart: number, lineEnd: number, pack: LanguagePack): Span[] {
  const line = text.slice(lineStart, lineEnd)
  const spans: Span[] = []
  let cursor = 0
  nounsCapitalised = pack.grammar.capitalisesNouns
  for (const raw of sbd.sentences(line, { preserve_whitespace: true, newline_boundaries: false, abbreviations: abbreviations(pack) })) {
    const piece = raw.trim()
    if (!piece) continue
    const at = line.indexOf(piece, cursor)
    if (at < 0) continue
    cursor = at + piece.length
    const prev = spans[spans.length - 1]
    const span = { start: lineStart + at, end: lineStart + at + piece.length, rule: 'sbd' }
    const prevText = prev ? text.slice(prev.start, prev.end) : ''
    if (prev && ((endsInOrdinal(prevText, pack) || endsInAbbreviation(prevText, pack)) && /^[\p{L}\p{N}]/u.test(piece) || endsInRegnalNumber(prevText, piece))) {
      prev.end = span.end
      prev.rule = `${pack.code}.segment.merge`
    } else {
      spans.push(span)
    }
  }
  return spans
}

/** Every line is at least one sentence: headlines and list items carry no full stop. */
export function splitSentences(text: string, pack: LanguagePack): Sentence[] {
  const spans: Span[] = []
  const lineRe = /[^\n]+/g
  for (const m of text.matchAll(lineRe)) {
    if (!m[0].trim()) continue
    spans.push(...splitLine(text, m.index, m.index + m[0].length, pack))
  }
  return spans.map((s, index) => ({ index, start: s.start, end: s.end, rule: s.rule }))
}

export const sentencesStage: Stage = {
  name: 'sentences',
  requires: ['text'],
  assigns: ['sentences'],
  run: (doc, { pack }) => ({ ...doc, sentences: splitSentences(doc.text, pack) }),
}
