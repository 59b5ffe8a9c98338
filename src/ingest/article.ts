/** One article as read from a file, before cleaning and analysis. */
export interface RawArticle {
  /** Position within a file that holds several articles (JSON lines, feeds); 0 otherwise. */
  index: number
  text: string
  title?: string
  url?: string
  /** A date given by metadata (HTML meta, JSON-LD, feed, JSON field), as found. */
  date?: string
  lang?: string
  publisher?: string
  format: string
}
