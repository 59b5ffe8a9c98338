import { InvalidArgumentError, type Command } from 'commander'
import { parseSpan } from '../../relations/dates.ts'
import { DB_OPTION } from '../options.ts'

/** A duration like 24m, 2y or 90d. */
export function span(value: string): string {
  try { parseSpan(value) } catch (err) { throw new InvalidArgumentError((err as Error).message) }
  return value
}

/** The options every relation question shares. */
export function modelOptions(cmd: Command): Command {
  return cmd
    .option('--half-life <span>', 'a contribution loses half its weight in this time (default 12m, data/relations.yaml)', span)
    .option('--json', 'print the answer as JSON')
    .option(...DB_OPTION)
}

/** A score with two decimals, a space for the sign of positive ones, and no "-0.00". */
export function score(x: number): string {
  const v = Math.abs(x) < 0.005 ? 0 : x
  return (v >= 0 ? ' ' : '') + v.toFixed(2)
}

/** One decimal, without "-0.0". */
export const tenth = (x: number) => (Math.abs(x) < 0.05 ? 0 : x).toFixed(1)
