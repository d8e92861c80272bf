import { describe, expect, test } from 'vitest'
import { OptionError } from './errors.js'
import { checkInteger, checkRange, DEFAULT_SEED } from './options.js'

describe('checkInteger', () => {
  test('checkInteger(where, option, value, min) accepts integers ≥ min without an upper bound', () => {
    expect(() => checkInteger('tfidf', 'minDocCount', 2 ** 60, 1)).not.toThrow()
    expect(() => checkInteger('tfidf', 'minDocCount', 0, 1)).toThrow('tfidf: minDocCount=0 is invalid, expected an integer ≥ 1')
    expect(() => checkInteger('tagTalks', 'top', 1.5, 1)).toThrow('tagTalks: top=1.5 is invalid, expected an integer ≥ 1')
    expect(() => checkInteger('tagTalks', 'top', '3', 1)).toThrow(OptionError)
  })

  test('checkInteger(where, option, value, min, max) names the closed range, or only min when max is MAX_SAFE_INTEGER', () => {
    expect(() => checkInteger('sessions', 'size', 4, 1, 100)).not.toThrow()
    expect(() => checkInteger('sessions', 'size', 101, 1, 100)).toThrow('sessions: size=101 is invalid, expected an integer in [1, 100]')
    expect(() => checkInteger('sessions', 'passes', -1, 0, Number.MAX_SAFE_INTEGER)).toThrow('sessions: passes=-1 is invalid, expected an integer ≥ 0')
    expect(() => checkInteger('sessions', 'passes', 2 ** 60, 0, Number.MAX_SAFE_INTEGER)).toThrow(OptionError)
  })
})

describe('checkRange', () => {
  test('checkRange(where, option, value, min, max, maxOpen, allowed) excludes max only when maxOpen', () => {
    expect(() => checkRange('tagTalks', 'threshold', 1, 0, 1, false, 'a number in [0, 1]')).not.toThrow()
    expect(() => checkRange('tagTalks', 'propagation', 1, 0, 1, true, 'a number in [0, 1)')).toThrow('tagTalks: propagation=1 is invalid, expected a number in [0, 1)')
    expect(() => checkRange('tfidf', 'idfPower', Number.NaN, 0, 8, false, 'a number in [0, 8]')).toThrow(OptionError)
    expect(() => checkRange('tfidf', 'idfPower', '1', 0, 8, false, 'a number in [0, 8]')).toThrow(OptionError)
  })
})

test('DEFAULT_SEED is the documented default seed 42', () => {
  expect(DEFAULT_SEED).toBe(42)
})
