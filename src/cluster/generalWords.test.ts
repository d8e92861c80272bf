import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { unpackGeneralWords } from './generalWords.js'
import { isLabelTerm, lexiconKind, wordKind, type WordKind } from './labelTerms.js'
// @ts-expect-error: a plain .mjs script without declarations
import { compromiseWords, lexicon } from '../../scripts/compromise-words.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))

const lists = unpackGeneralWords()
const [verbs] = lists

describe('unpackGeneralWords()', () => {
  it('is what scripts/general-words.mjs makes from the installed compromise lexicon', () => {
    // Exits 1 with a message when the file differs from what the lexicon gives.
    expect(() => execFileSync('node', ['scripts/general-words.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow()
  })

  it('decodes to sorted lists of distinct lower-case words', () => {
    for (const list of lists) {
      const words = list.split(' ')
      expect(words.length).toBeGreaterThan(50)
      expect(words.every((w) => /^[a-z][a-z']*$/.test(w))).toBe(true)
      expect([...new Set(words)].sort()).toEqual(words)
    }
    expect(verbs.split(' ')).toContain('accelerate')
    expect(verbs.split(' ')).toContain('abrupt') // adjectives share the verbs' list
  })

  it('leaves out the words whose kind the label rules give without the list, and contractions', () => {
    // `careful` (-ful), `advanced` (the past of `advance`) and `newly` (`new` + -ly) read alike
    // without the list; `how's` is a contraction before the list is read.
    const words = lists.flatMap((list) => list.split(' '))
    for (const word of ['careful', 'advanced', 'newly', "how's"]) expect(words).not.toContain(word)
    for (const word of ['careful', 'advanced', 'newly', "how's"]) expect(isLabelTerm(word), word).toBe(false)
    expect(wordKind('newly')).toBe('adverb')
    expect(wordKind("how's")).toBe('other')
    expect(isLabelTerm('advanced networking')).toBe(true)
    expect(words).toContain('advance')
  })

  it("answers as compromise's whole lists on every word of compromise's lexicon", () => {
    // The packed list leaves out what the rules derive; no word of the lexicon (19,904 words, nouns
    // included) may read otherwise than with every listed word kept. Verbs and adjectives alike.
    const whole = compromiseWords() as Record<string, Set<string>>
    const kindOf = new Map<string, WordKind>(Object.entries(whole).flatMap(([kind, words]) => [...words].map((word): [string, WordKind] => [word, kind as WordKind])))
    const alike = (kind: WordKind) => (kind === 'adjective' ? 'verb' : kind)
    const words = Object.keys(lexicon as Record<string, unknown>).filter((word) => /^[a-z]+$/.test(word))
    const packed = new Set(lists.flatMap((list) => list.split(' ')))
    expect(words.length).toBeGreaterThan(19_000)
    expect(kindOf.size - packed.size).toBeGreaterThan(1_000) // the rules do place words
    const differ = words.filter((word) => alike(wordKind(word)) !== alike(lexiconKind(word, (w) => kindOf.get(w))))
    expect(differ).toEqual([])
  })

  it('reads the -ed form of a word compromise lists only as an adjective as a verb', () => {
    // `bounded`, `averaged`: not in the lexicon; one list for verbs and adjectives derives them.
    for (const word of ['bounded', 'averaged', 'abstracted']) expect(isLabelTerm(word), word).toBe(false)
    expect(wordKind('abruptly')).toBe('adverb')
  })

  it('reads English function words that are not adverbs as other without listing them', () => {
    const words = lists.flatMap((list) => list.split(' '))
    for (const word of ['whereas', 'the', 'nobody', 'our']) {
      expect(words, word).not.toContain(word)
      expect(wordKind(word), word).toBe('other')
    }
    expect(words).toContain('also') // an adverb: the verb check reads adverbs (`also implement`)
    expect(wordKind('also')).toBe('adverb')
  })
})
