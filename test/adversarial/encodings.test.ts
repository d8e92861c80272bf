import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, talkatlas } from '../helpers/cli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'talkatlas-encoding-'))

/** Titles and abstracts `talkatlas convert` prints. */
const titlesOf = (stdout: string): string[][] => (JSON.parse(stdout) as { talks: Array<{ title: string; abstract: string }> }).talks.map((talk) => [talk.title, talk.abstract])

describe('inputs in an encoding their bytes do not announce', () => {
  it('a UTF-16LE CSV without byte order mark (Excel "Unicode text") is read, with one warning naming the encoding', () => {
    const path = join(scratch(), 'talks.csv')
    writeFileSync(path, Buffer.from('title\tabstract\r\nCafé talk\tÜber die Straße ✓\r\nΕισαγωγή\tnaïve 日本語\r\n', 'utf16le'))
    const run = talkatlas(['convert', path])
    expect(run.code).toBe(0)
    expect(titlesOf(run.stdout)).toEqual([['Café talk', 'Über die Straße ✓'], ['Εισαγωγή', 'naïve 日本語']])
    expect(run.stderr).toBe(`talkatlas: warning: ${path}: no byte order mark, but NULs at every other byte: read as UTF-16LE\n`)
  })

  it('a UTF-16BE JSON file without byte order mark is read', () => {
    const path = join(scratch(), 'talks.json')
    const units = Buffer.from('[{"id":"a","title":"Ünïcode","abstract":"Ωmega"}]', 'utf16le').swap16()
    writeFileSync(path, units)
    const run = talkatlas(['convert', path, '-q'])
    expect(run.code).toBe(0)
    expect(titlesOf(run.stdout)).toEqual([['Ünïcode', 'Ωmega']])
  })

  it('an XML file declaring encoding="UTF-16" but stored as ASCII is read as UTF-8, with a warning', () => {
    const path = join(scratch(), 's.xml')
    writeFileSync(path, '<?xml version="1.0" encoding="UTF-16"?>\n<schedule><day date="2024-01-01"><room name="A"><event id="1"><title>Café</title><abstract>About coffee</abstract></event></room></day></schedule>\n')
    const run = talkatlas(['convert', path])
    expect(run.code).toBe(0)
    expect(titlesOf(run.stdout)).toEqual([['Café', 'About coffee']])
    expect(run.stderr).toBe(`talkatlas: warning: ${path}:1: the XML declaration says encoding="UTF-16", but the bytes are not UTF-16: read as UTF-8\n`)
  })

  it('a --stopwords file in UTF-16LE without byte order mark drops its words', () => {
    const input = join(root, 'fixtures/small/four-topics-20.json')
    const dir = scratch()
    writeFileSync(join(dir, 'utf8.txt'), 'bread\r\noven\r\n')
    writeFileSync(join(dir, 'utf16.txt'), Buffer.from('bread\r\noven\r\n', 'utf16le'))
    const fromUtf8 = talkatlas(['themes', input, '--stopwords', join(dir, 'utf8.txt'), '--threads', '1', '-q'])
    const fromUtf16 = talkatlas(['themes', input, '--stopwords', join(dir, 'utf16.txt'), '--threads', '1', '-q'])
    expect(fromUtf8.stdout).not.toContain('"bread"')
    expect(fromUtf16.code).toBe(0)
    expect(fromUtf16.stdout).toBe(fromUtf8.stdout)
  })
})
