import { describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { parseStopwordFile } from './stopwordsFile.js'

describe('parseStopwordFile(text, file)', () => {
  it('reads one word per line, skipping blank lines and # comments but keeping C#', () => {
    const text = '# words our abstracts overuse\nWelcome\n\n  honorable  # greeting\r\nC#\nhttps\n'
    expect(parseStopwordFile(text, 'extra.txt')).toEqual(['Welcome', 'honorable', 'C#', 'https'])
  })

  it('names the file and line of a line with two words', () => {
    let error: unknown
    try {
      parseStopwordFile('one\ntwo words\n', 'extra.txt')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe('extra.txt:2: expected one word per line, found "two words"')
  })
})
