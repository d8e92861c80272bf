import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseTalks, type ParseTalksResult } from '../../src/io/parseTalks.js'
import { readText } from '../../src/io/readText.js'

/** The error parseTalks throws for `text`, or undefined. */
function errorOf(text: string, options: Parameters<typeof parseTalks>[1] = {}): InputError | undefined {
  try {
    parseTalks(text, options)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  return undefined
}

/** Records a read reports as skipped, from its warnings' counts. */
function reported(result: ParseTalksResult): number {
  let n = 0
  for (const warning of result.warnings) {
    const match = /^(?:skipped|left out) (\d+) (?:unreadable talk|talk|service session)/.exec(warning.message)
    if (match !== null) n += Number(match[1])
  }
  return n
}

const talk = (i: number): Record<string, unknown> => ({ id: String(i), title: `Talk ${i}`, description: `Abstract ${i}` })
const frabEvent = (i: number): Record<string, unknown> => ({ id: i, slug: `e${i}`, title: `Event ${i}`, abstract: `About ${i}` })

describe('adversarial readers: nothing is dropped silently', () => {
  it('Indico contributions that are a record or null are reported, not skipped', () => {
    expect(errorOf(JSON.stringify({ results: [{ id: 1, contributions: { a: talk(1) } }] }), { fileName: 'i.json' })?.message).toBe('i.json results[0].contributions: contributions is a record, expected a list')
    expect(errorOf(JSON.stringify({ results: [{ id: 1, contributions: [talk(1)] }, { id: 2, contributions: null }] }), { fileName: 'i.json' })?.message).toBe('i.json results[1].contributions: contributions is null, expected a list')
  })

  it('a frab JSON room that is not a list is reported', () => {
    const data = { schedule: { conference: { days: [{ date: '2024-01-01', rooms: { A: [frabEvent(1)], B: { event: frabEvent(2) } } }] } } }
    expect(errorOf(JSON.stringify(data), { fileName: 's.json' })?.message).toBe('s.json schedule.conference.days[0].rooms["B"]: room "B" is a record, expected a list of events')
  })

  it('a frab XML <event> outside a <room> is reported', () => {
    const xml = '<schedule><day date="2024-01-01"><room name="A"><event id="1"><title>In</title></event></room><event id="2"><title>Out</title></event></day></schedule>'
    expect(errorOf(xml, { fileName: 's.xml' })?.message).toBe('s.xml schedule.day[0].event: <event> outside a <room> (frab nests schedule > day > room > event)')
    const { talks, warnings } = parseTalks(xml, { skipInvalid: true })
    expect(talks.map((t) => t.title)).toEqual(['In'])
    expect(warnings[0]!.code).toBe('invalid-talk')
  })

  it('Sessionize groups without a sessions list are reported with --from sessionize', () => {
    const data = [{ groupId: 1, groupName: 'A', sessions: [{ id: 's1', title: 'One', description: 'x' }] }, { groupId: 2, groupName: 'B', sessions: { id: 's2' } }, 'junk']
    const result = parseTalks(JSON.stringify(data), { format: 'sessionize', skipInvalid: true })
    expect(result.talks).toHaveLength(1)
    expect(result.tally).toEqual({ recordsIn: 3, talksOut: 1, skipped: [{ code: 'invalid-talk', count: 2 }] })
  })

  it('a frab JSON abstract that is a record makes the talk unreadable instead of empty', () => {
    const data = { schedule: { conference: { days: [{ rooms: { A: [{ ...frabEvent(1), abstract: { text: 'hidden' } }] } }] } } }
    expect(errorOf(JSON.stringify(data))?.message).toBe('schedule.conference.days[0].rooms["A"][0]: abstract is a record, expected text')
  })

  it('property: over malformed containers, records met = talks produced + records reported', () => {
    const container = fc.oneof(
      fc.constant(null), fc.constant('x'), fc.constant(7),
      fc.array(fc.nat(50), { maxLength: 4 }).map((ids) => ids.map(talk)),
      fc.nat(50).map((i) => ({ nested: talk(i) })),
    )
    // Each generated shape knows how many records it holds: a list holds its items, anything
    // else one (malformed) record, absent none.
    const count = (value: unknown): number => (Array.isArray(value) ? value.length : value === undefined ? 0 : 1)
    const indico = fc.array(fc.record({ contributions: container, sessions: fc.option(fc.array(fc.record({ title: fc.constant('S'), contributions: container }), { maxLength: 2 }), { nil: undefined }) }), { minLength: 1, maxLength: 3 })
    fc.assert(fc.property(indico, (events) => {
      // Ids unique across the export so that no contribution is a repeat of another.
      let next = 0
      const renumber = (value: unknown): unknown => (Array.isArray(value) ? value.map(() => talk(next++)) : value)
      const results = events.map((event, r) => ({ id: r, contributions: renumber(event.contributions), ...(event.sessions === undefined ? {} : { sessions: event.sessions.map((s) => ({ ...s, contributions: renumber(s.contributions) })) }) }))
      let met = 0
      for (const event of results) {
        const sessions = event.sessions
        const top = event.contributions === null && sessions !== undefined ? 0 : count(event.contributions)
        const inSessions = sessions === undefined ? 0 : sessions.reduce((sum, s) => sum + (s.contributions === null ? 0 : count(s.contributions)), 0)
        met += top + inSessions
      }
      let result: ParseTalksResult
      try {
        result = parseTalks(JSON.stringify({ results }), { format: 'indico', skipInvalid: true })
      } catch (error) {
        expect(String(error)).toMatch(/no talks found/)
        return
      }
      expect(result.talks.length + reported(result)).toBe(met)
      expect(result.tally.recordsIn).toBe(met)
    }), { numRuns: 200 })
    const frabRooms = fc.dictionary(fc.constantFrom('A', 'B', 'C'), container, { maxKeys: 3 })
    fc.assert(fc.property(fc.array(frabRooms, { minLength: 1, maxLength: 3 }), (days) => {
      let next = 0
      const fixed = days.map((rooms) => Object.fromEntries(Object.entries(rooms).map(([name, value]) => [name, Array.isArray(value) ? value.map(() => frabEvent(next++)) : value])))
      const met = fixed.reduce((sum, rooms) => sum + Object.values(rooms).reduce((s: number, value) => s + (value === null ? 0 : count(value)), 0), 0)
      let result: ParseTalksResult
      try {
        result = parseTalks(JSON.stringify({ schedule: { conference: { days: fixed.map((rooms) => ({ rooms })) } } }), { skipInvalid: true })
      } catch (error) {
        expect(String(error)).toMatch(/no talks found/)
        return
      }
      expect(result.talks.length + reported(result)).toBe(met)
    }), { numRuns: 200 })
  })
})

describe('adversarial readers: extra fields and columns', () => {
  it('extra fields named like Object.prototype members are kept', () => {
    const record = { id: 'a', title: 'T', abstract: 'x', toString: 'ts', valueOf: 'v', isPrototypeOf: 'p', __defineGetter__: 'g' }
    const { talks } = parseTalks(JSON.stringify([record]))
    expect(talks[0]).toMatchObject({ toString: 'ts', valueOf: 'v', isPrototypeOf: 'p', __defineGetter__: 'g' })
  })

  it('repeated CSV header columns are kept under distinct names and reported', () => {
    const { talks, warnings } = parseTalks('title,abstract,tag,tag\nT,x,one,two\n', { fileName: 'r.csv' })
    expect(talks[0]).toMatchObject({ tag: 'one', 'tag (2)': 'two' })
    expect(warnings).toContainEqual({ code: 'repeated-column', message: '1 header name used twice, later columns renamed: "tag" → "tag (2)"' })
  })
})

describe('adversarial readers: XML', () => {
  it('<!ENTITY as text inside a CDATA abstract is read, not refused', () => {
    const xml = '<schedule><day date="2024-01-01"><room name="A"><event id="1"><title>XML safety</title><abstract><![CDATA[Why <!ENTITY declarations are dangerous]]></abstract></event></room></day></schedule>'
    expect(parseTalks(xml).talks[0]!.abstract).toBe('Why <!ENTITY declarations are dangerous')
    expect(errorOf(`<!DOCTYPE schedule [<!ENTITY x "y">]>${xml}`)?.message).toMatch(/entity declarations \(<!ENTITY>\) are refused/)
  })

  it('--skip-invalid over many empty <event>s takes linear time (ratio 50k / 12.5k under 8)', () => {
    const doc = (n: number): string => `<schedule><day date="2024-01-01"><room name="A">\n<event id="ok"><title>Kept</title></event>\n${'<event></event>\n'.repeat(n)}</room></day></schedule>`
    const time = (n: number): number => {
      const text = doc(n)
      let best = Infinity
      for (let run = 0; run < 3; run++) {
        const start = performance.now()
        const { talks } = parseTalks(text, { skipInvalid: true })
        best = Math.min(best, performance.now() - start)
        expect(talks).toHaveLength(1)
      }
      return best
    }
    time(2000)
    // Linear is 4, quadratic 16: the bound 8 is a factor of 2 from each. A busy machine can
    // push one measurement past it, so the best of three attempts counts.
    let ratio = Infinity
    for (let attempt = 0; attempt < 3 && ratio >= 8; attempt++) ratio = Math.min(ratio, time(50_000) / time(12_500))
    expect(ratio).toBeLessThan(8)
  })
})

describe('adversarial readers: plain text in linear time', () => {
  // The text reader alone: the clean-up every reader shares is measured with cleanText.
  /**
   * Time per call of readText on text: calls repeated for at least 40 ms (a millisecond-long
   * call alone is mostly noise on a busy machine).
   */
  const timeOnce = (text: string): number => {
    const start = performance.now()
    let calls = 0
    while (performance.now() - start < 40) {
      readText(text, { file: undefined, onePerLine: false })
      calls++
    }
    return (performance.now() - start) / calls
  }
  /** Ratio of the best times on two texts, measured in alternation so that load hits both alike. */
  const ratio = (large: string, small: string): number => {
    let bestLarge = Infinity
    let bestSmall = Infinity
    for (let round = 0; round < 7; round++) {
      bestSmall = Math.min(bestSmall, timeOnce(small))
      bestLarge = Math.min(bestLarge, timeOnce(large))
    }
    return bestLarge / bestSmall
  }
  const families: Record<string, (size: number) => string> = {
    'a heading then spaces': (size) => `# a${' '.repeat(size)}b\n## x\n## y\n`,
    'one long hard-wrapped run': (size) => `${'the scheduler keeps a queue of runnable tasks per core and\n'.repeat(size / 60)}`,
    'many short cohesive lines and one overlong talk': (size) => `${'Short talk about caches...\n'.repeat(6)}${'queue queue scheduler queue scheduler core\n'.repeat(size / 43)}`,
    'a numbered title with a dash and many names': (size) => `1. T — ${'Ab Cd, '.repeat(size / 7)}\nx\n2. U\ny\n`,
    'a line of many truncation marks': (size) => `${'… '.repeat(size / 2)}x\n`,
  }
  for (const [name, make] of Object.entries(families)) {
    // Linear is 4, quadratic 16: the bound 8 is a factor of 2 from each (caches alone can
    // push a linear scan past 6 on a loaded machine).
    it(`readText(${name}): 400 KB takes under 8 times 100 KB`, () => {
      expect(ratio(make(400_000), make(100_000))).toBeLessThan(8)
    })
  }
})
