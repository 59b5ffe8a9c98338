import { z } from 'zod'
import type { RawArticle } from '../article.ts'
import { InputError } from '../decode.ts'
import { withoutControls } from '../../text/normalize.ts'

const field = z.string().transform(withoutControls)
const articleSchema = z.object({
  text: z.string().min(1),
  title: field.optional(),
  url: field.optional(),
  date: field.optional(),
  lang: field.optional(),
  publisher: field.optional(),
}).passthrough()

export interface JsonLinesResult { articles: RawArticle[]; errors: string[] }

function toArticle(value: unknown, index: number, where: string): RawArticle | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where}: expected an object such as {"text": "…", "date": "2025-01-17"}`
  if (typeof (value as { text?: unknown }).text !== 'string' || !(value as { text: string }).text.trim()) return `${where}: no "text" field with the article's text`
  const r = articleSchema.safeParse(value)
  if (!r.success) return `${where}: field "${r.error.issues[0]?.path.join('.') || '?'}": ${r.error.issues[0]?.message ?? 'not valid'}`
  const { text, title, url, date, lang, publisher } = r.data
  return { index, text, format: 'jsonl', ...(title ? { title } : {}), ...(url ? { url } : {}), ...(date ? { date } : {}), ...(lang ? { lang } : {}), ...(publisher ? { publisher } : {}) }
}

/** One article per line; a broken line is reported with its number and the others are kept. */
export function readJsonLines(text: string): JsonLinesResult {
  const articles: RawArticle[] = []
  const errors: string[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    let value: unknown
    try { value = JSON.parse(line) } catch (err) { errors.push(`line ${i + 1}: invalid JSON (${(err as Error).message})`); return }
    const a = toArticle(value, i, `line ${i + 1}`)
    if (typeof a === 'string') errors.push(a)
    else articles.push(a)
  })
  return { articles, errors }
}

/** A .json file: one article object or an array of them. */
export function readJson(text: string, file: string): JsonLinesResult {
  let value: unknown
  try { value = JSON.parse(text) } catch (err) { throw new InputError(file, `invalid JSON: ${(err as Error).message}`) }
  const list = Array.isArray(value) ? value : [value]
  const articles: RawArticle[] = []
  const errors: string[] = []
  list.forEach((v, i) => {
    const a = toArticle(v, i, `item ${i + 1}`)
    if (typeof a === 'string') errors.push(a)
    else articles.push({ ...a, format: 'json' })
  })
  return { articles, errors }
}
