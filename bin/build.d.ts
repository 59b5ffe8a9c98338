/** Bundles one TypeScript entry into `outfile` (see bin/build.js). */
export function buildEntry(entry: string, outfile: string): Promise<void>
/** The bundle of an entry (`entente`, `ingest-worker`), built first if a source changed; null when it cannot be built. */
export function bundle(name: string): Promise<string | null>
/** An entry's module: its bundle, else its sources through tsx. */
export function importEntry(name: string): Promise<{ default?: unknown }>
