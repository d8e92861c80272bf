/**
 * Inputs of many megabytes on which a repeated group in a regular expression overflowed the
 * engine's stack (`Maximum call stack size exceeded`): the fast-path check of `cleanText` on
 * a 50 MB abstract and the tokenizer on 8 MB token-like runs.
 */
import { describe, expect, it } from 'vitest'
import { cleanText, isAlreadyClean } from '../../src/io/cleanText.js'
import { tokenize } from '../../src/text/tokenize.js'

const MB = 1 << 20

describe('no stack overflow on megabytes of regular input', () => {
  it('isAlreadyClean(50 MB of plain words) is true and cleanText returns the text as it is', () => {
    const text = 'plain words '.repeat((50 * MB) / 12) + 'end'
    expect(isAlreadyClean(text, false)).toBe(true)
    expect(cleanText(text)).toBe(text)
  })

  for (const [name, unit] of [["a'a'…", "a'"], ['.5.5…', '.5'], ['a-a-…', 'a-'], ['a_a_…', 'a_'], ['x.y.…', 'x.']] as const) {
    it(`tokenize(8 MB of ${name}) skips the one over-long token and keeps the words around it`, () => {
      expect(tokenize(`before ${unit.repeat((8 * MB) / unit.length)}a after`)).toEqual(['before', 'after'])
    })
  }
})
