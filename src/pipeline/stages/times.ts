import type { Stage } from '../stage.ts'
import { tagTimes } from '../../time/tagger.ts'

/** Time expressions anchored to the publication date; each tagged with its sentence. */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences'],
  assigns: ['times'],
  run: (doc, { pack }) => {
    const times = tagTimes(doc.text, pack.time, { anchor: doc.date?.value ?? null, mode: 'news' })
    const sentenceOf = (offset: number) => doc.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? -1
    return { ...doc, times: times.map((t) => ({ ...t, sentence: sentenceOf(t.start) })).filter((t) => t.sentence >= 0) }
  },
}
