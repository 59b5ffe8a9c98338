import type { Stage } from '../stage.ts'
import { tagTimesIn } from '../../time/mode.ts'

/** Time expressions, anchored as the document's mode says (news or narrative); each tagged with its sentence. */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences'],
  assigns: ['times', 'timeMode'],
  run: (doc, { pack }) => {
    const { mode, times } = tagTimesIn(doc.text, pack.time, doc.date?.value ?? null)
    const sentenceOf = (offset: number) => doc.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? -1
    return { ...doc, timeMode: mode, times: times.map((t) => ({ ...t, sentence: sentenceOf(t.start) })).filter((t) => t.sentence >= 0) }
  },
}
