// Entry of an ingest worker thread: the bundle, else the sources through tsx, as in bin/entente.js.
import { importEntry } from './build.js'

const task = await importEntry('ingest-worker')
export default task.default
