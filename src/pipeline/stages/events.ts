import type { Stage } from '../stage.ts'
import { extractEvents } from '../../events/extract.ts'

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'mentions', 'times'],
  assigns: ['events'],
  run: (doc, { pack, kb }) => ({ ...doc, events: extractEvents(doc, pack, (id) => kb.actors.get(id)?.kind, (mode) => kb.modeDimensions.get(mode)) }),
}
