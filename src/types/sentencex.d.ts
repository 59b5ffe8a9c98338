declare module 'sentencex' {
  export function segment(language: string, text: string): string[]
  export function get_sentence_boundaries(language: string, text: string): { start_index: number; end_index: number; text: string }[]
}
