// Entry of an ingest worker thread: TypeScript through tsx, as in bin/entente.js.
import { register } from 'tsx/esm/api'
register()
const task = await import('../src/service/ingest-worker.ts')
export default task.default
