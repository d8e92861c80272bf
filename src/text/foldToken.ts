/**
 * How a token is folded before it is compared: the same in the vocabulary, the theme
 * evidence and the search index, so that a word one of them finds the others find too.
 */

/** Any character outside ASCII: only such tokens need Unicode normalisation. */
const NON_ASCII = /[^\u0000-\u007f]/

/**
 * A token folded for comparison: NFKC-normalised (`ﬁlter` → `filter`, full-width letters
 * to ASCII) when it holds a non-ASCII character, then lower-cased. ASCII tokens skip the
 * normalisation, which is most of the cost on English text.
 * @param token A token from `scanTokens`.
 */
export function foldToken(token: string): string {
  return (NON_ASCII.test(token) ? token.normalize('NFKC') : token).toLowerCase()
}
