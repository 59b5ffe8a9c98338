import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyseText, eventStrings } from './helpers.ts'

// An act with no partner is done with the one met (src/events/meeting-partner.ts): in its own
// sentence, or in the sentence before when both stand in one paragraph.

test('a meeting in the sentence before gives its partner only within the paragraph', () => {
  assert.deepEqual(eventStrings(analyseText('Modi reiste nach Moskau. Er lobte die Freundschaft.')), ['IND>RUS:CONSULT', 'IND>RUS:SUPPORT'])
  assert.deepEqual(eventStrings(analyseText('Modi reiste nach Moskau.\n\nEr lobte die Freundschaft.')), ['IND>RUS:CONSULT'])
})

test('the partner taken from a meeting is traced, and its span points to where the partner was named', () => {
  const text = 'Modi reiste nach Moskau. Er lobte die Freundschaft.'
  const doc = analyseText(text)
  const praise = doc.events.find((e) => e.type === 'SUPPORT')!
  assert.ok(praise.trace.includes('target:meeting-partner-before'))
  assert.equal(text.slice(praise.targetMention!.start, praise.targetMention!.end), 'Moskau')
  const own = analyseText('Orbán reiste nach Moskau und bat um zusätzliches Gas.').events.find((e) => e.type === 'REQUEST')!
  assert.ok(own.trace.includes('target:meeting-partner'))
})
