import type { Stage } from '../stage.ts'
import { tokenize } from '../../text/tokenize.ts'

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['sentences'],
  assigns: ['tokens'],
  run: (doc) => ({
    ...doc,
    tokens: doc.sentences.flatMap((s) => tokenize(doc.text.slice(s.start, s.end), s.start, s.index)),
  }),
}
