// Types for the parts of untyped dependencies that talkatlas uses.

declare module 'stopword' {
  /** English stopwords of the `stopword` package. */
  export const eng: readonly string[]
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porterStemmer: { stem(word: string): string }
  export default porterStemmer
}
