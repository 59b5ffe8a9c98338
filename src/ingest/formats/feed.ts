import { parseFeed } from '@rowanmanning/feed-parser'
import type { RawArticle } from '../article.ts'
import { InputError } from '../decode.ts'
import { blockText } from './html.ts'

/** RSS or Atom: one article per item, its full text from content or description. */
export function readFeed(xml: string, file: string): RawArticle[] {
  let feed: ReturnType<typeof parseFeed>
  try { feed = parseFeed(xml) } catch (err) { throw new InputError(file, `not a readable RSS or Atom feed: ${(err as Error).message}`) }
  const publisher = feed.title ?? undefined
  const lang = feed.language ?? undefined
  return feed.items.map((item, index) => {
    const body = blockText(item.content ?? item.description ?? '')
    const title = item.title ?? undefined
    const date = item.published ?? item.updated
    return {
      index, format: 'feed',
      text: title ? `${title}\n\n${body}` : body,
      ...(title ? { title } : {}), ...(item.url ? { url: item.url } : {}),
      ...(date ? { date: date.toISOString() } : {}), ...(lang ? { lang: lang.slice(0, 2).toLowerCase() } : {}),
      ...(publisher ? { publisher } : {}),
    }
  }).filter((a) => a.text.trim().length > 0)
}
