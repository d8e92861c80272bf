import { InputError } from '../errors.js'
import type { Warning } from '../types.js'
import { lineAt } from './fields.js'

/** Options of {@link decodeBytes}. */
export interface DecodeBytesOptions {
  /**
   * File name for messages.
   * @default undefined
   */
  fileName?: string
}

/** Result of {@link decodeBytes}. */
export interface DecodeBytesResult {
  /** Decoded text, without byte order mark. */
  readonly text: string
  /**
   * `invalid-utf8` when bytes had to be replaced; `encoding-assumed` when the encoding was
   * inferred from the bytes against the absence of a byte order mark or against the XML
   * declaration.
   */
  readonly warnings: Warning[]
}

/**
 * Turns the bytes of an input file into text. UTF-8 by default; a byte order mark
 * selects UTF-8, UTF-16LE or UTF-16BE; without one, bytes that are mostly NUL at every
 * other position in the first 4 KB are UTF-16LE or UTF-16BE
 * (`encoding-assumed` warning); an XML declaration may name another encoding (`ISO-8859-1`,
 * `windows-1252`…), except UTF-16, which a declaration readable byte by byte cannot be
 * (read as UTF-8, `encoding-assumed` warning). Invalid UTF-8 is decoded with U+FFFD
 * replacement and reported in an `invalid-utf8` warning naming the first line affected.
 * Browser-safe.
 *
 * @param bytes File content.
 * @param options File name for messages.
 * @returns Text and warnings.
 * @throws {InputError} When an XML declaration names an encoding the runtime lacks.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeBytesOptions = {}): DecodeBytesResult {
  const file = options.fileName
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] }
  const utf16 = sniffUtf16(bytes)
  if (utf16 !== undefined) {
    const name = utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'
    const message = `${file ?? 'input'}: no byte order mark, but NULs at every other byte: read as ${name}`
    return { text: new TextDecoder(utf16).decode(bytes), warnings: [{ code: 'encoding-assumed', message }] }
  }
  const declared = declaredXmlEncoding(bytes)
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    let decoder: InstanceType<typeof TextDecoder>
    try {
      decoder = new TextDecoder(declared)
    } catch (error) {
      throw new InputError(`unsupported encoding "${declared}" in the XML declaration`, file === undefined ? { line: 1 } : { file, line: 1 }, error)
    }
    // The declaration was read one byte per character, so the bytes are not UTF-16 (which
    // also needs a byte order mark, or NULs the sniffing above would have seen).
    if (!decoder.encoding.startsWith('utf-16')) return { text: decoder.decode(bytes), warnings: [] }
    const { text, warnings } = decodeUtf8(bytes, file)
    const message = `${file ?? 'input'}:1: the XML declaration says encoding="${declared}", but the bytes are not UTF-16: read as UTF-8`
    return { text, warnings: [{ code: 'encoding-assumed', message }, ...warnings] }
  }
  return decodeUtf8(bytes, file)
}

/**
 * UTF-8 with replacement, and an `invalid-utf8` warning naming the first line with bad bytes.
 * @param bytes File content.
 * @param file File name for messages.
 */
function decodeUtf8(bytes: Uint8Array, file: string | undefined): DecodeBytesResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] }
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes)
    const line = lineAt(text, text.indexOf('\uFFFD'))
    return {
      text,
      warnings: [{ code: 'invalid-utf8', message: `${file ?? 'input'}:${line}: invalid UTF-8, bad bytes replaced with U+FFFD (first at this line)` }],
    }
  }
}

/** How many leading bytes {@link sniffUtf16} looks at: enough for a sample, cheap on any file. */
const UTF16_SNIFF_BYTES = 4096

/**
 * UTF-16 without a byte order mark, from where its NULs fall: every code unit below U+0100
 * (markup, digits, spaces, Latin letters) has a NUL high byte, at odd offsets in UTF-16LE and
 * even ones in UTF-16BE; mostly-ASCII text has one in nearly every unit, Cyrillic or Greek
 * prose in its spaces and punctuation (about one in six). So: at least 8 NULs, in at least an
 * eighth of the units, on one parity, and at most one for 4 of those on the other
 * (Hangul and CJK characters such as 가 U+AC00 or 一 U+4E00 put a NUL on the other parity). UTF-8 has
 * NULs only by accident, not lined up on one parity; a block of NULs (padding, a damaged
 * file) fills both parities and is not taken for UTF-16 either.
 * @param bytes File content without a byte order mark.
 * @returns The encoding, or undefined when the bytes do not look like UTF-16.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const end = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNuls++
    if (bytes[i + 1] === 0) oddNuls++
  }
  const units = end / 2
  const mostly = (nuls: number, others: number): boolean => nuls >= 8 && nuls * 8 >= units && others * 4 <= nuls
  if (mostly(oddNuls, evenNuls)) return 'utf-16le'
  if (mostly(evenNuls, oddNuls)) return 'utf-16be'
  return undefined
}

/**
 * The `encoding` of an XML declaration at the very start of the bytes, if any.
 * @param bytes File content.
 */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(bytes[0] === 0xef ? 3 : 0, 200))
  const match = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  return match === null ? undefined : match[1]
}
