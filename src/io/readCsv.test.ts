import { describe, expect, it } from 'vitest'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('CSV', () => {
  it('parseTalks(CSV) finds columns by name and reads quoted multi-line fields', () => {
    const { talks, format } = parseTalks(fixture('io/talks.csv'), { fileName: 'talks.csv' })
    expect(format).toBe('csv')
    expect(talks.map(withoutSource)).toEqual([
      { id: 'k8s-1', title: 'Scheduling GPUs in Kubernetes', abstract: 'Device plugins, MIG partitions and the "fair share" problem.\n\nWith a live demo.', speakers: ['Lea Novak', 'Sam Ortiz'], track: 'Cloud', room: 'K.1.105' },
      { id: 'k8s-2', title: '=cmd|calc', abstract: 'A title that looks like a formula, on purpose.', speakers: ['Eve'], track: 'Security', room: 'K.1.105' },
      { id: '3-untitled-id', title: 'Untitled id', abstract: 'Talk without an id column value.' },
    ])
  })

  it('parseTalks(CSV) keeps the row as a record under source', () => {
    expect(parseTalks(fixture('io/talks.csv')).talks[1]!['source']).toEqual({ id: 'k8s-2', Title: '=cmd|calc', Abstract: 'A title that looks like a formula, on purpose.', Speakers: 'Eve', Track: 'Security', Room: 'K.1.105' })
  })

  it('parseTalks(semicolon CSV) takes the delimiter from the header line', () => {
    const { talks } = parseTalks('Title;Summary;Speakers\nA;one, two;X, Y\n', { fileName: 'x.csv' })
    expect(withoutSource(talks[0]!)).toEqual({ id: '1-a', title: 'A', abstract: 'one, two', speakers: ['X', 'Y'] })
  })

  it('parseTalks(CSV with Excel\'s sep= first line) takes the delimiter from it, quietly', () => {
    const { talks, warnings, format } = parseTalks('\uFEFFsep=;\r\nTitle;Summary;Speakers\r\nA;one, two;X, Y\r\n', { fileName: 'excel.csv' })
    expect(format).toBe('csv')
    expect(talks.map(withoutSource)).toEqual([{ id: '1-a', title: 'A', abstract: 'one, two', speakers: ['X', 'Y'] }])
    expect(warnings).toEqual([])
  })

  it.each([
    ['|', 'title|abstract\nA|a, b; c\n'],
    ['\t', 'title\tabstract\nA\ta, b; c\n'],
    [',', 'title,abstract\nA,"a; b; c"\n'],
  ])('parseTalks(CSV with sep=%j) splits on that character, whatever the header line counts', (delimiter, rest) => {
    const { talks } = parseTalks(`sep=${delimiter}\n${rest}`)
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['A', rest.includes('"') ? 'a; b; c' : 'a, b; c']])
  })

  it('parseTalks(CSV with a sep= line) counts it in the lines errors name', () => {
    expect(() => parseTalks('sep=;\nid;title\n1;A\n', { fileName: 'x.csv' })).toThrow('x.csv:2: no abstract column (looked for abstract, description, summary; the header has "id", "title")')
    expect(() => parseTalks('sep=;\ntitle;abstract\nA;"never closed\n', { fileName: 'x.csv' })).toThrow('x.csv:3: a quoted field is never closed (it runs to the end of the input)')
    expect(() => parseTalks('sep=;\n', { fileName: 'x.csv' })).toThrow('x.csv:2: no header row')
  })

  it('parseTalks(CSV with blank lines before the sep= line) takes the delimiter from it and names the header line', () => {
    const { talks } = parseTalks('\nsep=;\r\ntitle;abstract\r\nKernel talk;About kernels\r\n', { fileName: 'x.csv' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['Kernel talk', 'About kernels']])
    expect(() => parseTalks('\n\nsep=;\nid;title\n1;A\n', { fileName: 'x.csv' })).toThrow('x.csv:4: no abstract column')
  })

  it('parseTalks(CSV whose sep= line ends in CRLF and rows in LF, as Excel writes it) reads every row', () => {
    const { talks } = parseTalks('sep=;\r\ntitle;abstract\nA;x\nB;y\n', { fileName: 'x.csv' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['A', 'x'], ['B', 'y']])
    expect(() => parseTalks('sep=;\r\ntitle;abstract\nA;"never closed\n', { fileName: 'x.csv' })).toThrow('x.csv:3: a quoted field is never closed')
  })

  it('parseTalks(CSV whose rows mix CRLF, LF and CR line ends) reads every row, and errors name the file\'s lines', () => {
    const { talks } = parseTalks('title,abstract\r\nA,about kernels\nB,"about\r\ncompilers"\r\n\nC,about storage\rD,about tracing\n', { fileName: 'mixed.csv' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['A', 'about kernels'], ['B', 'about\ncompilers'], ['C', 'about storage'], ['D', 'about tracing']])
    expect(() => parseTalks('title,abstract\r\nA,x\nB,"never closed\r\n', { fileName: 'mixed.csv' })).toThrow('mixed.csv:3: a quoted field is never closed')
    expect(() => parseTalks('title,abstract\rA,x\rB,"never closed\r\n', { fileName: 'cr.csv' })).toThrow('cr.csv:3: a quoted field is never closed')
    expect(() => parseTalks('sep=;\r\ntitle;abstract\rA;x\rB;"never\r', { fileName: 'cr.csv' })).toThrow('cr.csv:4: a quoted field is never closed')
    expect(() => parseTalks('title,abstract\nA,x\n\n\n"never closed\n', { fileName: 'x.csv' })).toThrow('x.csv:5: a quoted field is never closed')
  })

  it('parseTalks(CSV) names the line of a bad field, a CRLF inside a quoted field counting once', () => {
    expect(() => parseTalks('title,abstract\r\nA,"multi\r\nline"\r\nC,"q"w\r\n', { fileName: 'x.csv' })).toThrow('x.csv:4: text right after a closing quote')
    expect(() => parseTalks('title,abstract\nA,"one\ntwo\nthree",x\nB,q"w\n', { fileName: 'x.csv' })).toThrow('x.csv:5: a quote inside an unquoted field')
  })

  it('parseTalks(CSV) ends a row at a lone CR outside quotes, as Python\'s csv reader does, and keeps one inside quotes', () => {
    const { talks } = parseTalks('title,abstract\nA,about\rB,kernels\nC,"x\ry"\n', { fileName: 'x.csv' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['A', 'about'], ['B', 'kernels'], ['C', 'x\ny']])
  })

  it('parseTalks(CSV) reads a first line that is not exactly sep=<one character> as the header', () => {
    expect(() => parseTalks('sep=;;\ntitle;abstract\nA;a\n', { fileName: 'x.csv' })).toThrow('x.csv:1: no abstract column')
    expect(() => parseTalks('Sep = ;\ntitle;abstract\nA;a\n', { fileName: 'x.csv' })).toThrow('x.csv:1: no abstract column')
  })

  it('parseTalks(CSV without an abstract column) names the header line and its columns', () => {
    expect(() => parseTalks('id,title\n1,A\n', { fileName: 'talks.csv' })).toThrow('talks.csv:1: no abstract column (looked for abstract, description, summary; the header has "id", "title")')
  })

  it('parseTalks(CSV with an unclosed quote) reports it with a line', () => {
    expect(() => parseTalks('title,abstract\nA,"never closed\nB,b\n', { fileName: 'q.csv' })).toThrow('q.csv:2: a quoted field is never closed (it runs to the end of the input)')
  })

  it('parseTalks(CSV row with neither title nor abstract) names the row', () => {
    expect(() => parseTalks('id,title,abstract\n1,A,a\n2,,\n', { fileName: 'talks.csv' })).toThrow('talks.csv row 2: no title and no abstract')
  })

  it.each(['UID', 'paper_id', 'Submission ID', 'code', '#', 'ID'])('parseTalks(CSV) finds the id column %j by name', (name) => {
    const { talks } = parseTalks(`${name},Title,Abstract\nP-17,Sparse attention,We prune heads.\n`, { format: 'csv' })
    expect(talks[0]!.id).toBe('P-17')
    expect(talks[0]).not.toHaveProperty(name)
  })
})
