import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GENERAL_WORDS } from './generalWords.js'
import { isLabelTerm, wordKind } from './labelTerms.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('GENERAL_WORDS', () => {
  it('is what scripts/general-words.mjs makes from the installed compromise lexicon', () => {
    // Exits 1 with a message when the file differs from what the lexicon gives.
    expect(() => execFileSync('node', ['scripts/general-words.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow()
  })

  it('decodes to sorted lists of distinct lower-case words', () => {
    for (const list of Object.values(GENERAL_WORDS)) {
      const words = list.split(' ')
      expect(words.length).toBeGreaterThan(50)
      expect(words.every((w) => /^[a-z][a-z']*$/.test(w))).toBe(true)
      expect([...new Set(words)].sort()).toEqual(words)
    }
    expect(GENERAL_WORDS.verb.split(' ')).toContain('accelerate')
    expect(GENERAL_WORDS.adjective.split(' ')).toContain('abrupt')
  })

  it('leaves out the words whose kind the label rules give without the list, and contractions', () => {
    // `careful` (-ful), `advanced` (the past of `advance`) and `newly` (`new` + -ly) read alike
    // without the list; `how's` is a contraction before the list is read.
    const words = Object.values(GENERAL_WORDS).flatMap((list) => list.split(' '))
    for (const word of ['careful', 'advanced', 'newly', "how's"]) expect(words).not.toContain(word)
    for (const word of ['careful', 'advanced', 'newly', "how's"]) expect(isLabelTerm(word), word).toBe(false)
    expect(wordKind('newly')).toBe('adverb')
    expect(wordKind("how's")).toBe('other')
    expect(isLabelTerm('advanced networking')).toBe(true)
    expect(words).toContain('advance')
  })
})
