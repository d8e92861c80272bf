import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readTalkTerms, TermStreamsMerger } from '../vectorize/tfidf.js'
import { corpusLanguages, corpusLanguagesOf, foreignStopwords } from './corpusLanguages.js'
import { LANGUAGES } from './language.js'
import { tokenize } from './tokenize.js'
import { allLanguages } from './languagePacks.js'
import { registerLanguages } from './languageRegistry.js'

// Languages other than English are registered by the caller; the CLI registers all of them.
registerLanguages(...allLanguages)

const english = 'We measure the latency of the scheduler and show how it changes with the load of the system.'
const german = 'Wir messen die Latenz des Schedulers und zeigen, wie sie sich mit der Last des Systems ändert.'
const french = 'Nous mesurons la latence du planificateur et montrons comment elle change avec la charge.'

describe('corpusLanguages(texts)', () => {
  it('lists the languages other than English that lead in at least 2 texts', () => {
    expect(corpusLanguages([english, german, english, german, french])).toEqual(['de'])
  })

  it('is empty for an English corpus and for no texts', () => {
    expect(corpusLanguages([english, english, english])).toEqual([])
    expect(corpusLanguages([])).toEqual([])
  })

  it('needs 1 % of the texts: 3 German texts among 497 English ones do not count', () => {
    const texts = [...Array.from({ length: 497 }, () => english), german, german, german]
    expect(corpusLanguages(texts)).toEqual([])
    expect(corpusLanguages([...texts, ...Array.from({ length: 3 }, () => german)])).toEqual(['de'])
  })
})

describe('foreignStopwords(languages)', () => {
  it('holds the stopwords of the languages given but English, single letters included', () => {
    const words = foreignStopwords(['en', 'de'])
    for (const word of ['kann', 'schon', 'c', 'v', 'und']) expect(words.has(word)).toBe(true)
    expect(words.has('the')).toBe(false)
    expect(foreignStopwords(['en']).size).toBe(0)
  })
})

describe('corpusLanguagesOf(n, mainOf): the languages the term reader told', () => {
  const italian = 'Misuriamo la latenza dello scheduler e mostriamo come cambia con il carico del sistema.'
  const pieces = [english, german, french, italian, 'XDP eBPF io_uring', 'Die', 'le', '', 'C++ und', "l'état", 'Ünïcödé – naïve café']

  it('gives what reading the texts again gives, whatever the mix and the sample', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...pieces)), { maxLength: 40 }), fc.integer({ min: 1, max: 600 }), (talks, copies) => {
        const texts = talks.map(([title, abstract]) => ({ id: '', title, abstract }))
        // Above 500 texts only a sample is read.
        const many = copies > 20 && texts.length > 0 ? Array.from({ length: copies }, (_, i) => texts[i % texts.length]!) : texts
        const streams = readTalkTerms(many)
        expect(streams.mainLanguages).toHaveLength(many.length)
        const told = corpusLanguagesOf(many.length, (index) => LANGUAGES[streams.mainLanguages![index]!]!)
        expect(told).toEqual(corpusLanguages(many.map((talk) => `${talk.title}\n${talk.abstract}`)))
      }),
      { numRuns: 60 },
    )
  })

  it('reads title and abstract into the tokens of title, newline, abstract', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...pieces), (title, abstract, words) => {
        const t = `${title}${words}`
        expect([...tokenize(t), ...tokenize(abstract)]).toEqual(tokenize(`${t}\n${abstract}`))
      }),
    )
  })

  it('is carried through the merge of parts read apart, each text at its place', () => {
    const texts = [english, german, french, italian, german, english, french].map((text, i) => ({ id: String(i), title: text, abstract: text }))
    const whole = readTalkTerms(texts).mainLanguages
    expect([...whole!].map((index) => LANGUAGES[index])).toEqual(['en', 'de', 'fr', 'it', 'de', 'en', 'fr'])
    const merger = new TermStreamsMerger(readTalkTerms(texts.slice(0, 2)))
    merger.append(readTalkTerms(texts.slice(2, 3)))
    merger.append(readTalkTerms(texts.slice(3)))
    expect(merger.result().mainLanguages).toEqual(whole)
    const setForOnePart = new TermStreamsMerger(readTalkTerms(texts.slice(0, 2)))
    setForOnePart.append(readTalkTerms(texts.slice(2), { language: 'de' }))
    expect(setForOnePart.result().mainLanguages).toBeUndefined()
  })

  it('is not told when the language is set for all texts', () => {
    expect(readTalkTerms([{ title: german, abstract: german }], { language: 'de' }).mainLanguages).toBeUndefined()
  })
})
