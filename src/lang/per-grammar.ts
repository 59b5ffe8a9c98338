import type { Grammar } from './schema.ts'

/**
 * A value built once per language's grammar (word lists as sets, phrases as token keys): stages ask
 * for it at every token, and a grammar does not change once its pack is loaded.
 */
export function perGrammar<T>(build: (g: Grammar) => T): (g: Grammar) => T {
  const built = new WeakMap<Grammar, T>()
  return (g) => {
    let v = built.get(g)
    if (v === undefined) built.set(g, (v = build(g)))
    return v
  }
}
