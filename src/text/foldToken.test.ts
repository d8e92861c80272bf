import { expect, it } from 'vitest'
import { foldToken } from './foldToken.js'

it('foldToken lower-cases ASCII and NFKC-normalises the rest', () => {
  expect(foldToken('XDP')).toBe('xdp')
  expect(foldToken('ﬁlter')).toBe('filter')
  expect(foldToken('ＢＰＦ')).toBe('bpf')
  expect(foldToken('Straße')).toBe('straße')
})
