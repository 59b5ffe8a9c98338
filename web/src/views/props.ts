import type { Params } from '../route.ts'

export type T = (key: string, values?: Record<string, string | number>) => string
export interface ViewProps { t: T; params: Params; go: (patch: Params, replace?: boolean) => void }
