/** A file that cannot be read as text. */
export class InputError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`)
  }
}

export interface Decoded { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' }

/**
 * Bytes to text: UTF-8 with or without a byte-order mark, else Windows-1252 (a superset of
 * Latin-1 for printable text). Binary data is refused rather than decoded into noise.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty')
  const probe = bytes.subarray(0, 8192)
  if (probe.includes(0)) throw new InputError(file, 'binary content (NUL bytes): not a text file')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}
