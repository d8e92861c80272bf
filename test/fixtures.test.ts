// Shape checks for the invented test corpora in fixtures/ and the built-in tagging taxonomy.
// Quality tests elsewhere rely on these properties (theme counts, word bounds, unique ids),
// so a careless edit to a fixture fails here first, with a message naming the talk.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { TAXONOMY_THEME_OF_LABEL } from './helpers/networkingFixture.js'

/** A talk as stored in a fixture file: the Talk shape plus the truth label `theme`. */
interface FixtureTalk {
  readonly id: string
  readonly title: string
  readonly abstract: string
  readonly speakers?: readonly string[]
  readonly theme?: string
}

/** A fixture file: a one-line description of its origin and the talks. */
interface Fixture {
  readonly source: string
  readonly talks: readonly FixtureTalk[]
}

/** One theme of a tagging taxonomy. */
interface TaxonomyTheme {
  readonly name: string
  readonly description: string
  readonly aliases: readonly string[]
  readonly keywords: readonly string[]
}

/** A tagging taxonomy file. */
interface Taxonomy {
  readonly name: string
  readonly description: string
  readonly themes: readonly TaxonomyTheme[]
}

/**
 * Read a JSON file relative to the repository root.
 * @param path Path from the repository root.
 * @returns The parsed value, unchecked.
 */
function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'))
}

/**
 * Read a fixture file and check the outer shape every fixture shares.
 * @param path Path from the repository root.
 * @returns The fixture, typed.
 */
function readFixture(path: string): Fixture {
  const value = readJson(path) as Fixture
  expect(Object.keys(value).sort(), path).toEqual(['source', 'talks'])
  expect(typeof value.source, path).toBe('string')
  expect(value.source.trim().length, `${path}: source`).toBeGreaterThan(20)
  expect(value.source, `${path}: source is one line`).not.toMatch(/[\r\n]/)
  expect(Array.isArray(value.talks), path).toBe(true)
  for (const talk of value.talks) {
    expect(typeof talk.id, `${path}: id of ${JSON.stringify(talk)}`).toBe('string')
    expect(typeof talk.title, `${path}: title of ${talk.id}`).toBe('string')
    expect(typeof talk.abstract, `${path}: abstract of ${talk.id}`).toBe('string')
    if (talk.speakers !== undefined) {
      expect(Array.isArray(talk.speakers), `${path}: speakers of ${talk.id}`).toBe(true)
      for (const speaker of talk.speakers) expect(typeof speaker).toBe('string')
    }
  }
  return value
}

/**
 * Count whitespace-separated words, the measure the fixture README uses.
 * @param text Any text.
 * @returns Number of words.
 */
function countWords(text: string): number {
  const trimmed = text.trim()
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length
}

/**
 * Count how many talks carry each theme label.
 * @param talks Fixture talks.
 * @returns Theme label → count, keys sorted.
 */
function countThemes(talks: readonly FixtureTalk[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const talk of talks) {
    const theme = talk.theme ?? '(none)'
    counts[theme] = (counts[theme] ?? 0) + 1
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * List values that occur more than once.
 * @param values Any strings.
 * @returns The repeated values, each once, in first-seen order.
 */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) twice.add(value)
    seen.add(value)
  }
  return [...twice]
}

/**
 * Check the properties shared by the two labelled corpora.
 * @param path Path from the repository root.
 * @param themes The exact theme labels expected.
 * @param perTheme Talks expected per theme.
 */
function describeLabelledCorpus(path: string, themes: readonly string[], perTheme: number): void {
  describe(path, () => {
    const fixture = readFixture(path)
    const talks = fixture.talks

    test(`has ${themes.length} themes of ${perTheme} talks each`, () => {
      const expected = Object.fromEntries([...themes].sort().map((theme) => [theme, perTheme]))
      expect(countThemes(talks)).toEqual(expected)
    })

    test('has unique kebab-case ids', () => {
      expect(repeated(talks.map((talk) => talk.id))).toEqual([])
      for (const talk of talks) expect(talk.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/)
    })

    test('has every abstract between 60 and 140 words', () => {
      const outside = talks
        .map((talk) => ({ id: talk.id, words: countWords(talk.abstract) }))
        .filter(({ words }) => words < 60 || words > 140)
      expect(outside).toEqual([])
    })

    test('has a title and one to three speakers on every talk, and no duplicate abstracts', () => {
      for (const talk of talks) {
        expect(talk.title.trim().length, talk.id).toBeGreaterThan(5)
        expect(talk.speakers?.length ?? 0, talk.id).toBeGreaterThanOrEqual(1)
        expect(talk.speakers?.length ?? 0, talk.id).toBeLessThanOrEqual(3)
      }
      expect(repeated(talks.map((talk) => talk.abstract))).toEqual([])
      expect(repeated(talks.map((talk) => talk.title))).toEqual([])
    })

    test('reuses speakers across themes so session clashes can be tested', () => {
      const themesBySpeaker = new Map<string, Set<string>>()
      for (const talk of talks) {
        for (const speaker of talk.speakers ?? []) {
          const set = themesBySpeaker.get(speaker) ?? new Set<string>()
          set.add(talk.theme ?? '')
          themesBySpeaker.set(speaker, set)
        }
      }
      const crossTheme = [...themesBySpeaker.values()].filter((set) => set.size >= 2)
      expect(crossTheme.length).toBeGreaterThanOrEqual(5)
    })
  })
}

