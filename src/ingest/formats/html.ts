import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { RawArticle } from '../article.ts'
import { flattenDeepNesting } from './html-depth.ts'

type Document = ReturnType<typeof parseHTML>['document']

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return undefined
}

function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? '') as unknown
      const items = Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])]
      for (const item of items) {
        const d = (item as { datePublished?: unknown })?.datePublished
        if (typeof d === 'string') return d
      }
    } catch { /* a broken JSON-LD block is no reason to lose the article */ }
  }
  return undefined
}

/** Block elements become lines, so paragraphs stay apart in the text. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${flattenDeepNesting(html).html}</body></html>`)
  for (const el of document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, br, div, blockquote, tr')) {
    el.append(document.createTextNode('\n'))
  }
  return (document.body.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim()
}

/** An HTML page: Readability keeps the article and drops navigation, banners and footers. */
export function readHtml(page: string): RawArticle[] {
  const { html } = flattenDeepNesting(page)
  // A fragment ("<p>…" with no <html> or <body>) leaves the DOM without a body to read from.
  const { document } = parseHTML(/<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`)
  const date = meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued')
    ?? jsonLdDate(document)
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined
  const lang = document.documentElement?.getAttribute('lang') ?? undefined
  const publisher = meta(document, 'og:site_name', 'publisher', 'application-name')
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url')
  for (const s of document.querySelectorAll('script, style, noscript, template')) s.remove()
  const parsed = new Readability(document as unknown as globalThis.Document).parse()
  const title = parsed?.title?.trim() || meta(document, 'og:title') || document.querySelector('title')?.textContent?.trim()
  const body = parsed?.content ? blockText(parsed.content) : (document.body?.textContent ?? '').trim()
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body
  return [{
    index: 0, text, format: 'html',
    ...(title ? { title } : {}), ...(date ? { date } : {}), ...(lang ? { lang: lang.slice(0, 2).toLowerCase() } : {}),
    ...(publisher ? { publisher } : {}), ...(url ? { url } : {}),
  }]
}

export { blockText }
