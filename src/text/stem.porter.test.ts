import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { stem } from './stem.js'

// natural is a development dependency: the reference the runtime stemmer is checked against.
const porterStemmer = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string }

const fixturesDir = new URL('../../fixtures/', import.meta.url)

/** Every distinct lower-case word of the project's fixtures. */
function fixtureWords(): Set<string> {
  const words = new Set<string>()
  for (const dir of ['', 'edge/']) {
    for (const file of readdirSync(new URL(dir, fixturesDir))) {
      if (!file.endsWith('.json')) continue
      for (const word of readFileSync(new URL(dir + file, fixturesDir), 'utf8').toLowerCase().match(/[a-z]+/g) ?? []) words.add(word)
    }
  }
  return words
}

const SUFFIXES = ['s', 'es', 'ed', 'ing', 'er', 'ers', 'ly', 'ness', 'ful', 'ation', 'ational', 'ization', 'izer', 'able', 'ible',
  'ment', 'ent', 'ism', 'ist', 'ity', 'ive', 'ous', 'al', 'ance', 'ence', 'ic', 'ate', 'iti', 'biliti', 'y', 'ies', 'ied', 'eed', 'fulness', 'lessli']

/**
 * Fixture words with every Porter suffix appended, and every 4–5 letter string over a small
 * alphabet that exercises vowels, `y` and double consonants.
 * @param roots Words to extend.
 */
function generatedWords(roots: Iterable<string>): Set<string> {
  const words = new Set<string>()
  for (const root of roots) if (root.length >= 3) for (const suffix of SUFFIXES) words.add(root + suffix)
  const letters = ['b', 'a', 'y', 'e', 'l', 's', 'i']
  const walk = (prefix: string): void => {
    if (prefix.length >= 4) words.add(prefix)
    if (prefix.length < 5) for (const letter of letters) walk(prefix + letter)
  }
  walk('')
  return words
}

// natural reads `y` after a consonant (or after another `y`) as a consonant when it measures a
// stem; Porter (1980) defines it as a vowel there, and `stemmer` follows Porter. `sses` is
// the bare suffix, not a word.
const Y_AFTER_CONSONANT = /[^aeiou]y/

describe('stem(word) and natural PorterStemmer', () => {
  it('agree on every fixture word and on ~140,000 generated words', () => {
    const fixture = fixtureWords()
    const words = [...fixture, ...generatedWords(fixture)].filter((word) => word.length > 3)
    expect(words.length).toBeGreaterThan(100_000)
    const differing = words.filter((word) => !Y_AFTER_CONSONANT.test(word) && word !== 'sses' && stem(word) !== porterStemmer.stem(word))
    expect(differing).toEqual([])
    const fixtureDiffering = [...fixture].filter((word) => word.length > 3 && stem(word) !== porterStemmer.stem(word))
    expect(fixtureDiffering).toEqual([])
  })

  it('differ only where Porter counts y after a consonant as a vowel', () => {
    // n-y-o-u-n-g has measure 1, so "er" stays (step 4 needs m > 1); natural strips it.
    expect(stem('nyounger')).toBe('nyounger')
    expect(porterStemmer.stem('nyounger')).toBe('nyoung')
  })
})
