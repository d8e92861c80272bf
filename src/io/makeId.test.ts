import { describe, expect, it } from 'vitest'
import { makeId } from './makeId.js'

describe('makeId', () => {
  it('makeId(position, title) joins the 1-based position and up to six title words', () => {
    expect(makeId(11, 'Rust for Linux: a status report from the trenches')).toBe('12-rust-for-linux-a-status-report')
  })

  it('makeId keeps letters of any script', () => {
    expect(makeId(0, '生成AIと著作権')).toBe('1-生成aiと著作権')
  })

  it('makeId(position, "") is the position alone', () => {
    expect(makeId(2, '')).toBe('3')
    expect(makeId(2, '!!!')).toBe('3')
  })

  it('makeId stops before the slug passes 48 characters', () => {
    expect(makeId(0, 'Supercalifragilisticexpialidocious internationalisation considerations')).toBe('1-supercalifragilisticexpialidocious')
  })
})
