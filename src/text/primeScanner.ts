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

/** Syllables of the primer's made-up words: letter shapes of European technical prose. */
const SYLLABLES = ['ka', 'lo', 'mer', 'ti', 'vu', 'san', 'pre', 'dex', 'on', 'ri', 'ster', 'ba', 'quo', 'fil', 'nu', 'gra', 'che', 'wen', 'sy', 'tor']
/** Endings that take the stemmers' paths (English, then the other languages' inflections). */
const ENDINGS = ['', '', 's', 'ing', 'ed', 'ation', 'ness', 'ly', 'ers', 'ungen', 'ement', 'ción', 'zione', 'heid', 'ções']
/** Stop words of each language the CLI reads (a few of each), so that the language reader and every stemmer run. */
const FUNCTION_WORDS = [
  'the and of to in for with on this that is are we how from',
  'der die und das mit für ist ein eine wir auf von zu',
  'le la les et des pour avec dans une sur nous est qui',
  'el los las y para con una por que del como sobre',
  'il gli e per con una nel della che sono come sul',
  'de het een en van voor met op dat zijn wij hoe',
  'o os as e para com uma por que dos como sobre',
].map((words) => words.split(' '))

/**
 * Made-up talks for warming the whole reading path (scanner, lexicon, language reader,
 * stemmers) on a thread before it reads a corpus: {@link SCANNER_PRIMER}'s shapes, a few
 * thousand made-up words of the shapes the stemmers meet, and every language's stop words,
 * most talks English. The same talks every time (a fixed generator); what is read from them is thrown away.
 * @param count Talks to make.
 */
export function readingPrimer(count = 120): { title: string; abstract: string }[] {
  let state = 0x2545f491
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % n
  }
  const word = (): string => {
    let text = ''
    for (let s = 1 + next(3); s > 0; s--) text += SYLLABLES[next(SYLLABLES.length)]
    return text + ENDINGS[next(ENDINGS.length)]
  }
  const talks: { title: string; abstract: string }[] = []
  for (let t = 0; t < count; t++) {
    // Every fifth talk in another language, in turn.
    const functionWords = FUNCTION_WORDS[t % 5 === 4 ? 1 + (Math.floor(t / 5) % (FUNCTION_WORDS.length - 1)) : 0]!
    const pick = (): string => (next(3) === 0 ? functionWords[next(functionWords.length)]! : word())
    const title = `${word()} ${pick()} ${word()}`
    const sentences: string[] = []
    for (let s = 2 + next(4); s > 0; s--) {
      const words: string[] = []
      for (let w = 6 + next(10); w > 0; w--) words.push(next(12) === 0 ? `${word()}-${word()}` : pick())
      sentences.push(words.join(' '))
    }
    const abstract = `${sentences.join('. ')}.${t % 10 === 0 ? ` ${SCANNER_PRIMER}` : ''}`
    talks.push({ title: title[0]!.toUpperCase() + title.slice(1), abstract })
  }
  return talks
}
