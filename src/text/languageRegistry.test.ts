// The registry is module state: this file starts with nothing registered (vitest gives each
// test file its own modules) and registers as it goes, so the tests run in order.
import { describe, expect, it } from 'vitest'
import { OptionError } from '../errors.js'
import { fitTfidf } from '../vectorize/tfidf.js'
import { detectLanguage, readLanguages } from './language.js'
import { allLanguages, french, german } from './languagePacks.js'
import { isRegisteredLanguage, languagePack, languageReader, registerLanguages, type LanguagePack } from './languageRegistry.js'
import { LanguageReader } from './language.js'
import { tokenize } from './tokenize.js'
import { stem, stemIn } from './stem.js'
import { DEFAULT_STOPWORDS, languageStopwords } from './stopwords.js'

const GERMAN = 'In diesem Vortrag zeigen wir, wie der Scheduler entscheidet, welche Aufgabe als nächste läuft, und warum das für die Latenz wichtig ist.'
const FRENCH = 'Dans cette présentation, nous montrons comment le noyau choisit la tâche suivante et pourquoi cela compte pour la latence.'

describe('registerLanguages(...packs)', () => {
  it('reads every text as English before any language is registered', () => {
    expect(isRegisteredLanguage('en')).toBe(true)
    expect(isRegisteredLanguage('de')).toBe(false)
    expect(detectLanguage(GERMAN)).toBe('en')
    expect(readLanguages(GERMAN)).toEqual({ main: 'en', present: ['en'] })
    expect(stemIn('netzwerke', 'de')).toBe(stem('netzwerke'))
    expect(languageStopwords('de')).toBe(DEFAULT_STOPWORDS)
  })

  it('gives the tokenizer an English-only reader before any registration, reading what LanguageReader reads', () => {
    for (const text of [GERMAN, FRENCH, 'The scheduler picks the next task']) {
      const tokens = tokenize(text)
      expect(languageReader().read(tokens, tokens.length)).toEqual(new LanguageReader().read(tokens, tokens.length))
      expect(languageReader().read(tokens, tokens.length)).toEqual({ main: 'en', present: ['en'] })
    }
    expect(languageReader()).not.toBeInstanceOf(LanguageReader)
  })

  it('makes fitTfidf refuse a language option that is not registered, naming the way out', () => {
    expect(() => fitTfidf([{ title: 'Netzwerke', abstract: '' }], { language: 'de' })).toThrow(OptionError)
    expect(() => fitTfidf([{ title: 'Netzwerke', abstract: '' }], { language: 'de' })).toThrow(/language="de" is not registered: call registerLanguages/)
  })

  it('detects, stems and drops the stopwords of a registered language, and of it alone', () => {
    registerLanguages(german)
    expect(languagePack('de')).toBe(german)
    expect(languageReader()).toBeInstanceOf(LanguageReader)
    expect(languageReader().read(tokenize(GERMAN), tokenize(GERMAN).length).main).toBe('de')
    expect(detectLanguage(GERMAN)).toBe('de')
    expect(detectLanguage(FRENCH)).toBe('en')
    expect(stemIn('netzwerke', 'de')).toBe('netzwerk')
    expect(languageStopwords('de').has('und')).toBe(true)
    expect(languageStopwords('de').has('vortrag')).toBe(true)
    expect(() => fitTfidf([{ title: 'Netzwerke und Router', abstract: '' }], { language: 'de' })).not.toThrow()
  })

  it('rebuilds what it derived when more languages are registered', () => {
    registerLanguages(...allLanguages)
    expect(detectLanguage(FRENCH)).toBe('fr')
    expect(languagePack('fr')).toBe(french)
    expect(stemIn('sécurité', 'fr')).toBe('sécur')
  })

  it('uses a pack registered again in place of the first', () => {
    const shouting: LanguagePack = { ...german, stopwords: 'und|oder', stem: (word) => word.toUpperCase() }
    registerLanguages(shouting)
    expect(stemIn('netzwerke', 'de')).toBe('NETZWERKE')
    expect(languageStopwords('de').has('der')).toBe(false)
    registerLanguages(german)
    expect(stemIn('netzwerke', 'de')).toBe('netzwerk')
    expect(languageStopwords('de').has('der')).toBe(true)
  })

  it("drops a pack's talk words with its stopwords but does not detect the language by them", () => {
    const plain: LanguagePack = { language: 'de', stopwords: german.stopwords, stem: german.stem }
    registerLanguages(plain)
    expect(languageStopwords('de').has('vortrag')).toBe(false)
    registerLanguages(german)
    expect(languageStopwords('de').has('vortrag')).toBe(true)
    expect(languageStopwords('de').has('möglichkeiten')).toBe(true)
    expect(detectLanguage('Vortrag Referent zeigen')).toBe('en')
  })

  it('rejects English and anything that is not a pack, naming the field that is wrong', () => {
    const rejected: [unknown, string][] = [
      [{ ...german, language: 'en' }, 'registerLanguages: language="en" is invalid, expected a pack from talkatlas/languages'],
      [{ ...german, language: 'pl' }, 'registerLanguages: language="pl" is invalid'],
      [{ ...german, stem: 'x' }, 'registerLanguages: de pack\'s stem="x" is invalid, expected a function (a pack from talkatlas/languages'],
      [{ ...german, talkWords: ['vortrag'] }, 'registerLanguages: de pack\'s talkWords=[object Array] is invalid, expected a string of words or nothing'],
      [{ language: 'de' }, 'registerLanguages: de pack\'s stopwords=undefined is invalid, expected a string of words'],
      [undefined, 'registerLanguages: pack=undefined is invalid'],
      [null, 'registerLanguages: pack=null is invalid'],
    ]
    for (const [bad, message] of rejected) {
      expect(() => registerLanguages(french, bad as LanguagePack)).toThrow(OptionError)
      expect(() => registerLanguages(french, bad as LanguagePack)).toThrow(message)
    }
  })
})
