// A worker of the ingest pool: loads the knowledge base once, then reads and understands files.
import type { BuildOptions } from '../ingest/build-doc.ts'
import { analyseFile, type FileResult } from '../ingest/analyse-file.ts'
import { knowledgeBase } from './context.ts'

export default function ingestTask(task: { file: string; options: BuildOptions }): FileResult {
  return analyseFile(task.file, knowledgeBase(), task.options)
}
