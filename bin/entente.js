#!/usr/bin/env node
// The CLI: its bundle (bin/build.js builds it when a source changed), else the TypeScript sources
// through tsx, so `npx entente` works straight after `npm install` either way.
import { importEntry } from './build.js'

await importEntry('entente')
