import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/helpers/fixtures.js'
import { detectFormat } from './detectFormat.js'

describe('detectFormat', () => {
  it('detectFormat tells every fixture format apart by content alone', () => {
    expect(detectFormat(fixture('io/schedule.xml'))).toBe('frab-xml')
    expect(detectFormat(fixture('io/schedule.json'))).toBe('frab-json')
    expect(detectFormat(fixture('io/indico.json'))).toBe('indico')
    expect(detectFormat(fixture('io/sessionize-all.json'))).toBe('sessionize')
    expect(detectFormat(fixture('io/sessionize-sessions.json'))).toBe('sessionize')
    expect(detectFormat(fixture('io/talks.json'))).toBe('json')
    expect(detectFormat(fixture('io/talks.csv'))).toBe('csv')
    expect(detectFormat(fixture('io/talks.txt'))).toBe('text')
  })

  it('detectFormat(text, { fileName }) lets .csv, .tsv, .txt and .md decide', () => {
    expect(detectFormat('just words', { fileName: 'a.csv' })).toBe('csv')
    expect(detectFormat('a\tb', { fileName: 'a.TSV' })).toBe('csv')
    expect(detectFormat('[link](x) text', { fileName: 'notes.md' })).toBe('text')
    expect(detectFormat('{"talks":[]}', { fileName: 'x.txt' })).toBe('text')
  })

  it('detectFormat reads a bracketed first word in plain text as text, not JSON', () => {
    expect(detectFormat('[Keynote] Opening\nWelcome everyone.')).toBe('text')
  })

  it('detectFormat sees a BOM-prefixed XML document', () => {
    expect(detectFormat('\uFEFF  <?xml version="1.0"?><schedule/>')).toBe('frab-xml')
  })

  it('detectFormat needs a title-like column to call a delimited first line CSV', () => {
    expect(detectFormat('Hello, world; this is prose\nMore prose.')).toBe('text')
    expect(detectFormat('ID;Titel;Summary\n1;A;a')).toBe('csv')
  })

  it('detectFormat takes Excel\'s sep= first line for CSV', () => {
    expect(detectFormat('sep=;\r\nTitel;Zusammenfassung\r\nA;a\r\n')).toBe('csv')
    expect(detectFormat('\uFEFFsep=|\ntitle|abstract\n')).toBe('csv')
    expect(detectFormat('sep=;; is not a separator line\nprose')).toBe('text')
  })
})
