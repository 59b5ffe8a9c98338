import type { KnowledgeBase } from '../kb/knowledge.ts'
import { storable, type StorableDoc } from '../pipeline/document.ts'
import { buildDocs, type BuildOptions } from './build-doc.ts'
import { readArticles } from './read-file.ts'

/** One file read and understood: its documents, and what went wrong with its parts. */
export interface FileResult {
  file: string
  docs: StorableDoc[]
  /** Problems that cost documents: a broken line of a JSON-lines file, an article that failed. */
  errors: { file: string; reason: string }[]
  /** Documents the store held already, as they are (BuildOptions.stored): not analysed, nothing to store. */
  unchanged: number
}

/** Reads a file and runs the pipeline over each of its articles; never throws for bad input. */
export function analyseFile(file: string, kb: KnowledgeBase, options: BuildOptions = {}): FileResult {
  const result: FileResult = { file, docs: [], errors: [], unchanged: 0 }
  const strip = (message: string) => message.replace(`${file}: `, '')
  try {
    const read = readArticles(file, options.maxBytes)
    for (const w of read.warnings) result.errors.push({ file, reason: w })
    for (const article of read.articles) {
      try {
        for (const doc of buildDocs(article, file, kb, options)) {
          if (doc.stored) result.unchanged++
          else result.docs.push(storable(doc))
        }
      } catch (err) {
        result.errors.push({ file: article.index ? `${file}#${article.index}` : file, reason: strip((err as Error).message) })
      }
    }
  } catch (err) {
    result.errors.push({ file, reason: strip((err as Error).message) })
  }
  return result
}
