/**
 * Warming the token scanner before a process reads its first corpus (used by the CLI; not
 * part of the library's API).
 */
import { MAX_TOKEN_LENGTH, TokenScanner } from './tokenize.js'

/**
 * A text that takes every path of {@link TokenScanner}: joined identifiers, versions, `C++`,
 * `F#`, `.NET`, possessives, quotes, line, clause and paragraph breaks, non-ASCII and astral
 * letters, a combining mark, a token too long to keep, and a joiner at the end.
 */
export const SCANNER_PRIMER = `AF_XDP, XDP-hints in v5.6: C++ or F# on .NET; BPF's maps\n(io_uring) "q" \u2019t\u2019 \u201cx\u201d.\n\nStraße e\u0301t\u00e9 \u{1d518}x 中文 ${'x'.repeat(MAX_TOKEN_LENGTH + 1)} end\r\n\r\nlast-`

/** Times the primer is read: enough for V8 to collect type feedback on every branch. */
const PRIMER_READS = 12

/**
 * Reads {@link SCANNER_PRIMER} a few times. V8 optimises the scanner after a few hundred
 * tokens from the feedback seen so far; a real corpus meets its rare paths (`C++`, `.NET`, a
 * text's last character) only later, and each one threw the optimised code away, so that the
 * first few hundred talks of a corpus were read in the interpreter while it was compiled again
 * (FOSDEM 2025: 300 of 1,093 talks). Read first, the primer gives feedback from every path.
 * @returns Tokens read (the primer's tokens times the reads).
 */
export function primeScanner(): number {
  const scanner = new TokenScanner()
  let tokens = 0
  for (let r = 0; r < PRIMER_READS; r++) {
    scanner.reset(SCANNER_PRIMER)
    while (scanner.next()) tokens++
  }
  return tokens
}
