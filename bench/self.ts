import { fileURLToPath } from 'node:url'

/**
 * Node's arguments that run the calling script (its `import.meta.url`) in a process of its own: the
 * bundle as it is when it runs bundled (`node bin/bundled.js`, as the npm scripts run benchmarks),
 * else its sources through tsx.
 */
export function selfArgs(url: string): string[] {
  const file = fileURLToPath(url)
  return file.endsWith('.ts') ? ['--import', 'tsx', file] : [file]
}
