// Talks in several languages: detection, stopwords and stemming per talk, through the API and
// the CLI, on the invented bilingual congress (fixtures/bilingual-congress.json) and, when
// present, on the 35C3 schedule with its German and English abstracts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildAtlas, detectLanguage, registerLanguages, type Talk } from '../src/index.js'
import { allLanguages } from '../src/languages.js'
import { STOPWORD_LISTS } from '../src/text/stopwordLists.js'
import { root, talkatlas } from './helpers/cli.js'

registerLanguages(...allLanguages)

const bilingualPath = join(root, 'fixtures', 'bilingual-congress.json')
const bilingual = (JSON.parse(readFileSync(bilingualPath, 'utf8')) as { talks: (Talk & { theme: string; expectedLanguage: string })[] }).talks
const talks: Talk[] = bilingual.map(({ theme: _theme, expectedLanguage: _language, ...talk }) => talk)
const germanStopwords = new Set(STOPWORD_LISTS.de.split('|'))

/**
 * Every word of every theme label and keyword, lower case.
 * @param themes Themes of the API (keywords `{ term }`) or of the CLI's JSON (keywords as text).
 */
function themeWords(themes: readonly { label: string; keywords: readonly (string | { term: string })[] }[]): string[] {
  return themes
    .flatMap((theme) => [theme.label, ...theme.keywords.map((keyword) => (typeof keyword === 'string' ? keyword : keyword.term))])
    .flatMap((text) => text.toLowerCase().split(/[\s·]+/))
    .filter((word) => word !== '')
}

describe('bilingual corpus (12 German and 12 English talks)', () => {
  it('detectLanguage tells every German talk from every English one', () => {
    expect(bilingual.map((talk) => detectLanguage(`${talk.title}\n${talk.abstract}`))).toEqual(bilingual.map((talk) => talk.expectedLanguage))
  })

  it('buildAtlas keeps German stopwords out of every theme label and keyword', () => {
    const atlas = buildAtlas(talks, { seed: 42 })
    const words = themeWords(atlas.themes)
    expect(words.length).toBeGreaterThan(20)
    expect(words.filter((word) => germanStopwords.has(word))).toEqual([])
  })

  it('buildAtlas keeps a German function word out of labels when English talks of a German-speaking corpus use it (the single letter C)', () => {
    const cTalks: Talk[] = [
      { id: 'c-ub', title: 'Undefined behaviour in C, and how compilers exploit it', abstract: 'C leaves many operations undefined: signed overflow, out of bounds pointers, strict aliasing. Compilers for C assume undefined behaviour never happens and optimise accordingly. We read compiler output for small C functions and show where sanitizers catch the bugs.' },
      { id: 'c-mcu', title: 'Portable C for microcontrollers', abstract: 'Firmware in C runs on a dozen microcontroller families. We show how to keep C code portable across compilers, how the preprocessor hides register differences, and which sanitizers and static analysers work for embedded C.' },
      { id: 'c-23', title: 'C23: what changed in C', abstract: 'The C23 standard brings nullptr, typeof, constexpr objects and bit-precise integers to C. We walk through each change, which compilers support it today, and what it means for old C code bases that rely on undefined behaviour.' },
    ]
    const mixed = themeWords(buildAtlas([...talks, ...cTalks], { seed: 42 }).themes)
    expect(mixed.filter((word) => germanStopwords.has(word))).toEqual([])
    expect(mixed).toContain('compilers')
    // Read as English only, the same talks name their theme after C.
    expect(themeWords(buildAtlas([...talks, ...cTalks], { seed: 42, language: 'en' }).themes)).toContain('c')
  })

  it('buildAtlas with language "en" reads German talks as English, and German stopwords come back', () => {
    const atlas = buildAtlas(talks, { seed: 42, language: 'en' })
    expect(themeWords(atlas.themes).filter((word) => germanStopwords.has(word)).length).toBeGreaterThan(0)
  })

  it('buildAtlas puts German and English talks on the same topic in one theme when they share its terms', () => {
    const atlas = buildAtlas(talks, { seed: 42 })
    const radio = atlas.themes.find((theme) => theme.keywords.some((keyword) => keyword.term === 'SDR'))
    const languages = new Set(radio?.talks.map((member) => bilingual.find((talk) => talk.id === member.id)!.expectedLanguage))
    expect([...languages].sort()).toEqual(['de', 'en'])
  })

  it('buildAtlas drops the words of the stopwords option, in both languages', () => {
    const atlas = buildAtlas(talks, { seed: 42, stopwords: ['SDR', 'Antenne', 'antenna'] })
    const words = themeWords(atlas.themes)
    for (const word of ['sdr', 'antenne', 'antenna']) expect(words).not.toContain(word)
  })

  it('buildAtlas rejects an unknown language', () => {
    expect(() => buildAtlas(talks, { language: 'pl' as 'en' })).toThrow(/language/)
  })
})

