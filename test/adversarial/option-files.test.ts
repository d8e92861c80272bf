import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, talkatlas } from '../helpers/cli.js'

const input = join(root, 'fixtures/small/four-topics-20.json')
const scratch = (): string => mkdtempSync(join(tmpdir(), 'talkatlas-option-'))

/**
 * Every keyword of every theme `talkatlas themes` prints.
 * @param stdout JSON output of `themes`.
 */
const keywords = (stdout: string): string[] => (JSON.parse(stdout) as { themes: Array<{ keywords: string[] }> }).themes.flatMap((theme) => theme.keywords)

/**
 * UTF-16LE bytes with a byte-order mark, as Windows editors save "Unicode" text.
 * @param text Text.
 */
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

describe('files given to options are decoded like inputs', () => {
  it('a --stopwords file saved as UTF-16 with a byte-order mark drops its words', () => {
    const dir = scratch()
    const utf8 = join(dir, 'utf8.txt')
    const utf16 = join(dir, 'utf16.txt')
    writeFileSync(utf8, 'bread\r\n')
    writeFileSync(utf16, utf16le('bread\r\n'))
    const plain = talkatlas(['themes', input, '--threads', '1', '-q'])
    expect(keywords(plain.stdout)).toContain('bread')
    const fromUtf8 = talkatlas(['themes', input, '--stopwords', utf8, '--threads', '1', '-q'])
    const fromUtf16 = talkatlas(['themes', input, '--stopwords', utf16, '--threads', '1', '-q'])
    expect(keywords(fromUtf8.stdout)).not.toContain('bread')
    expect(fromUtf16.code).toBe(0)
    expect(fromUtf16.stdout).toBe(fromUtf8.stdout)
  })

  it('a --themes file saved as UTF-16 with a byte-order mark is read', () => {
    const file = join(scratch(), 'themes.json')
    writeFileSync(file, utf16le('[{"name":"Baking","keywords":["bread","oven"]},{"name":"Sailing","keywords":["boat"]}]'))
    const run = talkatlas(['tag', input, '--themes', file, '--threads', '1', '-q'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('"theme":"Baking"')
  })

  it('invalid UTF-8 in a --stopwords or --constraints file exits 2 naming the file and line', () => {
    const dir = scratch()
    const stopwords = join(dir, 'stop.txt')
    writeFileSync(stopwords, Buffer.concat([Buffer.from('bread\noven\n'), Buffer.from([0xff, 0xfe, 0x0a])]))
    const run = talkatlas(['themes', input, '--stopwords', stopwords, '-q'])
    expect(run.stderr).toBe(`talkatlas: ${stopwords}:3: invalid UTF-8 (the first bad bytes are on this line); save the file as UTF-8\n`)
    expect(run.code).toBe(2)
    const constraints = join(dir, 'c.json')
    writeFileSync(constraints, Buffer.concat([Buffer.from('{"together":[["t01","'), Buffer.from([0xc3]), Buffer.from('"]]}')]))
    const sessions = talkatlas(['sessions', input, '--size', '4', '--constraints', constraints, '-q'])
    expect(sessions.stderr).toBe(`talkatlas: ${constraints}:1: invalid UTF-8 (the first bad bytes are on this line); save the file as UTF-8\n`)
    expect(sessions.code).toBe(2)
  })

  it('a --stopwords file with NUL characters (UTF-16 too short to recognise) exits 2 naming the file and line', () => {
    const dir = scratch()
    const stopwords = join(dir, 'short-utf16.txt')
    writeFileSync(stopwords, Buffer.concat([Buffer.from('bread\n'), Buffer.from('oven\n', 'utf16le')]))
    const run = talkatlas(['themes', input, '--stopwords', stopwords, '-q'])
    expect(run.stderr).toBe(`talkatlas: ${stopwords}:2: contains NUL characters (a binary file, or UTF-16 without a byte order mark?); save the file as UTF-8\n`)
    expect(run.code).toBe(2)
  })
})
