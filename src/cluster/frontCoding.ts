/**
 * Front coding of sorted word lists merged into one string: the words of all lists are
 * sorted together and each is written as one mark, which says its list and how many leading
 * letters (0–9) it shares with the word before, followed by the rest of it. A sorted list of
 * English words shares long prefixes (`accelerate accept accessed`), so the coded text is
 * less than half the words separated by spaces; merging the lists lets `abandon` (a verb)
 * share with `abandoned` (an adjective). The marks are punctuation, digits and capitals,
 * the characters minified code is full of: inside a bundle the list then gzips with the same
 * Huffman codes as the code around it (scripts/general-words.mjs picks them).
 */

/** Shared prefix lengths a mark can say: 0 to SHARED - 1. */
const SHARED = 10

/**
 * The lists of a front-coded string, each as its words separated by single spaces.
 *
 * @param coded Front-coded words: per word its mark, then letters that are not marks.
 * @param marks `marks[list * 10 + shared]` starts a word of `list` sharing `shared` letters
 *   with the word before; distinct characters that no word contains.
 * @param lists Number of lists.
 * @returns Each list's words in coded order, e.g. `decodeFrontCoded("0abandon2duct", "0123456789", 1)` → `["abandon abduct"]`.
 */
export function decodeFrontCoded(coded: string, marks: string, lists: number): string[] {
  const words: string[][] = Array.from({ length: lists }, () => [])
  let previous = ''
  let i = 0
  while (i < coded.length) {
    const mark = marks.indexOf(coded[i]!)
    let end = i + 1
    while (end < coded.length && !marks.includes(coded[end]!)) end++
    previous = previous.slice(0, mark % SHARED) + coded.slice(i + 1, end)
    words[Math.floor(mark / SHARED)]!.push(previous)
    i = end
  }
  return words.map((list) => list.join(' '))
}

/**
 * Front coding of word lists (the inverse of {@link decodeFrontCoded}, which gives each list
 * back sorted).
 *
 * @param lists Word lists; no word is in two lists or contains a mark.
 * @param marks As for {@link decodeFrontCoded}: `lists.length * 10` distinct characters.
 */
export function encodeFrontCoded(lists: readonly (readonly string[])[], marks: string): string {
  const words = lists.flatMap((list, kind) => list.map((word) => ({ word, kind })))
  words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  let coded = ''
  let previous = ''
  for (const { word, kind } of words) {
    let shared = 0
    while (shared < SHARED - 1 && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++
    coded += marks[kind * SHARED + shared]! + word.slice(shared)
    previous = word
  }
  return coded
}
