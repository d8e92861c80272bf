/**
 * Field clean-up on hostile or odd text: invisible titles, runs of combining marks, and the
 * Markdown left in abstracts that conference sites export.
 */
import { describe, expect, it } from 'vitest'
import { cleanText } from '../../src/io/cleanText.js'
import { parseTalks } from '../../src/io/parseTalks.js'

describe('cleanText on invisible and excessive characters', () => {
  it('cleanText(text) is empty for text made only of invisible format characters and spaces', () => {
    for (const invisible of ['\u200b', '\u200b\u200c\u200d', ' \u2060 \u00ad ', '\u200e\u202e\u2066', '\u3164', '\u2800\u200b']) {
      expect(cleanText(invisible, { singleLine: true })).toBe('')
      expect(cleanText(invisible)).toBe('')
    }
    expect(cleanText('👩\u200d💻')).toBe('👩\u200d💻')
    expect(cleanText('a\u200b')).toBe('a\u200b')
  })

  it('parseTalks reads a talk titled only U+200B as a talk without a title', () => {
    const { talks, warnings } = parseTalks(JSON.stringify([{ id: 'a', title: '\u200b', abstract: 'XDP in production.' }]), { format: 'json' })
    expect(talks.map((talk) => talk.title)).toEqual([''])
    expect(warnings.map((warning) => warning.message)).toContain('1 talk without a title: a')
  })

  it('cleanText(text) cuts a run of combining marks after 30 (UAX #15 stream-safe limit)', () => {
    expect(cleanText(`Z${'\u0301'.repeat(100)}algo`)).toBe(`Ź${'\u0301'.repeat(29)}algo`)
    expect(cleanText(`e${'\u0301'.repeat(3)}`)).toBe(`é${'\u0301'.repeat(2)}`)
  })
})
