/**
 * The regular-expression tokenizer that src/text/tokenize.ts replaced with a character-class
 * scanner, kept as the oracle of tokenize.equivalence.test.ts: the scanner must give the same
 * tokens, offsets and boundaries on any text.
 */

/** Longest token kept; longer runs (base64 blobs, hashes, garbage) are skipped. */
const MAX_TOKEN_LENGTH = 64

// Word characters are Unicode letters, marks and digits. Connectors (`-`, `_`, `.`, `'`) are
// kept only between word characters, so runs of `-----` or `....` match nothing. A leading
// dot is kept before a capital (`.NET`); a trailing `++` or `#` is kept after a word (`C++`,
// `F#`). A token is a head (`TOKEN_HEAD`) extended by hand with connector-and-word pieces:
// the same token as the pattern `head(?:[-_.'’][\p{L}\p{M}\p{N}]+)*`, whose repeated group
// overflows the regular-expression stack on megabytes of `a-a-a…`.
const TOKEN_HEAD = /(?:\.(?=\p{Lu}))?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/uy
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy

/**
 * Calls `visit` for every token of `text`, in order.
 *
 * @param text Text to scan.
 * @param visit Receives the token, its start offset and whether a sentence or clause
 *   boundary (punctuation other than quotes and hyphens) separates it from the previous token.
 */
export function scanTokensRegex(
  text: string,
  visit: (token: string, start: number, boundaryBefore: boolean) => void,
): void {
  TOKEN_HEAD.lastIndex = 0
  let previousEnd = 0
  let match: RegExpExecArray | null
  while ((match = TOKEN_HEAD.exec(text)) !== null) {
    const start = match.index
    const end = tokenEnd(text, start + match[0].length)
    TOKEN_HEAD.lastIndex = end
    const boundary = previousEnd === 0 ? true : hasBoundary(text, previousEnd, start)
    previousEnd = end
    if (end - start > MAX_TOKEN_LENGTH) continue
    visit(stripPossessive(text.slice(start, end)), start, boundary)
  }
}

/**
 * End of a token whose head ends at `end`: connector-and-word pieces, then `++` or a `#`
 * not followed by a letter or digit.
 * @param text Whole text.
 * @param end Offset after the token's head.
 */
function tokenEnd(text: string, end: number): number {
  for (;;) {
    const c = text.charCodeAt(end)
    if (c !== 45 && c !== 95 && c !== 46 && c !== 39 && c !== 0x2019) break
    WORD_RUN.lastIndex = end + 1
    if (!WORD_RUN.test(text)) break
    end = WORD_RUN.lastIndex
  }
  if (text.charCodeAt(end) === 43 && text.charCodeAt(end + 1) === 43) return end + 2
  if (text.charCodeAt(end) === 35) {
    LETTER_OR_DIGIT.lastIndex = end + 1
    if (!LETTER_OR_DIGIT.test(text)) return end + 1
  }
  return end
}

/**
 * Splits text into surface tokens (original case kept).
 *
 * @param text Text to split.
 * @returns Tokens in reading order, e.g. `tokenize("AF_XDP in v5.6")` → `["AF_XDP", "in", "v5.6"]`.
 */
export function tokenizeRegex(text: string): string[] {
  const tokens: string[] = []
  scanTokensRegex(text, (token) => {
    tokens.push(token)
  })
  return tokens
}

/**
 * True when the gap `text[from, to)` holds punctuation that ends a phrase.
 * @param text Whole text.
 * @param from Gap start.
 * @param to Gap end.
 */
function hasBoundary(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    // space, tab, newline, CR, quotes, hyphen and NBSP do not break a phrase; a blank line,
    // a slash and any other punctuation do.
    if (c === 32 || c === 9 || c === 160 || c === 34 || c === 39 || c === 45 || c === 0x2019 || c === 0x201c || c === 0x201d) continue
    if (c === 10 || c === 13) {
      if (i + 1 < to && (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13)) return true
      continue
    }
    return true
  }
  return false
}

/**
 * Removes an English possessive or contraction tail: `BPF's` → `BPF`, `programs’` → `programs`.
 * @param token Token to trim.
 */
function stripPossessive(token: string): string {
  const n = token.length
  if (n > 2) {
    const apostrophe = token.charCodeAt(n - 2)
    if ((apostrophe === 39 || apostrophe === 0x2019) && (token[n - 1] === 's' || token[n - 1] === 'S')) {
      return token.slice(0, n - 2)
    }
  }
  return token
}
