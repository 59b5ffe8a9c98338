import { readFileSync } from 'node:fs'

export interface CameoMapping { type: string; mode: string; context: string }

/** The official CAMEO→PLOVER table: code → PLOVER type, mode and context. */
export class CameoTable {
  private constructor(private readonly codes: Map<string, CameoMapping>, readonly file: string) {}

  /**
   * Reads the table's "code: TYPE, mode, context # description" lines. A root code listed twice
   * (08 is CONCEDE or RETREAT by sub-code) keeps its first reading for codes it does not list.
   */
  static read(file: string): CameoTable {
    let text: string
    try { text = readFileSync(file, 'utf8') } catch (err) {
      throw new Error(`${file}: cannot read the CAMEO→PLOVER table (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass its path with --cameo-table`)
    }
    const codes = new Map<string, CameoMapping>()
    for (const [n, raw] of text.split('\n').entries()) {
      const line = raw.replace(/#.*/, '').trim()
      const m = /^(\d{2,4}):\s*(.*)$/.exec(line)
      if (!m) continue
      const [type = '', mode = '', context = ''] = m[2]!.split(',').map((s) => s.trim())
      if (!/^[A-Z]+$/.test(type)) throw new Error(`${file}: line ${n + 1}: "${type}" is not a PLOVER type`)
      if (!codes.has(m[1]!)) codes.set(m[1]!, { type, mode, context })
    }
    if (codes.size === 0) throw new Error(`${file}: no "code: TYPE, mode, context" lines: is this the CAMEO→PLOVER table?`)
    return new CameoTable(codes, file)
  }

  /** The mapping of a CAMEO code, from the code itself or else its nearest listed parent ("0874" → "087"). */
  lookup(cameo: string): { mapping: CameoMapping; via: string } | null {
    for (let c = cameo; c.length >= 2; c = c.slice(0, -1)) {
      const mapping = this.codes.get(c)
      if (mapping) return { mapping, via: c }
    }
    return null
  }

  get size(): number { return this.codes.size }
}
