#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript CLI through tsx, so `npx entente` works straight after `npm install`.
// A larger young generation (V8's default semi-space is 16 MB): a question at ten million events
// builds tens of thousands of short-lived objects, and collecting them took a third of its time
// (docs/decisions.md). `npm start` passes the same flag.
import { register } from 'tsx/esm/api'
register()
await import('../src/cli/main.ts')
