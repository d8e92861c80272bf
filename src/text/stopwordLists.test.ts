import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STOPWORDS, ENGLISH_FUNCTION_WORDS, languageStopwords, stopwordsFor } from './stopwords.js'
import { STOPWORD_LISTS } from './stopwordLists.js'
import { allLanguages } from './languagePacks.js'
import { registerLanguages } from './languageRegistry.js'

registerLanguages(...allLanguages)

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('STOPWORD_LISTS', () => {
  it('is what scripts/build-stopword-lists.mjs makes from the installed stopword package', () => {
    // Exits 1 with a message when the file differs from the package's lists.
    expect(() => execFileSync('node', ['scripts/build-stopword-lists.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow()
  })

  it('holds the seven languages, each with its common function words', () => {
    expect(Object.keys(STOPWORD_LISTS)).toEqual(['en', 'de', 'es', 'fr', 'it', 'nl', 'pt'])
    const has = (language: keyof typeof STOPWORD_LISTS, word: string): boolean => STOPWORD_LISTS[language].split('|').includes(word)
    expect(['the', 'und', 'para', 'les', 'della', 'het', 'não'].map((word, i) => has((['en', 'de', 'es', 'fr', 'it', 'nl', 'pt'] as const)[i]!, word))).toEqual(Array(7).fill(true))
  })
})

describe('ENGLISH_FUNCTION_WORDS and DEFAULT_STOPWORDS', () => {
  it("decode the front-coded English lists to whole words: the package's list, further function words, conference boilerplate", () => {
    for (const word of STOPWORD_LISTS.en.split('|')) expect(ENGLISH_FUNCTION_WORDS.has(word)).toBe(true)
    for (const word of ['above', 'e.g', "can't", 'yourselves', 'whichever']) expect(ENGLISH_FUNCTION_WORDS.has(word)).toBe(true)
    expect([...ENGLISH_FUNCTION_WORDS].every((word) => DEFAULT_STOPWORDS.has(word))).toBe(true)
    for (const word of ['q&a', 'discussions', 'summary', 'attendees']) expect(DEFAULT_STOPWORDS.has(word) && !ENGLISH_FUNCTION_WORDS.has(word)).toBe(true)
    expect([ENGLISH_FUNCTION_WORDS.size, DEFAULT_STOPWORDS.size]).toEqual([286, 439])
    expect([...DEFAULT_STOPWORDS].every((word) => /^[a-z][a-z.&']*$/.test(word))).toBe(true)
  })
})

describe('languageStopwords(language)', () => {
  it('is DEFAULT_STOPWORDS for English and the language list (with talk boilerplate for German) otherwise', () => {
    expect(languageStopwords('en')).toBe(DEFAULT_STOPWORDS)
    const german = languageStopwords('de')
    for (const word of ['und', 'der', 'wir', 'vortrag', 'zeigen']) expect(german.has(word)).toBe(true)
    for (const word of ['satellit', 'wahl', 'the']) expect(german.has(word)).toBe(false)
  })
})

describe('stopwordsFor(base, languages, keep)', () => {
  it('adds the lists of the other languages to the base, less the words to keep', () => {
    const set = stopwordsFor(DEFAULT_STOPWORDS, ['de', 'en'], ['wahl', 'und'])
    expect(set.has('the')).toBe(true)
    expect(set.has('der')).toBe(true)
    expect(set.has('und')).toBe(false)
    expect(stopwordsFor(DEFAULT_STOPWORDS, ['en'], [])).toBe(DEFAULT_STOPWORDS)
  })
})
