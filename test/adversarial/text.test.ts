import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/io/decodeBytes.js'
import { parseTalks } from '../../src/io/parseTalks.js'
import { readTalksFile } from '../../src/io/readTalksFile.js'
import { talkatlas } from '../helpers/cli.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

describe('adversarial text', () => {
  it('decodeBytes replaces invalid UTF-8 with U+FFFD and warns with the line', () => {
    const bytes = concat(utf8('Title one\nBody\n\nTitle two\nbad '), new Uint8Array([0xff, 0xfe, 0xc3]), utf8(' bytes\n'))
    const { text, warnings } = decodeBytes(bytes, { fileName: 'talks.txt' })
    expect(text).toBe('Title one\nBody\n\nTitle two\nbad \uFFFD\uFFFD\uFFFD bytes\n')
    expect(warnings).toEqual([{ code: 'invalid-utf8', message: 'talks.txt:5: invalid UTF-8, bad bytes replaced with U+FFFD (first at this line)' }])
  })

  it('readTalksFile reads a file with invalid UTF-8 and passes the warning on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-text-'))
    const path = join(dir, 'talks.txt')
    writeFileSync(path, concat(utf8('Caf'), new Uint8Array([0xe9]), utf8(' talk\nAbout coffee.\n')))
    const { talks, warnings } = await readTalksFile(path)
    expect(talks[0]!.title).toBe('Caf\uFFFD talk')
    expect(warnings[0]!.code).toBe('invalid-utf8')
  })

  it('decodeBytes honours a UTF-16 byte order mark and an XML encoding declaration', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Hi ✓', (ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]).flat()])
    expect(decodeBytes(utf16).text).toBe('Hi ✓')
    const latin1 = concat(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><x>Caf'), new Uint8Array([0xe9]), utf8('</x>'))
    expect(decodeBytes(latin1).text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><x>Café</x>')
  })

  it('parseTalks strips NUL characters and says how many', () => {
    const { talks, warnings } = parseTalks('Ti\u0000tle\nBo\u0000dy\n\n\u0000\u0000\n', { fileName: 'n.txt' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([['Title', 'Body']])
    expect(warnings).toEqual([{ code: 'nul-characters', message: 'n.txt: removed 4 NUL characters' }])
  })

  it('parseTalks keeps CJK, emoji with joiners and right-to-left text intact', () => {
    const text = '分散システム入門\n一貫性と可用性のトレードオフ 👩🏽‍💻\n\nمقدمة في التعلم الآلي\nנושאים מתקדמים 🇮🇱'
    const { talks } = parseTalks(text, { format: 'text' })
    expect(talks.map((talk) => [talk.title, talk.abstract])).toEqual([
      ['分散システム入門', '一貫性と可用性のトレードオフ 👩🏽‍💻'],
      ['مقدمة في التعلم الآلي', 'נושאים מתקדמים 🇮🇱'],
    ])
  })

  it('terminal escapes in talk text never reach the terminal table', () => {
    const run = talkatlas(['convert', '-', '--format', 'table'], { input: '[{"id":"x","title":"Evil \\u001b[2J\\u001b]0;owned\\u0007title \\u202eRTL","abstract":"a\\u009b31mb"}]' })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/)
    expect(run.stdout).toContain('Evil [2J]0;ownedtitle RTL')
  })

  it('bidi overrides and isolates in talk ids never reach the Markdown of any command', () => {
    const talks = [
      { id: 'rust-\u202egnp.exe', title: 'Rust borrow checker', abstract: 'Lifetimes and ownership in the Rust borrow checker.' },
      { id: 'xdp-\u2066iso\u2069', title: 'XDP packet processing', abstract: 'Packet processing with XDP and eBPF in the kernel.' },
      { id: 'pg-vacuum', title: 'PostgreSQL vacuum', abstract: 'Vacuum, bloat and transactions in PostgreSQL tables.' },
      { id: 'rust-async', title: 'Async Rust', abstract: 'Async Rust, futures and the borrow checker.' },
    ]
    const input = JSON.stringify(talks)
    for (const args of [['convert'], ['themes'], ['themes', '--level', 'tree'], ['related'], ['tag'], ['sessions', '--size', '2']]) {
      const run = talkatlas([...args, '-', '--format', 'md', '--threads', '1', '-q'], { input })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('`rust-gnp.exe`')
      expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
    }
  })

  it('bidi overrides in titles and speakers never reach the Markdown report', () => {
    const talks = [
      { id: 'a', title: 'Slides: talk-\u202egnp.exe', abstract: 'Rust borrow checker and lifetimes.', speakers: ['\u2066Eve\u2069'] },
      { id: 'b', title: 'XDP packet processing', abstract: 'Packet processing with XDP and eBPF.' },
      { id: 'c', title: 'Async Rust', abstract: 'Async Rust and the borrow checker.' },
    ]
    const run = talkatlas(['report', '-', '--format', 'md', '--threads', '1', '-q'], { input: JSON.stringify(talks) })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Slides: talk-gnp.exe — Eve')
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
  })

  it('C1 controls and bidi overrides in a source record are escaped in JSON output', () => {
    const run = talkatlas(['convert', '-', '--source'], { input: '[{"id":"x","title":"T","raw":"\\u009b2J \\u202e"}]' })
    expect(run.stdout).toContain('"raw":"\\u009b2J \\u202e"')
  })
})