describe('talkatlas CLI on the bilingual corpus', () => {
  it('convert gives each talk the language of its text', () => {
    const run = talkatlas(['convert', bilingualPath, '--format', 'json'])
    expect(run.code).toBe(0)
    const out = (JSON.parse(run.stdout) as { talks: { language: string; expectedLanguage: string }[] }).talks
    expect(out.map((talk) => talk.language)).toEqual(out.map((talk) => talk.expectedLanguage))
  })

  it('convert keeps a different language stated by the input as declaredLanguage', () => {
    const input = JSON.stringify({ talks: [{ id: 'a', title: 'Wahlcomputer', abstract: 'Wir haben die Geräte geöffnet und die Software untersucht.', language: 'en' }] })
    const run = talkatlas(['convert', '-', '--from', 'json', '--format', 'json'], { input })
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { talks: Record<string, unknown>[] }).talks[0]).toMatchObject({ language: 'de', declaredLanguage: 'en' })
  })

  it('evaluate reports the languages found', () => {
    const run = talkatlas(['evaluate', bilingualPath, '--truth', 'theme', '--format', 'json', '--quiet'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { evaluation: { languages: string } }).evaluation.languages).toBe('de 12, en 12')
  })

  it('themes --stopwords <file> drops the file\'s words from labels and keywords', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-stopwords-'))
    const file = join(dir, 'extra.txt')
    writeFileSync(file, '# radio words\nSDR\nantenna\nAntenne\n')
    const before = talkatlas(['themes', bilingualPath, '--format', 'json', '--quiet'])
    const after = talkatlas(['themes', bilingualPath, '--format', 'json', '--quiet', '--stopwords', file])
    expect(after.code).toBe(0)
    const words = (run: { stdout: string }): string[] => themeWords((JSON.parse(run.stdout) as { themes: { label: string; keywords: string[] }[] }).themes)
    expect(words(before)).toContain('sdr')
    for (const word of ['sdr', 'antenna', 'antenne']) expect(words(after)).not.toContain(word)
  })

  it('themes --stopwords with a bad file exits 2 naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-stopwords-'))
    const file = join(dir, 'bad.txt')
    writeFileSync(file, 'fine\ntwo words\n')
    const run = talkatlas(['themes', bilingualPath, '--stopwords', file])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${file}:2: expected one word per line, found "two words"`)
    expect(run.stderr).not.toContain('    at ')
    const missing = talkatlas(['tag', bilingualPath, '--stopwords', join(dir, 'missing.txt')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('missing.txt: no such file')
  })
})

const corpora = [join(root, '..', '..', 'shared', 'corpora'), join(root, '..', 'shared', 'corpora')].find((dir) => existsSync(join(dir, 'ccc-35c3.schedule.json')))

describe.skipIf(corpora === undefined)('35C3 schedule, German and English abstracts (skipped: ../shared/corpora not found)', () => {
  const file = join(corpora ?? '', 'ccc-35c3.schedule.json')

  it('convert tags the talks the schedule declares German "de", except those whose abstract is English', () => {
    const run = talkatlas(['convert', file, '--format', 'json', '--quiet'])
    expect(run.code).toBe(0)
    const out = (JSON.parse(run.stdout) as { talks: { language: string; declaredLanguage?: string; track?: string; abstract: string }[] }).talks
    const topical = out.filter((talk) => talk.track !== undefined && !['self organized sessions', 'Music'].includes(talk.track))
    const declaredGerman = topical.filter((talk) => (talk.declaredLanguage ?? talk.language) === 'de')
    expect(declaredGerman.length).toBeGreaterThan(40)
    // A schedule's language is the language spoken; a German talk may have an English abstract.
    const readGerman = declaredGerman.filter((talk) => talk.language === 'de')
    expect(readGerman.length).toBeGreaterThanOrEqual(declaredGerman.length - 3)
  }, 60_000)

  it('themes has no German stopword among labels and keywords (15% before languages were read)', () => {
    const run = talkatlas(['themes', file, '--format', 'json', '--quiet'])
    expect(run.code).toBe(0)
    const words = themeWords((JSON.parse(run.stdout) as { themes: { label: string; keywords: string[] }[] }).themes)
    expect(words.length).toBeGreaterThan(1000)
    // German words in talks read as English (`Kann`, `schon`, the letters of `C`, `V Angel`) included.
    expect(words.filter((word) => germanStopwords.has(word))).toEqual([])
  }, 120_000)
})