const networkingThemes = [
  'xdp',
  'tc',
  'seccomp',
  'profiling',
  'mptcp',
  'hid-bpf',
  'bpf-ci',
  'cgroup-networking',
  'documentation',
  'hardware-offload',
  'packet-classification',
  'observability',
]
const workshopThemes = ['graph-learning', 'reinforcement-learning', 'speech', 'fairness', 'compression']

describeLabelledCorpus('fixtures/lpc-networking-bpf.json', networkingThemes, 6)
describeLabelledCorpus('fixtures/ml-workshop.json', workshopThemes, 6)

describe('fixtures/lpc-networking-bpf.json vocabulary', () => {
  const talks = readFixture('fixtures/lpc-networking-bpf.json').talks

  test('names some XDP talks without the acronym XDP in their title', () => {
    const titles = talks.filter((talk) => talk.theme === 'xdp').map((talk) => talk.title)
    expect(titles.filter((title) => !/\bXDP\b/.test(title)).length).toBeGreaterThanOrEqual(3)
  })

  test('uses kernel identifiers such as SEC("xdp"), bpf_link, BTF, cls_bpf and io_uring', () => {
    const text = talks.map((talk) => `${talk.title}\n${talk.abstract}`).join('\n')
    for (const identifier of ['SEC("xdp")', 'bpf_link', 'BTF', 'CO-RE', 'cls_bpf', 'clsact', 'tcx', 'AF_XDP', 'net_cls', 'io_uring', 'kfuncs']) {
      expect(text, identifier).toContain(identifier)
    }
  })
})

describe('fixtures/edge', () => {
  const edgeFiles = ['empty-abstracts', 'duplicates', 'unicode', 'hostile', 'stopwords-only', 'numbers-only', 'identical', 'tiny', 'pair']
  const edge = Object.fromEntries(edgeFiles.map((name) => [name, readFixture(`fixtures/edge/${name}.json`)]))
  const talksOf = (name: string): readonly FixtureTalk[] => edge[name]?.talks ?? []
  const textOf = (name: string): string =>
    talksOf(name)
      .map((talk) => `${talk.id}\n${talk.title}\n${talk.abstract}\n${(talk.speakers ?? []).join('\n')}`)
      .join('\n')

  test('every edge file except duplicates.json has unique ids', () => {
    for (const name of edgeFiles.filter((file) => file !== 'duplicates')) {
      expect(repeated(talksOf(name).map((talk) => talk.id)), name).toEqual([])
    }
  })

  test('tiny.json has one talk and pair.json has two', () => {
    expect(talksOf('tiny').length).toBe(1)
    expect(talksOf('pair').length).toBe(2)
  })

  test('empty-abstracts.json has empty and whitespace-only abstracts, never a missing one', () => {
    const abstracts = talksOf('empty-abstracts').map((talk) => talk.abstract)
    expect(abstracts.filter((abstract) => abstract === '').length).toBeGreaterThanOrEqual(2)
    expect(abstracts.filter((abstract) => abstract !== '' && abstract.trim() === '').length).toBeGreaterThanOrEqual(2)
    expect(abstracts.filter((abstract) => abstract.trim() !== '').length).toBeGreaterThanOrEqual(1)
  })

  test('duplicates.json repeats exactly one id and has two ids with identical text', () => {
    const talks = talksOf('duplicates')
    expect(repeated(talks.map((talk) => talk.id))).toEqual(['shared-id'])
    const texts = talks.map((talk) => `${talk.title}\n${talk.abstract}`)
    const twin = repeated(texts)
    expect(twin.length).toBe(1)
    const twinIds = talks.filter((_, i) => texts[i] === twin[0]).map((talk) => talk.id)
    expect(new Set(twinIds).size).toBe(2)
  })

  test('identical.json has five ids sharing one title and abstract', () => {
    const talks = talksOf('identical')
    expect(talks.length).toBe(5)
    expect(new Set(talks.map((talk) => talk.id)).size).toBe(5)
    expect(new Set(talks.map((talk) => `${talk.title}\n${talk.abstract}`)).size).toBe(1)
  })

  test('unicode.json covers CJK, right-to-left scripts, emoji, combining marks and invisible characters', () => {
    const text = textOf('unicode')
    const titles = talksOf('unicode').map((talk) => talk.title).join('\n')
    const expected: Record<string, RegExp> = {
      han: /\p{Script=Han}/u,
      hiragana: /\p{Script=Hiragana}|\p{Script=Katakana}/u,
      hangul: /\p{Script=Hangul}/u,
      arabic: /\p{Script=Arabic}/u,
      hebrew: /\p{Script=Hebrew}/u,
      emoji: /\p{Extended_Pictographic}/u,
      'combining mark': /\p{M}/u,
      'astral plane': /[\u{10000}-\u{10FFFF}]/u,
      'no-break space': /\u00a0/,
      'zero-width space': /\u200b/,
      'zero-width joiner': /\u200d/,
      'byte order mark': /\ufeff/,
      'bidi override': /\u202e/,
    }
    for (const [what, pattern] of Object.entries(expected)) expect(text, what).toMatch(pattern)
    for (const name of ['C++', '.NET', 'io_uring']) expect(titles, name).toContain(name)
  })

  test('hostile.json carries markup, formula and terminal payloads', () => {
    const text = textOf('hostile')
    const payloads = [
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(1)</script>',
      '"><svg onload=alert(1)>',
      '=HYPERLINK("http://x")',
      "+cmd|' /C calc'!A0",
      '@SUM(1+1)',
      '-2+3',
      '\u001b[31m',
      '\u0000',
      '\u2028',
    ]
    for (const payload of payloads) expect(text, JSON.stringify(payload)).toContain(payload)
    const ids = talksOf('hostile').map((talk) => talk.id)
    expect(ids).toContain('__proto__')
    expect(ids).toContain('constructor')
  })

  test('stopwords-only.json uses nothing but function words and conference boilerplate', () => {
    const functionWords =
      'a about after again against all also am an and any are as at be because been before being below between both ' +
      'but by can could do done down during each few for from further had has have he her here him his how i if in ' +
      'into is it its just like me more most must my no nor not now of off on once only or other our ours out over ' +
      'own same she should so some such than that the their them then there these they this those to too under until ' +
      'up us very was we were what when where which while who whom why will with would you your yours'
    const boilerplate =
      'able ask audience birds closing come discuss discussion end everyone feather give going introduction join ' +
      'lightning next opening overview please present q questions remarks session share speaker talk talks thank things ' +
      'time track update want welcome'
    const allowed = new Set(`${functionWords} ${boilerplate}`.split(' '))
    const unexpected: string[] = []
    for (const talk of talksOf('stopwords-only')) {
      for (const word of `${talk.title} ${talk.abstract}`.toLowerCase().split(/[^a-z]+/)) {
        if (word !== '' && !allowed.has(word)) unexpected.push(`${talk.id}: ${word}`)
      }
    }
    expect(unexpected).toEqual([])
  })

  test('numbers-only.json has a digit in every word of every id, title and abstract', () => {
    for (const talk of talksOf('numbers-only')) {
      for (const word of `${talk.id} ${talk.title} ${talk.abstract}`.trim().split(/\s+/)) {
        expect(word, talk.id).toMatch(/\d/)
      }
    }
  })
})

