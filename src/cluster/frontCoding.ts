/**
 * Front coding of a sorted word list: each word is written as the number of leading letters
 * it shares with the word before (one digit, 0–9) followed by the rest of it. A sorted list of
 * English words shares long prefixes (`accelerate accept accessed`), so the coded text is a
 * third shorter and gzips about 22% smaller than the words separated by spaces.
 */

/**
 * The words of a front-coded list, separated by single spaces.
 *
 * @param coded Front-coded list: for each word a digit, then letters or apostrophes (no digits).
 * @returns The words in their order, e.g. `decodeFrontCoded("0abandon2duct")` → `"abandon abduct"`.
 */
export function decodeFrontCoded(coded: string): string {
  const words: string[] = []
  let previous = ''
  let i = 0
  while (i < coded.length) {
    const shared = coded.charCodeAt(i) - 48
    let end = i + 1
    while (end < coded.length && !isDigit(coded.charCodeAt(end))) end++
    previous = previous.slice(0, shared) + coded.slice(i + 1, end)
    words.push(previous)
    i = end
  }
  return words.join(' ')
}

/**
 * Front coding of words (the inverse of {@link decodeFrontCoded}).
 *
 * @param words Words without digits, sorted so that neighbours share prefixes.
 */
export function encodeFrontCoded(words: readonly string[]): string {
  let coded = ''
  let previous = ''
  for (const word of words) {
    let shared = 0
    while (shared < 9 && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++
    coded += String(shared) + word.slice(shared)
    previous = word
  }
  return coded
}

/** @param code A UTF-16 code unit. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
