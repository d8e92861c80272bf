import { describe, expect, it } from 'vitest'
import { readTalkTerms } from '../vectorize/tfidf.js'
import { detectLanguage } from './language.js'
import { allLanguages } from './languagePacks.js'
import { registerLanguages } from './languageRegistry.js'
import { primeScanner, readingPrimer, SCANNER_PRIMER } from './primeScanner.js'
import { tokenize } from './tokenize.js'

describe('primeScanner', () => {
  it('SCANNER_PRIMER holds every token shape the scanner reads, and one it skips', () => {
    expect(tokenize(SCANNER_PRIMER)).toEqual([
      'AF_XDP', 'XDP-hints', 'in', 'v5.6', 'C++', 'or', 'F#', 'on', '.NET', 'BPF', 'maps', 'io_uring', 'q', 't', 'x',
      'Straße', 'e\u0301t\u00e9', '\u{1d518}x', '中文', 'end', 'last',
    ])
  })

  it('primeScanner() reads the primer twelve times', () => {
    expect(primeScanner()).toBe(12 * 21)
  })

  it('tokenize(text) reads the same tokens after priming', () => {
    const text = 'XDP-hints for AF_XDP on .NET, C++ and F#: BPF\u2019s maps.'
    const before = tokenize(text)
    primeScanner()
    expect(tokenize(text)).toEqual(before)
    expect(before).toEqual(['XDP-hints', 'for', 'AF_XDP', 'on', '.NET', 'C++', 'and', 'F#', 'BPF', 'maps'])
  })

  it('readingPrimer() makes the same 120 talks every time, most English, each other language in turn', () => {
    // The languages the CLI reads (`textSetup.ts`).
    registerLanguages(...allLanguages)
    const talks = readingPrimer()
    expect(talks).toHaveLength(120)
    expect(readingPrimer()).toEqual(talks)
    const languages = talks.map((talk) => detectLanguage(`${talk.title} ${talk.abstract}`))
    expect(languages.filter((language) => language === 'en').length).toBeGreaterThanOrEqual(90)
    expect(new Set(languages)).toEqual(new Set(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt']))
    expect(talks.filter((talk) => talk.abstract.includes(SCANNER_PRIMER))).toHaveLength(12)
  })

  it('readTalkTerms(talks) reads the same streams after the primer was read', () => {
    const talks = [
      { title: 'XDP on .NET', abstract: 'AF_XDP sockets and C++ programs: BPF’s maps, scheduling packets.' },
      { title: 'Paketfilter im Kernel', abstract: 'Wir zeigen, wie die Pakete im Kernel gefiltert werden und warum das schneller ist.' },
    ]
    const before = readTalkTerms(talks)
    readTalkTerms(readingPrimer())
    expect(readTalkTerms(talks)).toEqual(before)
  })
})
