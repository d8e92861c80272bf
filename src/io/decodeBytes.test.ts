import { describe, expect, it } from 'vitest'
import { decodeBytes } from './decodeBytes.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** UTF-16 code units of `text`, low byte first (LE) or high byte first (BE), no byte order mark. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes[2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff
    bytes[2 * i + (order === 'le' ? 1 : 0)] = unit >> 8
  }
  return bytes
}

const csv = 'title\tabstract\nCafé talk\tÜber die Straße ✓ — naïve 日本語\n'

describe('decodeBytes', () => {
  it('decodeBytes(UTF-16LE without byte order mark) decodes it and says so', () => {
    const { text, warnings } = decodeBytes(utf16(csv, 'le'), { fileName: 'excel.txt' })
    expect(text).toBe(csv)
    expect(warnings).toEqual([{ code: 'encoding-assumed', message: 'excel.txt: no byte order mark, but NULs at every other byte: read as UTF-16LE' }])
  })

  it('decodeBytes(UTF-16BE without byte order mark) decodes it and says so', () => {
    const { text, warnings } = decodeBytes(utf16(csv, 'be'))
    expect(text).toBe(csv)
    expect(warnings).toEqual([{ code: 'encoding-assumed', message: 'input: no byte order mark, but NULs at every other byte: read as UTF-16BE' }])
  })

  it('decodeBytes(UTF-16LE of Cyrillic prose) is still UTF-16LE: spaces and punctuation carry the NULs', () => {
    const russian = 'Введение в безопасное системное программирование. Как писать надёжный код, который не падает под нагрузкой и не теряет данные.\n'
    expect(decodeBytes(utf16(russian, 'le')).text).toBe(russian)
  })

  it('decodeBytes(UTF-16LE of Korean and Chinese without byte order mark) is UTF-16LE: 가 U+AC00 and 一 U+4E00 put NULs on the other parity', () => {
    const json = JSON.stringify([{ title: '대학 가을 저장소 대규모 분산 시스템', abstract: '대규모 분산 저장소를 가볍게 다루는 방법. 一个最简单的存储系统。' }, { title: '가상 머신', abstract: '저장소와 대기열.' }])
    const { text, warnings } = decodeBytes(utf16(json, 'le'))
    expect(text).toBe(json)
    expect(warnings.map((warning) => warning.code)).toEqual(['encoding-assumed'])
  })

  it('decodeBytes(UTF-8 with a few NULs) stays UTF-8', () => {
    const sevenOnOneParity = 'a\0'.repeat(7)
    for (const text of ['Ti\0tle\nBo\0dy\n\n\0\0\n', sevenOnOneParity, `${'Title\nAbstract with a stray NUL\0 here.\n\n'.repeat(200)}`]) {
      const { text: decoded, warnings } = decodeBytes(utf8(text))
      expect(decoded).toBe(text)
      expect(warnings).toEqual([])
    }
  })

  it('decodeBytes(UTF-8 with a block of NULs) stays UTF-8: the NULs fall on both parities', () => {
    const text = `title,abstract\nA,${'\0'.repeat(3000)}\nB,b\n`
    expect(decodeBytes(utf8(text))).toEqual({ text, warnings: [] })
  })

  it('decodeBytes looks at the first 4 KB only to decide', () => {
    const head = 'x'.repeat(4096)
    const bytes = new Uint8Array([...utf8(head), ...utf16('UTF-16 looking tail '.repeat(500), 'le')])
    expect(decodeBytes(bytes).warnings).toEqual([])
  })

  it('decodeBytes(XML declaring UTF-16, stored as ASCII) reads the bytes as UTF-8 and says so', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\n<schedule><day><room><event><title>Café</title></event></room></day></schedule>\n'
    const { text, warnings } = decodeBytes(utf8(xml), { fileName: 's.xml' })
    expect(text).toBe(xml)
    expect(warnings).toEqual([{ code: 'encoding-assumed', message: 's.xml:1: the XML declaration says encoding="UTF-16", but the bytes are not UTF-16: read as UTF-8' }])
  })

  it('decodeBytes(XML declaring UTF-16, stored as UTF-16LE without byte order mark) reads UTF-16LE', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\n<schedule/>\n'
    expect(decodeBytes(utf16(xml, 'le')).text).toBe(xml)
  })
})
