import { describe, expect, it } from 'vitest'
import { displayWidth, escapeJsonForTerminal, stripTerminalControls, truncateToWidth } from './terminal.js'

describe('terminal helpers', () => {
  it('stripTerminalControls removes CSI, OSC, C1 and bidi overrides but keeps text, tabs and newlines', () => {
    expect(stripTerminalControls('a\u001b[31mred\u001b[0m\u001b]0;title\u0007 b\u009b2J\tc\n\u202ed\u2066e')).toBe('ared b\tc\nde')
  })

  it('escapeJsonForTerminal escapes C1 and bidi characters and keeps the JSON value', () => {
    const json = JSON.stringify({ a: 'x\u009by\u202ez\u2028' })
    const escaped = escapeJsonForTerminal(json)
    expect(escaped).toBe('{"a":"x\\u009by\\u202ez\\u2028"}')
    expect(JSON.parse(escaped)).toEqual({ a: 'x\u009by\u202ez\u2028' })
  })

  it('displayWidth counts wide CJK and emoji as two columns and joiners as none', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('東京')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('👩‍💻')).toBe(4)
  })

  it('truncateToWidth cuts on code points and marks the cut', () => {
    expect(truncateToWidth('東京タワー', 5)).toBe('東京…')
    expect(truncateToWidth('short', 10)).toBe('short')
    expect(truncateToWidth('😀😀😀', 4)).toBe('😀…')
  })
})
