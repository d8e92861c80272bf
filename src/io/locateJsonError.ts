/**
 * Finds where JSON text stops being valid, for error messages only (parsing itself is
 * `JSON.parse`). V8 names a position for most syntax errors but not for "Unexpected
 * token", so this scanner walks the grammar without building values.
 *
 * @param text JSON text that `JSON.parse` rejected.
 * @returns 0-based offset of the first offending character (text length at a premature end).
 * @internal
 */
export function locateJsonError(text: string): number {
  const n = text.length
  const stack: number[] = [] // 0x7b '{' or 0x5b '['
  let i = skipSpace(text, 0)
  // States: value (a value must follow), key (a key or '}' of an empty object may follow),
  // after (',' or the closing bracket, or end of text at depth 0).
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value'
  while (i < n) {
    const ch = text.charCodeAt(i)
    if (state === 'value' || state === 'valueOrClose') {
      if (state === 'valueOrClose' && ch === 0x5d) { stack.pop(); i++; state = 'after' }
      else if (ch === 0x7b) { stack.push(ch); i++; state = 'keyOrClose' }
      else if (ch === 0x5b) { stack.push(ch); i++; state = 'valueOrClose' }
      else {
        const end = scanScalar(text, i)
        if (end < 0) return -end - 1
        i = end
        state = 'after'
      }
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && ch === 0x7d) { stack.pop(); i++; state = 'after' }
      else if (ch === 0x22) {
        const end = scanString(text, i)
        if (end < 0) return -end - 1
        i = end
        state = 'colon'
      } else return i
    } else if (state === 'colon') {
      if (ch !== 0x3a) return i
      i++
      state = 'value'
    } else {
      const top = stack[stack.length - 1]
      if (top === undefined) return i // text after the top-level value
      if (ch === 0x2c) { i++; state = top === 0x7b ? 'key' : 'value' }
      else if ((ch === 0x7d && top === 0x7b) || (ch === 0x5d && top === 0x5b)) { stack.pop(); i++ }
      else return i
    }
    i = skipSpace(text, i)
  }
  return n
}

/**
 * Offset after JSON whitespace.
 * @param text JSON text.
 * @param i Start offset.
 */
function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const ch = text.charCodeAt(i)
    if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) break
    i++
  }
  return i
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * Offset after a string, number or literal at `i`, or `-(errorOffset + 1)`.
 * @param text JSON text.
 * @param i Offset of the scalar.
 */
function scanScalar(text: string, i: number): number {
  const ch = text.charCodeAt(i)
  if (ch === 0x22) return scanString(text, i)
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return i + literal.length
  numberPattern.lastIndex = i
  return numberPattern.test(text) ? numberPattern.lastIndex : -(i + 1)
}

/**
 * Offset after the string starting at `i`, or `-(errorOffset + 1)`.
 * @param text JSON text.
 * @param i Offset of the opening quote.
 */
function scanString(text: string, i: number): number {
  for (let p = i + 1; p < text.length; p++) {
    const ch = text.charCodeAt(p)
    if (ch === 0x22) return p + 1
    if (ch < 0x20) return -(p + 1)
    if (ch === 0x5c) {
      const next = text.charAt(p + 1)
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) return -(p + 1)
        p += 5
      } else if ('"\\/bfnrt'.includes(next) && next !== '') p++
      else return -(p + 1)
    }
  }
  return -(text.length + 1)
}