describe('src/tag/taxonomy-linux-networking-bpf.json', () => {
  const taxonomy = readJson('src/tag/taxonomy-linux-networking-bpf.json') as Taxonomy
  const themes = taxonomy.themes

  test('is named linux-networking-bpf, described, and has at least 24 themes', () => {
    expect(Object.keys(taxonomy).sort()).toEqual(['description', 'name', 'themes'])
    expect(taxonomy.name).toBe('linux-networking-bpf')
    expect(taxonomy.description.length).toBeGreaterThan(40)
    expect(themes.length).toBeGreaterThanOrEqual(24)
  })

  test('gives every theme a description, 2–6 aliases and 10–25 distinct keywords', () => {
    for (const theme of themes) {
      expect(Object.keys(theme).sort(), theme.name).toEqual(['aliases', 'description', 'keywords', 'name'])
      expect(theme.description.length, theme.name).toBeGreaterThan(80)
      expect(theme.aliases.length, theme.name).toBeGreaterThanOrEqual(2)
      expect(theme.aliases.length, theme.name).toBeLessThanOrEqual(6)
      expect(theme.keywords.length, theme.name).toBeGreaterThanOrEqual(10)
      expect(theme.keywords.length, theme.name).toBeLessThanOrEqual(25)
      const terms = [theme.name, ...theme.aliases, ...theme.keywords]
      for (const term of terms) expect(term, theme.name).toMatch(/^\S(.*\S)?$/)
      expect(repeated(terms.map((term) => term.toLowerCase())), theme.name).toEqual([])
    }
  })

  test('shares no name, alias or keyword between two themes, ignoring case', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const theme of themes) {
      for (const term of [theme.name, ...theme.aliases, ...theme.keywords]) {
        const key = term.toLowerCase()
        const previous = owner.get(key)
        if (previous !== undefined && previous !== theme.name) clashes.push(`${term}: ${previous} / ${theme.name}`)
        owner.set(key, theme.name)
      }
    }
    expect(clashes).toEqual([])
  })

  test('has a theme for every label of the networking fixture', () => {
    expect(Object.keys(TAXONOMY_THEME_OF_LABEL).sort()).toEqual([...networkingThemes].sort())
    const names = themes.map((theme) => theme.name)
    for (const name of Object.values(TAXONOMY_THEME_OF_LABEL)) expect(names).toContain(name)
  })
})
