/**
 * Ends an exhaustive `switch`: the compiler rejects the call unless every case above is
 * handled, and a value that slips past the types (plain JavaScript) fails loudly.
 * @param value The switched-on value, narrowed to `never`.
 * @param kind What the value is, for the message (`format` gives `unknown format xml`).
 * @example
 * default:
 *   return unreachable(format, 'format')
 */
export function unreachable(value: never, kind: string): never {
  throw new Error(`unknown ${kind} ${String(value)}`)
}
