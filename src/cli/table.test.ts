import { describe, expect, it } from 'vitest'
import { renderTable } from './table.js'
import { displayWidth } from './terminal.js'

describe('renderTable', () => {
  it('renderTable aligns columns under a rule', () => {
    expect(renderTable([{ header: 'id' }, { header: 'title' }], [['a', 'First'], ['bb', 'Second']], 80)).toBe('id  title\n──  ──────\na   First\nbb  Second\n')
  })

  it('renderTable fits the width by shrinking the widest column first', () => {
    const out = renderTable([{ header: 'id' }, { header: 'abstract' }], [['x1', 'word '.repeat(40)]], 30)
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30)
    expect(out.split('\n')[2]).toBe('x1  word word word word word…')
  })

  it('renderTable puts multi-line cells on one line and strips control characters', () => {
    expect(renderTable([{ header: 'h' }], [['a\nb\u001b[2Jc']], 40)).toBe('h\n────\na bc\n')
  })
})
