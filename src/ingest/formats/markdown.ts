import type { RawArticle } from '../article.ts'

/**
 * Link targets, images and emphasis marks, which scraped text of any format carries:
 * "[Kasachstan](https://…) ([/pfad](https://…))" becomes "Kasachstan".
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/ ?\(\[[^\]]*\]\([^)]*\)\)/g, '')
    .replace(/\[([^\]]*)\]\((?:https?:|\/)[^)]*\)/g, '$1')
    .replace(/ ?<https?:[^>]*>/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
}

/** Markdown to plain text: markup and heading marks go; words stay. */
export function markdownToText(md: string): string {
  return stripMarkup(md)
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/ {2,}/g, ' ')
}

export function readMarkdown(text: string): RawArticle[] {
  return [{ index: 0, text: markdownToText(text), format: 'md' }]
}
