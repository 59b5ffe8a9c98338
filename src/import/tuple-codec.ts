/**
 * Tuples packed for the trip from the reading thread to the writing one. Posting arrays of tuples
 * made the reader spend 1.8 s of a million GDELT records in serialisation, a fifth of its work:
 * every value is a tagged entry to write and read back. Packed, a batch is a few typed arrays (moved,
 * not copied), one string holding the long texts, and a dictionary of the short values that repeat
 * (actors, types, dates, rules).
 *
 * A layout names each position's kind: 'd' a string that repeats (or null), 't' a text (or null),
 * 'n' a number (or null; never NaN, which stands for null).
 */
export type Layout = string

export interface Packed {
  rows: number
  dict: string[]
  /** Per row, per 'd' position: 0 for null, else 1 + the index in `dict`. */
  codes: Uint32Array
  numbers: Float64Array
  /** The 't' values one after another, and each one's length (−1 for null). */
  text: string
  lengths: Int32Array
}

type Value = string | number | null

const count = (layout: Layout, kind: string) => [...layout].filter((k) => k === kind).length

export function pack(layout: Layout, tuples: readonly (readonly Value[])[]): Packed {
  const [nd, nn, nt] = [count(layout, 'd'), count(layout, 'n'), count(layout, 't')]
  const codes = new Uint32Array(tuples.length * nd)
  const numbers = new Float64Array(tuples.length * nn)
  const lengths = new Int32Array(tuples.length * nt)
  const dict: string[] = []
  const index = new Map<string, number>()
  const texts: string[] = []
  let [d, n, t] = [0, 0, 0]
  for (const tuple of tuples) {
    for (let i = 0; i < layout.length; i++) {
      const v = tuple[i] ?? null
      const kind = layout.charCodeAt(i)
      if (kind === 100 /* d */) {
        if (v === null) { codes[d++] = 0; continue }
        let code = index.get(v as string)
        if (code === undefined) { dict.push(v as string); index.set(v as string, (code = dict.length)) }
        codes[d++] = code
      } else if (kind === 110 /* n */) numbers[n++] = v === null ? NaN : (v as number)
      else if (v === null) lengths[t++] = -1
      else { texts.push(v as string); lengths[t++] = (v as string).length }
    }
  }
  return { rows: tuples.length, dict, codes, numbers, text: texts.join(''), lengths }
}

export function unpack<T extends Value[]>(layout: Layout, p: Packed): T[] {
  const out: T[] = new Array(p.rows)
  let [d, n, t, at] = [0, 0, 0, 0]
  for (let r = 0; r < p.rows; r++) {
    const tuple: Value[] = new Array(layout.length)
    for (let i = 0; i < layout.length; i++) {
      const kind = layout.charCodeAt(i)
      if (kind === 100 /* d */) {
        const code = p.codes[d++]!
        tuple[i] = code === 0 ? null : p.dict[code - 1]!
      } else if (kind === 110 /* n */) {
        const v = p.numbers[n++]!
        tuple[i] = Number.isNaN(v) ? null : v
      } else {
        const length = p.lengths[t++]!
        if (length < 0) tuple[i] = null
        else { tuple[i] = p.text.slice(at, at + length); at += length }
      }
    }
    out[r] = tuple as T
  }
  return out
}

/** The buffers a packed batch moves to the other thread. */
export const transferables = (p: Packed): ArrayBuffer[] => [p.codes.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer]
