import type { RawArticle } from '../article.ts'

/** Markdown to plain text: link targets, images, emphasis and heading marks go; words stay. */
export function markdownToText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\(\[[^\]]*\]\([^)]*\)\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/ {2,}/g, ' ')
}

export function readMarkdown(text: string): RawArticle[] {
  return [{ index: 0, text: markdownToText(text), format: 'md' }]
}
