// Types for the parts of untyped dependencies that talkatlas uses.

declare module 'stopword' {
  /** English stopwords of the `stopword` package. */
  export const eng: readonly string[]
}
