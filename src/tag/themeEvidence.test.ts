import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { buildStopwords } from '../text/stopwords.js'
import { resolveThemes, type ResolvedTagTheme } from './resolveThemes.js'
import { BUILTIN_TAXONOMY } from './taxonomy.js'
import { fitOfEvidence, taxonomyFit } from './taxonomyFit.js'
import { forEachWord, talkWords, talkWordsAmong, type TalkWords } from './talkWords.js'
import { evidenceWords, NAME_EVIDENCE, themeEvidence } from './themeEvidence.js'

/**
 * themeEvidence as first written, word by word with string keys: the reference the numbered
 * keys must agree with.
 * @param talks The talks' words.
 * @param themes Resolved themes.
 */
function plainEvidence(talks: TalkWords, themes: readonly ResolvedTagTheme[]): Float64Array {
  const stopwords = buildStopwords([], [])
  const singular = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word)
  const words = (text: string): string[] => {
    const out: string[] = []
    forEachWord(text, (part) => {
      if (!stopwords.has(part)) out.push(singular(part))
    })
    return out
  }
  const entries: { theme: number; weight: number; keys: Set<string> }[] = []
  const seen = new Set<string>()
  themes.forEach((theme, t) => {
    const names = [theme.name, ...theme.name.split(/\s+(?:and|&)\s+/i).filter((part) => part.trim() !== '' && part !== theme.name)]
    const all: [string, number][] = [...names.map((n): [string, number] => [n, NAME_EVIDENCE]), ...theme.aliases.map((a): [string, number] => [a, NAME_EVIDENCE]), ...theme.keywords.map((k): [string, number] => [k, 1])]
    for (const [entry, weight] of all) {
      const sequence = words(entry)
      const keys = sequence.length === 1 ? sequence : sequence.slice(1).map((word, w) => `${sequence[w]} ${word}`)
      const signature = `${t}\u0000${sequence.join(' ')}`
      if (keys.length === 0 || seen.has(signature)) continue
      seen.add(signature)
      entries.push({ theme: t, weight, keys: new Set(keys) })
    }
  })
  const nTalks = (talks.starts.length - 1) / 2
  const evidence = new Float64Array(nTalks * themes.length)
  for (let i = 0; i < nTalks; i++) {
    const found = new Set<string>()
    for (let x = 2 * i; x < 2 * i + 2; x++) {
      let previous = ''
      for (let p = talks.starts[x]!; p < talks.starts[x + 1]!; p++) {
        const part = talks.words[talks.ids[p]!]!
        if (stopwords.has(part)) continue
        const word = singular(part)
        found.add(word)
        if (previous !== '') found.add(`${previous} ${word}`)
        previous = word
      }
    }
    for (const entry of entries) {
      if ([...entry.keys].every((key) => found.has(key))) evidence[i * themes.length + entry.theme] += entry.weight
    }
  }
  return evidence
}

/** Words the random texts draw from: theme words, plurals, stopwords, separators, other words. */
const WORDS = ['ring', 'buffers', 'buffer', 'XDP', 'xdp-hints', 'the', 'of', 'tc', 'BPF', 'ebpf', 'tracing', 'and', 'observability', 'kernel', 'maps', 'map', 'io_uring', 'io', 'uring', 'film', 'frame', 'colour', 'packet', 'packets', 'scheduling', 'a/b', 'ﬁlter', 'filters', 'tcp', 'MPTCP', 'Ring-Buffer', 'verifier', 'verifiers', 'seccomp', 'notify']
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' '))
const talk = fc.record({ title: text, abstract: text })

