import { test } from 'node:test'
import assert from 'node:assert/strict'
import { evaluate, datesAgree, type Prediction } from '../src/eval/score.ts'
import type { GoldFact } from '../src/eval/gold.ts'

const fact = (over: Partial<GoldFact>): GoldFact => ({
  doc: 'a.txt', source: 'RUS', target: 'PRK', type: 'AID', date: '2024-06', polarity: 'coop', modality: 'asserted', core: true, quote: '', ...over,
})
const pred = (over: Partial<Prediction>): Prediction => ({ doc: 'a.txt', source: 'RUS', target: 'PRK', type: 'AID', polarity: 'coop', modality: 'asserted', date: '2024-06-19', ...over })

test('a prediction matches a fact by article, actors and type; dates agree by prefix', () => {
  const r = evaluate([pred({})], [fact({})])
  assert.equal(r.strict.precision, 1)
  assert.equal(r.strict.recall, 1)
  assert.equal(r.dateAccuracy, 1)
  assert.ok(datesAgree('2024', '2024-06') && !datesAgree('2024-05', '2024-06') && datesAgree(null, null) && !datesAgree(null, '2024'))
})

test('mutual acts match in either direction, directed ones do not', () => {
  assert.equal(evaluate([pred({ source: 'PRK', target: 'RUS', type: 'CONSULT' })], [fact({ type: 'CONSULT' })]).strict.recall, 1)
  assert.equal(evaluate([pred({ source: 'PRK', target: 'RUS' })], [fact({})]).strict.recall, 0)
  assert.equal(evaluate([pred({ source: 'PRK', target: 'RUS', type: 'SUPPORT' })], [fact({ type: 'SUPPORT', mode: 'treaty' })]).strict.recall, 1)
})

test('alternative readings count, with their modality when given', () => {
  const f = fact({ type: 'REJECT', alt: ['AID:negated'], polarity: 'conflict' })
  assert.equal(evaluate([pred({ type: 'AID', modality: 'negated', polarity: 'conflict' })], [f]).strict.recall, 1)
  assert.equal(evaluate([pred({ type: 'AID', modality: 'asserted' })], [f]).strict.recall, 0)
})

test('the Taliban and Afghanistan, JNIM and Al-Qaida, the Soviet Union and Russia are one actor', () => {
  assert.equal(evaluate([pred({ source: 'SUN', target: 'TALIBAN' })], [fact({ source: 'RUS', target: 'AFG' })]).strict.recall, 1)
  assert.equal(evaluate([pred({ source: 'AQ', target: 'MLI', type: 'ASSAULT', polarity: 'conflict' })], [fact({ source: 'JNIM', target: 'MLI', type: 'ASSAULT', polarity: 'conflict' })]).strict.recall, 1)
})

test('the Security Council is scored as the UN, as the gold codes it; another UN organ named apart is not', () => {
  assert.equal(evaluate([pred({ source: 'RUS', target: 'UNSC', type: 'REQUEST' })], [fact({ source: 'RUS', target: 'UN', type: 'REQUEST' })]).strict.recall, 1)
  assert.equal(evaluate([pred({ source: 'RUS', target: 'IAEA', type: 'REQUEST' })], [fact({ source: 'RUS', target: 'UN', type: 'REQUEST' })]).strict.recall, 0)
})

test('each prediction matches one fact; non-core facts count for precision only', () => {
  const facts = [fact({}), fact({ core: false, type: 'SUPPORT' })]
  const r = evaluate([pred({}), pred({}), pred({ type: 'SUPPORT' })], facts)
  assert.equal(r.strict.recall, 1)
  assert.equal(r.strict.matchedPredictions, 2)
  assert.ok(Math.abs(r.strict.precision - 2 / 3) < 1e-9)
  assert.equal(r.relation.matchedPredictions, 2)
})

test('predictions on articles without gold facts are not scored', () => {
  assert.equal(evaluate([pred({ doc: 'other.txt' })], [fact({})]).strict.predictions, 0)
})

test('among equal matchings, a fact meets the report that agrees on its date', () => {
  const facts = [fact({ date: '2024' }), fact({ date: null })]
  const r = evaluate([pred({ date: null }), pred({ date: '2024' })], facts)
  assert.equal(r.strict.recall, 1)
  assert.equal(r.dateAccuracy, 1)
})

test('a prediction with the right pair but another type is listed apart from the spurious ones', () => {
  const r = evaluate([pred({ type: 'SUPPORT' }), pred({ source: 'IRN' })], [fact({})])
  assert.equal(r.strict.precision, 0)
  assert.deepEqual(r.mistyped.map((p) => p.type), ['SUPPORT'])
  assert.deepEqual(r.spurious.map((p) => p.source), ['IRN'])
})
