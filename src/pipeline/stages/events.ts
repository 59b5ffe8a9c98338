import type { Stage } from '../stage.ts'
import { extractEvents } from '../../events/extract.ts'

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'mentions', 'times'],
  assigns: ['events'],
  run: (doc, { pack, kb }) => {
    // A state and the one that continues it are one party ("verhandelt Moskau über einen früheren sowjetischen Stützpunkt").
    const successor = (id: string | null) => (id ? kb.actors.get(id)?.successor : undefined)
    const events = extractEvents(doc, pack, (id) => kb.actors.get(id)?.kind, (mode) => kb.modeDimensions.get(mode))
    return { ...doc, events: events.filter((e) => successor(e.target) !== e.source && successor(e.source) !== e.target) }
  },
}
