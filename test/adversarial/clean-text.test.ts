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

describe('cleanText on Markdown left in abstracts', () => {
  it('cleanText(text) reduces emphasis inside words but keeps underscores in identifiers and arithmetic', () => {
    expect(cleanText('a foo*bar*baz word, snake_case_word and __init__, 5*3*2 and 5 * 3')).toBe('a foobarbaz word, snake_case_word and __init__, 5*3*2 and 5 * 3')
    expect(cleanText('Nutzer*innen und Besitzer*innen')).toBe('Nutzer*innen und Besitzer*innen')
  })

  it('cleanText(text) keeps the text of a link whose label holds a footnote marker, and drops the marker', () => {
    expect(cleanText('With the [Wifi4EU programme [1]](https://e.eu/) the EU spends.')).toBe('With the Wifi4EU programme the EU spends.')
    expect(cleanText('Access points [[2]](https://e.eu/faq) (FAQ 23).')).toBe('Access points (FAQ 23).')
    expect(cleanText('[a [b](u)')).toBe('a [b')
  })

  it('cleanText(text) drops footnote markers but keeps indices in code', () => {
    expect(cleanText('We present bpftrace [1], a tracer [2, 3]; see [^4] and [1], [2].\n[5] starts a line.')).toBe('We present bpftrace, a tracer; see and.\nstarts a line.')
    expect(cleanText('arr[1] = 2 and matrix[i][0]')).toBe('arr[1] = 2 and matrix[i][0]')
  })

  it('cleanText(text) drops a numbered reference list at the end of an abstract', () => {
    const abstract = 'The tool [1] reads mail.\n\nReferences:\n[1] https://example.org/tool\n[2]: https://example.org/docs\nwrapped title of the docs'
    expect(cleanText(abstract)).toBe('The tool reads mail.')
    expect(cleanText('Uses XDP.\n[1] Smith et al. 2019. Fast packets.\n[2] Doe. 2020. Faster.')).toBe('Uses XDP.\nSmith et al. 2019. Fast packets.\nDoe. 2020. Faster.')
    expect(cleanText('Uses XDP [2].\n[1] Smith et al. 2019. Fast packets.\n[2] Doe. 2020. Faster.')).toBe('Uses XDP.')
  })

  it('parseTalks drops the reference list of an abstract and keeps the talk', () => {
    const input = JSON.stringify([{ id: 'a', title: 'hkml', abstract: "'hkml'[1] is a mail tool.\n[1] https://example.org/hkml" }])
    expect(parseTalks(input, { format: 'json' }).talks.map((talk) => talk.abstract)).toEqual(["'hkml' is a mail tool."])
  })
})
