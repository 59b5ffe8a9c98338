#!/usr/bin/env node
// The CLI: its bundle (bin/build.js builds it when a source changed), else the TypeScript sources
// through tsx, so `npx entente` works straight after `npm install` either way.
import { bundle } from './build.js'

const built = await bundle('entente')
if (built) {
  // Stack traces name the TypeScript files and lines.
  process.setSourceMapsEnabled(true)
  await import(built)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
