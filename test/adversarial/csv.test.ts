import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { formatCsv } from '../../src/io/formatCsv.js'
import { parseTalks } from '../../src/io/parseTalks.js'

describe('adversarial CSV input', () => {
  it('a short (ragged) row reads missing fields as empty and is reported', () => {
    const { talks, warnings } = parseTalks('title,abstract,track\nA,a,x\nB,b\n', { fileName: 'r.csv' })
    expect(talks.map((talk) => [talk.title, talk.abstract, talk['track']])).toEqual([['A', 'a', 'x'], ['B', 'b', undefined]])
    expect(warnings).toEqual([{ code: 'ragged-row', message: '1 row with fewer fields than the header, missing fields read as empty: row 2' }])
  })

  it('a stray quote inside an unquoted field names the line and column', () => {
    expect(() => parseTalks('title,abstract\nA,say "hi" now\n', { fileName: 'q.csv' })).toThrow('q.csv:2: a quote inside an unquoted field (column 2); quote the whole field and double the quotes inside it')
  })

  it('a long row is an unreadable talk naming the row, or skipped with skipInvalid', () => {
    const text = 'title,abstract\nA,a\nB,b,extra\n'
    expect(() => parseTalks(text, { fileName: 'r.csv' })).toThrow('r.csv row 2: 3 fields, the header has 2 (an unquoted delimiter?)')
    const { talks, warnings } = parseTalks(text, { fileName: 'r.csv', skipInvalid: true })
    expect(talks.map((talk) => talk.title)).toEqual(['A'])
    expect(warnings[0]!.message).toBe('skipped 1 unreadable talk: r.csv row 2: 3 fields, the header has 2 (an unquoted delimiter?)')
  })

  it('a BOM before the header does not end up in a column name', () => {
    const { talks } = parseTalks('\uFEFFid,title,abstract\nx,A,a\n', { format: 'csv' })
    expect(talks[0]!.id).toBe('x')
  })

  it('CRLF line ends and quoted CRLF inside fields are read as line breaks', () => {
    const { talks } = parseTalks('title,abstract\r\nA,"line one\r\nline two"\r\nB,b\r\n', { format: 'csv' })
    expect(talks.map((talk) => talk.abstract)).toEqual(['line one\nline two', 'b'])
  })

  it('a row of empty fields is a blank line, not a talk', () => {
    expect(parseTalks('title,abstract\nA,a\n,\n', { format: 'csv' }).talks).toHaveLength(1)
  })

  it('a header cell named __proto__ pollutes nothing', () => {
    const { talks } = parseTalks('__proto__,title,abstract\npolluted,A,a\n', { format: 'csv' })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.keys(talks[0]!)).toEqual(['id', 'title', 'abstract', 'source'])
  })
})

describe('CSV output against formula injection', () => {
  it('formatCsv neutralises cells starting with =, +, -, @, tab and carriage return', () => {
    expect(formatCsv([['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', '＝1']])).toBe(`'=1+2,'+1,'-1,'@SUM(A1),'\tx,"'\rx",plain,'＝1\n`)
  })

  it('formatCsv writes numbers as numbers, even negative ones', () => {
    expect(formatCsv([[-1, 2.5, true, null, undefined, ['a', 'b']]])).toBe('-1,2.5,true,,,a; b\n')
  })

  it('formatCsv quotes delimiters, quotes and line breaks', () => {
    expect(formatCsv([['a,b', 'say "hi"', 'two\nlines', ' padded ']])).toBe('"a,b","say ""hi""","two\nlines"," padded "\n')
  })

  it('formatCsv output parses back to the same cells, formula cells prefixed with a quote', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const width = rows[0]!.length
      const table = rows.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? ''))
      const parsed = parse(formatCsv(table), { relax_column_count: true }) as string[][]
      const expected = table.map((row) => row.map((cell) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell)))
      expect(parsed).toEqual(expected)
    }))
  })
})
