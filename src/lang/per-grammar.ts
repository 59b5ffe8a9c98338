import type { LanguagePack } from './pack.ts'
import type { Grammar } from './schema.ts'

/** A value built once per object of language data, which does not change once its pack is loaded. */
export function perData<K extends object, T>(build: (k: K) => T): (k: K) => T {
  const built = new WeakMap<K, T>()
  return (k) => {
    let v = built.get(k)
    if (v === undefined) built.set(k, (v = build(k)))
    return v
  }
}

/**
 * A value built once per language's grammar (word lists as sets, phrases as token keys): stages ask
 * for it at every token, and a grammar does not change once its pack is loaded.
 */
export const perGrammar = <T>(build: (g: Grammar) => T): ((g: Grammar) => T) => perData(build)

/** A value built once per language pack (as `perGrammar`), for stages that read more than its grammar. */
export const perPack = <T>(build: (p: LanguagePack) => T): ((p: LanguagePack) => T) => perData(build)
