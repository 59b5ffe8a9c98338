import type { Doc } from './document.ts'
import { runStages, type Stage, type StageContext } from './stage.ts'
import { sentencesStage } from './stages/sentences.ts'
import { tokensStage } from './stages/tokens.ts'
import { mentionsStage } from './stages/mentions.ts'
import { timesStage } from './stages/times.ts'
import { eventsStage } from './stages/events.ts'
import { corefStage } from './stages/coref.ts'

/**
 * The understanding stages, in order. Bump PIPELINE_VERSION when the shape of what they store changes;
 * a change of their rules, data or code shows in the analysis digest (src/kb/analysis-version.ts).
 */
export const STAGES: Stage[] = [sentencesStage, tokensStage, timesStage, mentionsStage, corefStage, eventsStage]
export const PIPELINE_VERSION = 3

export function analyse(doc: Doc, ctx: StageContext): Doc {
  return runStages(STAGES, doc, ctx)
}
