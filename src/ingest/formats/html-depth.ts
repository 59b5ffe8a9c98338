/**
 * Scraped pages can nest elements thousands of levels deep (broken generators, hostile input).
 * The DOM parser and Readability recurse over the tree: 100,000 nested <div>s took 3.5 minutes
 * and then overflowed the stack. A linear scan measures the depth first; a page nested deeper than
 * MAX_DEPTH loses its container elements, and keeps the ones that give text its lines and metadata.
 */
export const MAX_DEPTH = 400

/** Elements that never hold children, so never deepen the tree. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
/** Kept when a page is flattened: the frame, and the elements that carry metadata (or must be dropped whole). */
const KEPT = new Set(['html', 'head', 'body', 'title', 'meta', 'link', 'script', 'style', 'noscript', 'template'])
/** Become line breaks when a page is flattened, so that paragraphs stay apart. */
const BLOCK = new Set(['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'div', 'blockquote', 'section', 'article', 'ul', 'ol', 'table', 'dd', 'dt'])

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g

/** The deepest nesting of elements in the markup (an upper bound: optional end tags are not inferred). */
export function nestingDepth(html: string): number {
  let depth = 0
  let max = 0
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase()
    if (VOID.has(name) || m[3]) continue
    if (m[1]) depth = Math.max(0, depth - 1)
    else if (++depth > max) max = depth
  }
  return max
}

/** The markup as given, or, if it nests deeper than MAX_DEPTH, with no element left that nests. */
export function flattenDeepNesting(html: string): { html: string; flattened: boolean } {
  if (nestingDepth(html) <= MAX_DEPTH) return { html, flattened: false }
  const flat = html.replace(TAG, (tag, _close: string, name: string) => {
    const n = name.toLowerCase()
    return KEPT.has(n) ? tag : BLOCK.has(n) ? '<br>' : ' '
  })
  return { html: flat, flattened: true }
}
