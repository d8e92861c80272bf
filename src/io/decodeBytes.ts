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
  /** `invalid-utf8` when bytes had to be replaced. */
  readonly warnings: Warning[]
}

/**
 * Turns the bytes of an input file into text. UTF-8 by default; a byte order mark
 * selects UTF-8, UTF-16LE or UTF-16BE; an XML declaration may name another encoding
 * (`ISO-8859-1`, `windows-1252`…). Invalid UTF-8 is decoded with U+FFFD replacement and
 * reported in an `invalid-utf8` warning naming the first line affected. Browser-safe.
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
  const declared = declaredXmlEncoding(bytes)
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    let decoder: InstanceType<typeof TextDecoder>
    try {
      decoder = new TextDecoder(declared)
    } catch (error) {
      throw new InputError(`unsupported encoding "${declared}" in the XML declaration`, file === undefined ? { line: 1 } : { file, line: 1 }, error)
    }
    return { text: decoder.decode(bytes), warnings: [] }
  }
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

/**
 * The `encoding` of an XML declaration at the very start of the bytes, if any.
 * @param bytes File content.
 */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(bytes[0] === 0xef ? 3 : 0, 200))
  const match = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  return match === null ? undefined : match[1]
}
