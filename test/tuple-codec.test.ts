// Tuples packed for the trip between threads come back as they were: nulls, empty strings,
// repeated values, texts with any characters, numbers of every size.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { pack, transferables, unpack } from '../src/import/tuple-codec.ts'
import { GROUP_ROW_LAYOUT, IMPORT_ROW_LAYOUT, importChunks } from '../src/import/chunks.ts'

test('packed tuples unpack to the same values, nulls and empty strings kept apart', () => {
  const layout = 'dntdn'
  const tuples = [
    ['RUS', 1, 'GDELT 1: RUSSIA → UKRAINE, CAMEO 190 (https://example.org/a?x=1&y=ü)', '2024-06-17', 0.7],
    ['RUS', null, '', null, -3.5],
    [null, 2 ** 40, null, '', 0],
    ['Wagner-Gruppe', 0, 'Zeile mit\ttab und\nZeilenumbruch und \u0000', '2024-06-17', 1e-9],
  ]
  const packed = pack(layout, tuples)
  assert.deepEqual(unpack(layout, packed), tuples)
  // A value that repeats is written once.
  assert.deepEqual(packed.dict.filter((v) => v === 'RUS' || v === '2024-06-17').length, 2)
  assert.equal(transferables(packed).length, 3)
})

test('the layouts follow the tuples an import makes: a number where a number stands, a string where a string stands', async () => {
  const event = {
    source: 'RUS', target: 'UKR', type: 'ASSAULT', mode: 'airstrike', polarity: 'conflict' as const, modality: 'asserted' as const, date: '2024-06-17', quantity: '3 killed',
    rule: 'import.test', trace: ['dataset:test'], confidence: 0.6, evidence: 'TEST 1: RUS → UKR', sourceSpan: [8, 11] as [number, number], targetSpan: [14, 17] as [number, number],
  }
  const chunks = []
  for await (const c of importChunks('doc', (async function* () { yield [event, { ...event, date: '2024-06-18', target: null, targetSpan: null, quantity: null }] })())) chunks.push(c)
  const fits = (layout: string, tuple: readonly unknown[]) => tuple.length === layout.length && tuple.every((v, i) => v === null || (layout[i] === 'n' ? typeof v === 'number' : typeof v === 'string'))
  for (const c of chunks) {
    if (c.kind === 'end') continue
    const layout = c.kind === 'events' ? IMPORT_ROW_LAYOUT : GROUP_ROW_LAYOUT
    for (const tuple of c.rows) assert.ok(fits(layout, tuple), `${c.kind}: ${JSON.stringify(tuple)}`)
    assert.deepEqual(unpack(layout, pack(layout, c.rows)), c.rows)
  }
  assert.deepEqual(chunks.map((c) => c.kind), ['events', 'groups', 'end'])
})
