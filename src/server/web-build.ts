import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../service/context.ts'

export const WEB_DIR = join(ROOT, 'web')
export const WEB_DIST = join(WEB_DIR, 'dist')

function newest(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/** Whether the built web app is missing or older than its sources. */
export function webIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html')
  if (!existsSync(index)) return true
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => join(WEB_DIR, p)).filter(existsSync)
  return Math.max(...sources.map(newest)) > statSync(index).mtimeMs
}

/** Builds the web app with Vite when it is missing or stale; returns whether it built. */
export async function ensureWebBuilt(): Promise<boolean> {
  if (!webIsStale()) return false
  const { build } = await import('vite')
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' })
  return true
}
