import { describe, expect, it } from 'vitest'
import { corpusLanguages, foreignStopwords } from './corpusLanguages.js'
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
