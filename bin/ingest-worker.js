// Entry of an ingest worker thread: the bundle, else the sources through tsx, as in bin/entente.js.
import { bundle } from './build.js'

const built = await bundle('ingest-worker')
let task
if (built) {
  process.setSourceMapsEnabled(true)
  task = await import(built)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  task = await import('../src/service/ingest-worker.ts')
}
export default task.default