describe('themeEvidence(talks, themes)', () => {
  test('agrees with the word-by-word reading on random talks, for the built-in taxonomy', () => {
    const themes = resolveThemes(undefined)
    fc.assert(fc.property(fc.array(talk, { maxLength: 6 }), (talks) => {
      const words = talkWords(talks.map((t, i) => ({ id: String(i), ...t })))
      expect(Array.from(themeEvidence(words, themes))).toEqual(Array.from(plainEvidence(words, themes)))
    }), { numRuns: 300 })
  })

  test('agrees with the word-by-word reading for themes of random multi-word entries', () => {
    const entry = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '))
    const theme = fc.record({ name: entry, aliases: fc.array(entry, { maxLength: 2 }), keywords: fc.array(entry, { maxLength: 4 }) })
    fc.assert(fc.property(fc.uniqueArray(theme, { minLength: 1, maxLength: 4, selector: (t) => t.name }), fc.array(talk, { maxLength: 5 }), (definitions, talks) => {
      const themes = resolveThemes(definitions, { taxonomy: null })
      const words = talkWords(talks.map((t, i) => ({ id: String(i), ...t })))
      expect(Array.from(themeEvidence(words, themes))).toEqual(Array.from(plainEvidence(words, themes)))
    }), { numRuns: 300 })
  })

  test('agrees with the word-by-word reading for many themes sharing their entries', () => {
    const entry = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '))
    const shared = fc.record({ aliases: fc.array(entry, { maxLength: 2 }), keywords: fc.array(entry, { maxLength: 6 }) })
    fc.assert(fc.property(shared, fc.array(entry, { minLength: 1, maxLength: 12 }), fc.array(talk, { maxLength: 4 }), (lists, names, talks) => {
      const themes = resolveThemes([...new Set(names)].map((name) => ({ name, ...lists })), { taxonomy: null })
      const words = talkWords(talks.map((t, i) => ({ id: String(i), ...t })))
      expect(Array.from(themeEvidence(words, themes))).toEqual(Array.from(plainEvidence(words, themes)))
    }), { numRuns: 300 })
  })

  test('counts a two-word keyword once however often the pair recurs', () => {
    const themes = resolveThemes([{ name: 'Tracing', keywords: ['ring buffer'] }], { taxonomy: null })
    expect(themeEvidence(talkWords([{ id: 'a', title: 'Ring buffers', abstract: 'a ring buffer, the ring of buffers' }]), themes)[0]).toBe(1)
  })

  test('reads the same from talkWordsAmong(talks, evidenceWords(themes)) as from every word, stopword options too', () => {
    const entry = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '))
    const theme = fc.record({ name: entry, aliases: fc.array(entry, { maxLength: 2 }), keywords: fc.array(entry, { maxLength: 4 }) })
    const options = fc.record({ stopwords: fc.array(fc.constantFrom(...WORDS, 'ring', 'buffers'), { maxLength: 3 }), keepWords: fc.array(fc.constantFrom('the', 'of', 'and'), { maxLength: 2 }) })
    fc.assert(fc.property(fc.uniqueArray(theme, { minLength: 1, maxLength: 4, selector: (t) => t.name }), fc.array(talk, { maxLength: 5 }), options, (definitions, texts, stopwords) => {
      const themes = resolveThemes(definitions, { taxonomy: null })
      const talks = texts.map((t, i) => ({ id: String(i), ...t }))
      const every = themeEvidence(talkWords(talks), themes, stopwords)
      expect(Array.from(themeEvidence(talkWordsAmong(talks, evidenceWords(themes, stopwords)), themes, stopwords))).toEqual(Array.from(every))
    }), { numRuns: 300 })
  })
})

describe('taxonomyFit(talks, taxonomy) read among the evidence words', () => {
  test('gives the fit of the evidence of every word, on random talks', () => {
    const themes = resolveThemes(undefined)
    fc.assert(fc.property(fc.array(talk, { maxLength: 8 }), (texts) => {
      const talks = texts.map((t, i) => ({ id: String(i), ...t }))
      expect(taxonomyFit(talks, BUILTIN_TAXONOMY)).toEqual(fitOfEvidence(themeEvidence(talkWords(talks), themes), talks.length, themes.length))
    }), { numRuns: 200 })
  })
})
