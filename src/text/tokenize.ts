/**
 * Tokenizer for technical abstracts. One linear pass: identifiers such as `AF_XDP`,
 * `net_cls`, `io_uring`, `XDP-hints`, `v5.6`, `C++`, `C#` and `.NET` stay whole; everything
 * else splits on non-word characters.
 */

/** Longest token kept; longer runs (base64 blobs, hashes, garbage) are skipped. */
export const MAX_TOKEN_LENGTH = 64

// Word characters are Unicode letters, marks and digits. Connectors (`-`, `_`, `.`, `'`) are
// kept only between word characters, so runs of `-----` or `....` match nothing. A leading
// dot is kept before a capital (`.NET`); a trailing `++` or `#` is kept after a word (`C++`,
// `F#`). A token is the pattern `(?:\.(?=\p{Lu}))?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*` followed
// by connector-and-word pieces `(?:[-_.'’][\p{L}\p{M}\p{N}]+)*`, read by a hand-written
// scanner over character classes: every character is looked at a bounded number of times
// (linear time on any input), and no substring is made unless a caller asks for one.

/** A letter or a digit (`\p{L}`, `\p{N}`): may start a token. */
const WORD = 1
/** A combining mark (`\p{M}`): may continue a token, not start one. */
const MARK = 2
/** An upper-case letter (`\p{Lu}`): may follow a leading dot (`.NET`). */
const UPPER = 4
/** The code point is astral: two UTF-16 code units wide. */
const ASTRAL = 64
/** The class of this code unit has been computed (lazily, below). */
const KNOWN = 128

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u
const COMBINING_MARK = /\p{M}/u
const UPPER_CASE = /\p{Lu}/u

/** Class of each BMP code unit, filled on first sight: one regular-expression test per distinct character. */
const bmpClasses = new Uint8Array(0x10000)

/**
 * Class bits of a code point, from the Unicode property escapes.
 * @param codePoint Code point (a lone surrogate has no class).
 */
function classOf(codePoint: number): number {
  const char = String.fromCodePoint(codePoint)
  return KNOWN | (LETTER_OR_NUMBER.test(char) ? WORD : 0) | (COMBINING_MARK.test(char) ? MARK : 0) | (UPPER_CASE.test(char) ? UPPER : 0)
}

/** Class of each astral code point seen, with {@link ASTRAL} set. */
const astralClasses = new Map<number, number>()

/**
 * Class bits of an astral code point, cached.
 * @param codePoint Code point above U+FFFF.
 */
function astralClass(codePoint: number): number {
  let known = astralClasses.get(codePoint)
  if (known === undefined) astralClasses.set(codePoint, (known = classOf(codePoint) | ASTRAL))
  return known
}

/**
 * Class bits of the code point at `i` (0 past the end), with {@link ASTRAL} set when it is a
 * surrogate pair.
 * @param text Text.
 * @param i Offset of a code unit.
 */
function classAt(text: string, i: number): number {
  // Bounds checked here: a read past the end would make optimised callers deoptimise.
  if (i >= text.length) return 0
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return astralClass((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000)
  }
  const known = bmpClasses[c]!
  return known !== 0 ? known : (bmpClasses[c] = classOf(c))
}

/**
 * Reads the tokens of a text one by one, without making strings: after {@link next} returns
 * true, the token is `text.slice(start, end)` (possessive `'s` already left out).
 */
export class TokenScanner {
  /** Offset of the current token (of its leading dot for `.NET`). */
  start = 0
  /** Offset after the current token. */
  end = 0
  /** Whether punctuation that ends a phrase separates the current token from the previous one. */
  boundaryBefore = false
  private text = ''
  private position = 0
  private previousEnd = 0

  /**
   * Starts reading a new text.
   * @param text Text to scan.
   */
  reset(text: string): void {
    this.text = text
    this.position = 0
    this.previousEnd = 0
  }

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text
    const n = text.length
    let i = this.position
    while (i < n) {
      // Find a token head: a letter or digit, or a dot before a capital.
      const c = text.charCodeAt(i)
      let k = c < 0xd800 ? bmpClasses[c]! : 0
      if (k === 0) k = classAt(text, i)
      let start = i
      if ((k & WORD) === 0) {
        if (c === 46 && (classAt(text, i + 1) & UPPER) !== 0) {
          i++
          k = classAt(text, i)
        } else {
          i += k & ASTRAL ? 2 : 1
          continue
        }
      }
      i += k & ASTRAL ? 2 : 1
      i = wordRunEnd(text, i)
      const end = tokenEnd(text, i)
      this.position = end
      const boundary = this.previousEnd === 0 ? true : hasBoundary(text, this.previousEnd, start)
      this.previousEnd = end
      i = end
      if (end - start > MAX_TOKEN_LENGTH) continue
      this.start = start
      this.end = possessiveEnd(text, start, end)
      this.boundaryBefore = boundary
      return true
    }
    this.position = n
    return false
  }
}

/**
 * End of the run of letters, marks and digits that starts at `i`.
 * @param text Whole text.
 * @param i Offset.
 */
function wordRunEnd(text: string, i: number): number {
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    let k = c < 0xd800 ? bmpClasses[c]! : 0
    if (k === 0) k = classAt(text, i)
    if ((k & (WORD | MARK)) === 0) break
    i += k & ASTRAL ? 2 : 1
  }
  return i
}

/**
 * End of a token whose head ends at `end`: connector-and-word pieces, then `++` or a `#`
 * not followed by a letter or digit.
 * @param text Whole text.
 * @param end Offset after the token's head.
 */
function tokenEnd(text: string, end: number): number {
  const n = text.length
  for (;;) {
    if (end >= n) return end
    const c = text.charCodeAt(end)
    if (c !== 45 && c !== 95 && c !== 46 && c !== 39 && c !== 0x2019) break
    if ((classAt(text, end + 1) & (WORD | MARK)) === 0) break
    end = wordRunEnd(text, end + 1)
  }
  const c = text.charCodeAt(end)
  if (c === 43 && end + 1 < n && text.charCodeAt(end + 1) === 43) return end + 2
  if (c === 35 && (classAt(text, end + 1) & WORD) === 0) return end + 1
  return end
}

/**
 * Calls `visit` for every token of `text`, in order.
 *
 * @param text Text to scan.
 * @param visit Receives the token, its start offset and whether a sentence or clause
 *   boundary (punctuation other than quotes and hyphens) separates it from the previous token.
 */
export function scanTokens(
  text: string,
  visit: (token: string, start: number, boundaryBefore: boolean) => void,
): void {
  const scanner = new TokenScanner()
  scanner.reset(text)
  while (scanner.next()) visit(text.slice(scanner.start, scanner.end), scanner.start, scanner.boundaryBefore)
}

/**
 * Splits text into surface tokens (original case kept).
 *
 * @param text Text to split.
 * @returns Tokens in reading order, e.g. `tokenize("AF_XDP in v5.6")` → `["AF_XDP", "in", "v5.6"]`.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  scanTokens(text, (token) => {
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
 * End of a token without an English possessive or contraction tail: `BPF's` → `BPF`,
 * `programs’` → `programs`.
 * @param text Whole text.
 * @param start Token start.
 * @param end Token end.
 */
function possessiveEnd(text: string, start: number, end: number): number {
  if (end - start > 2) {
    const apostrophe = text.charCodeAt(end - 2)
    const s = text.charCodeAt(end - 1)
    if ((apostrophe === 39 || apostrophe === 0x2019) && (s === 115 || s === 83)) return end - 2
  }
  return end
}
