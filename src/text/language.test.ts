import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLanguage, isLanguage, LanguageReader, LANGUAGES, readLanguages } from './language.js'
import { allLanguages } from './languagePacks.js'
import { registerLanguages } from './languageRegistry.js'

registerLanguages(...allLanguages)

describe('detectLanguage(text)', () => {
  it('tells each language read by talkatlas from an ordinary paragraph', () => {
    expect(detectLanguage('In this talk we show how the scheduler decides which task runs next, and why it matters for latency.')).toBe('en')
    expect(detectLanguage('In diesem Vortrag zeigen wir, wie der Scheduler entscheidet, welche Aufgabe als nächste läuft, und warum das für die Latenz wichtig ist.')).toBe('de')
    expect(detectLanguage('Dans cette présentation, nous montrons comment le noyau choisit la tâche suivante et pourquoi cela compte pour la latence.')).toBe('fr')
    expect(detectLanguage('En esta charla mostramos cómo el núcleo elige la siguiente tarea y por qué es importante para la latencia.')).toBe('es')
    expect(detectLanguage('In questo intervento mostriamo come il kernel sceglie il prossimo compito e perché questo conta per la latenza.')).toBe('it')
    expect(detectLanguage('In deze presentatie laten we zien hoe de kernel de volgende taak kiest en waarom dat belangrijk is voor de latentie.')).toBe('nl')
    expect(detectLanguage('Nesta palestra mostramos como o núcleo escolhe a próxima tarefa e por que isso é importante para a latência.')).toBe('pt')
  })

  it('reads a short title with one German function word and no English one as German', () => {
    expect(detectLanguage('Workshop für Einsteiger')).toBe('de')
    expect(detectLanguage('Lötworkshop mit Kindern')).toBe('de')
  })

  it('keeps English for texts without function words, and skips acronyms that spell one elsewhere', () => {
    expect(detectLanguage('')).toBe('en')
    expect(detectLanguage('eBPF XDP AF_XDP')).toBe('en')
    // `AI` is Italian and French for "to the" and "have"; `AOS` Portuguese for "to the".
    expect(detectLanguage('AI AOS AI: building local AI')).toBe('en')
    // Single letters are in some lists (`c`, `k` in German's): "Track C" is no German.
    expect(detectLanguage('BOF - Track C')).toBe('en')
    expect(detectLanguage('Main Track - K Building')).toBe('en')
  })
})

describe('readLanguages(text)', () => {
  it('lists both languages of an abstract written twice, the main one first', () => {
    const text =
      'Wir zeigen, wie man mit einem SDR die Bilder der Wettersatelliten empfängt, und erklären die Antenne, die man dafür selbst bauen kann. ' +
      'We show how to receive weather satellite images with an SDR.'
    expect(readLanguages(text)).toEqual({ main: 'de', present: ['de', 'en'] })
  })

  it('lists one language for a text in one language', () => {
    expect(readLanguages('We show how to receive weather satellite images with an SDR and build the antenna for it.')).toEqual({ main: 'en', present: ['en'] })
  })
})

describe('isLanguage(value)', () => {
  it('accepts exactly the codes of LANGUAGES', () => {
    expect(LANGUAGES).toEqual(['en', 'de', 'es', 'fr', 'it', 'nl', 'pt'])
    for (const code of LANGUAGES) expect(isLanguage(code)).toBe(true)
    for (const value of ['EN', 'auto', 'pl', '', 1, null]) expect(isLanguage(value)).toBe(false)
  })
})

describe('LanguageReader.distinctWordId(token)', () => {
  it('gives every token the id wordId gives, in any order of first sight, case variants included', () => {
    const words = ['die', 'Die', 'DIE', 'der', 'Der', 'the', 'The', 'le', 'LE', 'et', 'Et', 'kernel', 'AI', 'und', 'Und', 'les', 'de', 'De']
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: words.length }), (tokens) => {
        const remembered = new LanguageReader()
        const once = new LanguageReader()
        expect(tokens.map((token) => once.distinctWordId(token))).toEqual(tokens.map((token) => remembered.wordId(token)))
        const texts = [tokens, tokens.slice().reverse()]
        expect(texts.map((text) => once.readIds(Int32Array.from(text, (t) => once.distinctWordId(t)), text.length))).toEqual(texts.map((text) => remembered.read(text, text.length)))
      }),
    )
  })
})
