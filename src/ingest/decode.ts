/** A file that cannot be read as text. */
export class InputError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`)
  }
}

export interface Decoded { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'mixed' }

/** Formats that scraped folders carry under a text name, by their first bytes. */
const SIGNATURES: { name: string; bytes: number[]; compressed?: true }[] = [
  { name: 'gzip', bytes: [0x1f, 0x8b], compressed: true },
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68], compressed: true },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], compressed: true },
  { name: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd], compressed: true },
  { name: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04], compressed: true },
  { name: '7-zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], compressed: true },
  { name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], compressed: true },
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
]

/** Share of control characters (other than tab, line feed, form feed, carriage return) above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.05

function binaryKind(probe: Uint8Array): string | null {
  const sig = SIGNATURES.find((s) => s.bytes.every((b, i) => probe[i] === b))
  if (sig) return sig.compressed ? `${sig.name}-compressed data: decompress it first` : `a ${sig.name}, not a text file`
  if (probe.includes(0)) return 'binary content (NUL bytes): not a text file'
  let controls = 0
  for (const b of probe) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++
  if (controls > probe.length * MAX_CONTROL_SHARE) return `binary content (${controls} control bytes in the first ${probe.length}): not a text file`
  return null
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const cp1252 = new TextDecoder('windows-1252')

/**
 * Lines that are not valid UTF-8 are read as Windows-1252, the others as UTF-8: a file pasted
 * together from an old Latin-1 page and a new UTF-8 one reads right on both sides.
 */
function decodeByLine(bytes: Uint8Array): { text: string; mixed: boolean } {
  const out: string[] = []
  let mixed = false
  let start = 0
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end < 0) end = bytes.length
    const line = bytes.subarray(start, end)
    try {
      out.push(utf8.decode(line))
      mixed ||= line.some((b) => b > 0x7f)
    } catch { out.push(cp1252.decode(line)) }
    start = end + 1
  }
  return { text: out.join('\n'), mixed }
}

/**
 * Bytes to text: UTF-8 with or without a byte-order mark, else Windows-1252 (a superset of
 * Latin-1 for printable text), line by line when a file mixes the two. Binary and compressed
 * data is refused, by name, rather than decoded into noise.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty')
  const binary = binaryKind(bytes.subarray(0, 8192))
  if (binary) throw new InputError(file, binary)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    const { text, mixed } = decodeByLine(bytes)
    return { text, encoding: mixed ? 'mixed' : 'windows-1252' }
  }
}
