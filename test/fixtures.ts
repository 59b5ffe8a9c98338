import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Doc } from '../src/pipeline/document.ts'
import { eventStrings, oneSidedStrings } from './helpers.ts'

export interface EventFixture { sentence: string; expected: string[]; note: string; line: number }

/**
 * Fixture sets: the TSV files in test/fixtures. Sets named `<lang>-acts-*` also list one-sided acts
 * ("SRB:PROTEST", no partner named); the older sets list only acts between two actors.
 */
export function fixtureSets(): string[] {
  return readdirSync(join(import.meta.dirname, 'fixtures')).filter((f) => f.endsWith('.tsv')).map((f) => f.slice(0, -4)).sort()
}

/** The events of a document as a fixture set writes them. */
export function fixtureEvents(set: string, doc: Doc): string[] {
  return set.includes('-acts-') ? [...eventStrings(doc), ...oneSidedStrings(doc)].sort() : eventStrings(doc)
}

const MUTUAL = new Set(['AGREE', 'CONSULT', 'COOPERATE'])
/** As the gold scorer: the Taliban and Afghanistan, JNIM and Al-Qaida, the USSR and Russia are one actor. */
const SAME: Record<string, string> = { TALIBAN: 'AFG', AQ: 'JNIM', SUN: 'RUS', UNSC: 'UN' }

/** Test sentences with expected events "SRC>TGT:TYPE[:modality]", from test/fixtures/<set>.tsv ("de-events", "de-modes"). */
export function loadEventFixtures(set: string): EventFixture[] {
  const file = join(import.meta.dirname, 'fixtures', `${set}.tsv`)
  return readFileSync(file, 'utf8').split('\n').slice(1).flatMap((row, i) => {
    if (!row.trim()) return []
    const [sentence = '', expected = '', note = ''] = row.split('\t')
    return [{ sentence, expected: expected.split(';').map((s) => s.trim()).filter(Boolean), note, line: i + 2 }]
  })
}

/** Mutual acts are written in one direction; either direction is right. */
export function sameEvents(got: string[], expected: string[]): boolean {
  const norm = (e: string) => {
    const [pair = '', type = '', modality = ''] = e.split(':')
    const [s0 = '', t0 = ''] = pair.split('>')
    const s = SAME[s0] ?? s0
    const t = SAME[t0] ?? t0
    const key = MUTUAL.has(type) ? [s, t].sort().join('~') : `${s}>${t}`
    return `${key}:${type}:${modality}`
  }
  const a = [...new Set(got.map(norm))].sort()
  const b = [...new Set(expected.map(norm))].sort()
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Whether every expected relation is among the events read, other events aside (breadth probes). */
export function readsAll(got: string[], expected: string[]): boolean {
  return expected.every((e) => got.some((g) => sameEvents([g], [e])))
}
