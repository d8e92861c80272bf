import { describe, expect, it, vi } from 'vitest'
import { isLabelTerm, wordKind } from './labelTerms.js'

describe('isLabelTerm(term)', () => {
  it('keeps topical nouns, noun phrases, gerunds, identifiers and acronyms', () => {
    for (const term of ['XDP', 'eBPF programs', 'io_uring', 'GTK4', 'RISC-V', 'profiling', 'tracing', 'research', 'design', 'open source', 'instruction set', 'tests', 'edges', 'supply chain', 'telescope', 'bread', 'Kubernetes']) {
      expect(isLabelTerm(term), term).toBe(true)
    }
  })

  it('drops adverbs, generic verbs, lone adjectives, greetings, contractions and URL or host fragments', () => {
    for (const term of ['easily', 'seamlessly', 'typically', 'newly', 'find', 'dive', 'landed', 'introduced', 'weaponize', 'powerful', 'sure', 'Welcome', 'attend Please', 'Please don’t', 'we’ll', 'https', 'www', 'github.com', 'docs.kernel.org', 'privilege necessary']) {
      expect(isLabelTerm(term), term).toBe(false)
    }
  })
})

describe('isLabelTerm(term): shell nouns', () => {
  it('drops an abstract noun that only points at content said elsewhere, alone, not inside a phrase', () => {
    for (const term of ['cases', 'features', 'approach', 'solutions', 'issues', 'way']) expect(isLabelTerm(term), term).toBe(false)
    for (const term of ['use cases', 'test cases', 'function', 'devices']) expect(isLabelTerm(term), term).toBe(true)
  })
})

describe('wordKind(word)', () => {
  it('reads the lexicon and the regular endings', () => {
    expect(wordKind('obviously')).toBe('adverb')
    expect(wordKind('introduced')).toBe('verb')
    expect(wordKind('seamless')).toBe('adjective')
    expect(wordKind('scheduler')).toBe('noun')
    expect(wordKind('BTF')).toBe('noun')
  })
})

describe('takeGeneralWordListsFrom(source)', () => {
  it('builds the lexicon from the lists the source gives, else unpacks them here', async () => {
    vi.resetModules()
    const fresh = await import('./labelTerms.js')
    const lists = fresh.unpackGeneralWordLists()
    fresh.takeGeneralWordListsFrom(() => [`${lists[0]} xylophone`, lists[1], lists[2]])
    expect(fresh.wordKind('xylophone')).toBe('verb')
    vi.resetModules()
    const unsupplied = await import('./labelTerms.js')
    unsupplied.takeGeneralWordListsFrom(() => undefined)
    expect(unsupplied.wordKind('xylophone')).toBe('noun')
    expect(unsupplied.wordKind('accelerate')).toBe('verb')
  })
})
