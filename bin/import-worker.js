// Entry of the thread that reads imported files: the bundle, else the sources through tsx, as in bin/entente.js.
import { importEntry } from './build.js'

await importEntry('import-worker')
