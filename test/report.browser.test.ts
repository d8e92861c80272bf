/// <reference lib="dom" />
// Opens the HTML report in a real browser (Debian's chromium through playwright-core) and
// checks what a reader does: the map shows every talk, a click opens the talk's card, the
// search filters, and hostile input stays text. Saves test-output/report.png.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildAtlas, relatedTalks, type Talk } from '../src/index.js'
import { renderHtmlReport } from '../src/report.js'

const CHROMIUM = '/usr/bin/chromium'
const root = new URL('..', import.meta.url).pathname
const outputDir = join(root, 'test-output')

const fixture = (name: string): Talk[] => JSON.parse(readFileSync(join(root, 'fixtures', name), 'utf8')).talks

/** Talks whose payloads would set window.__pwned if any of them ran. */
const INJECTED: Talk[] = [
  { id: 'pwn-img', title: '<img src=x onerror="window.__pwned=1">', abstract: 'An image tag <img src=x onerror="window.__pwned=1"> in an abstract about XDP.' },
  { id: 'pwn-script', title: '</script><script>window.__pwned=2</script>', abstract: '</script><script>window.__pwned=2</script><!-- <script>window.__pwned=3</script>' },
  { id: '"><svg onload="window.__pwned=4">', title: 'Hostile id', abstract: '<svg onload="window.__pwned=4"> \u2028 \u2029 <style>body{display:none}</style>' },
  { id: 'bidi-rlo', title: 'Slides: talk-\u202egnp.exe', abstract: 'A title with an unclosed right-to-left override, about XDP and eBPF maps.' },
]

/**
 * Makes sure Debian's chromium exists: installs it with apt-get when missing and running as
 * root or in CI, otherwise fails with the command to run.
 */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return
  const root = process.getuid?.() === 0
  const ci = process.env.CI === 'true'
  if (!root && !ci) {
    throw new Error(`report browser test: ${CHROMIUM} is missing. Install it with: sudo apt-get update && sudo apt-get install -y chromium`)
  }
  const prefix = root ? [] : ['sudo', '-n']
  const run = (args: string[]): void => {
    process.stderr.write(`report browser test: ${CHROMIUM} is missing; running: ${[...prefix, ...args].join(' ')}\n`)
    const [command, ...rest] = [...prefix, ...args]
    execFileSync(command!, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  try {
    run(['apt-get', 'update'])
    run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])
  } catch (error) {
    throw new Error(`report browser test: could not install chromium with apt-get (${(error as Error).message}); install it by hand: apt-get install -y chromium`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`report browser test: apt-get finished but ${CHROMIUM} is still missing`)
}

describe('the HTML report in chromium', () => {
  const talks = [...fixture('lpc-networking-bpf.json'), ...fixture('edge/hostile.json'), ...INJECTED]
  const atlas = buildAtlas(talks, { k: 12 })
  const reportPath = join(outputDir, 'report.html')
  const problems: string[] = []
  const dialogs: string[] = []
  const requests: string[] = []
  let profile = ''
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    ensureChromium()
    mkdirSync(outputDir, { recursive: true })
    const sessions = {
      sessions: [
        { id: 's1', label: 'Fast paths', talks: talks.slice(0, 4).map((talk) => talk.id), slot: 'Day 1 09:00', room: 'Hall A' },
        { id: 's2', label: 'Hostile', talks: INJECTED.map((talk) => talk.id), slot: 'Day 1 09:00', room: '<b>Room</b>' },
      ],
    }
    const tags = { 'pwn-img': [{ theme: '<img src=x onerror="window.__pwned=5">', score: 0.9 }] }
    writeFileSync(reportPath, renderHtmlReport(atlas, { sessions, tags, title: 'Browser test </title><script>window.__pwned=6</script>' }))
    profile = mkdtempSync(join(tmpdir(), 'talkatlas-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' })
  }, 600_000)

  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  test('loads with no console errors and no request beyond the file itself', async () => {
    await page.waitForFunction(() => document.getElementById('map')?.getAttribute('data-points') !== null)
    expect(problems).toEqual([])
    expect(requests).toEqual([pathToFileURL(reportPath).href])
  })

  test('draws one point per talk', async () => {
    const points = await page.evaluate(() => ({
      drawn: Number(document.getElementById('map')!.getAttribute('data-points')),
      cards: document.querySelectorAll('details.talk').length,
    }))
    expect(points).toEqual({ drawn: talks.length, cards: talks.length })
  })

  test('hovering a point shows its title and clicking it opens its card', async () => {
    const target = await page.evaluate(() => {
      const map = (window as unknown as { talkatlasMap: { points: number; position(i: number): { x: number; y: number } } }).talkatlasMap
      const positions = Array.from({ length: map.points }, (_, i) => map.position(i))
      // A point with no neighbour within 8 px, so the nearest hit is unambiguous.
      const isolated = positions.findIndex((p, i) => positions.every((q, j) => j === i || Math.hypot(p.x - q.x, p.y - q.y) > 8))
      return { index: isolated, ...positions[isolated]! }
    })
    expect(target.index).toBeGreaterThanOrEqual(0)
    await page.mouse.move(target.x, target.y)
    await expect.poll(() => page.locator('#tooltip').textContent()).toContain(talks[target.index]!.title.slice(0, 20))
    await page.mouse.click(target.x, target.y)
    await expect.poll(() => page.evaluate((i) => (document.getElementById(`t-${i}`) as HTMLDetailsElement).open, target.index)).toBe(true)
    expect(await page.evaluate(() => location.hash)).toBe(`#t-${target.index}`)
    await page.mouse.move(5, 5)
  })

  test('the search box filters talks by text', async () => {
    const word = 'seccomp'
    const expected = talks.filter((talk, i) => {
      const text = [talk.title, talk.abstract, ...(talk.speakers ?? []), atlas.themes[atlas.assignments[i]!]!.label].join(' ')
      return text.toLowerCase().includes(word)
    }).length
    expect(expected).toBeGreaterThan(0)
    expect(expected).toBeLessThan(talks.length)
    await page.fill('#search', word)
    await expect.poll(() => page.locator('details.talk:not([hidden])').count()).toBe(expected)
    expect(await page.locator('#count').textContent()).toBe(`${expected} of ${talks.length} talks`)
    await page.fill('#search', '<img src=x')
    await expect.poll(() => page.locator('details.talk:not([hidden]) .title').allTextContents()).toContain('<img src=x onerror=alert(1)>')
    await page.fill('#search', '')
    await expect.poll(() => page.locator('details.talk:not([hidden])').count()).toBe(talks.length)
  })

  test('the group filter shows only the chosen group: its themes, its talks, its points on the map', async () => {
    const groupOf = new Map(atlas.groups.flatMap((group, g) => group.themes.map((id) => [id, g] as const)))
    const talkGroup = talks.map((_, i) => groupOf.get(atlas.themes[atlas.assignments[i]!]!.id)!)
    expect(await page.locator('section.group').count()).toBe(atlas.groups.length)
    expect(await page.locator('#group-filter option').count()).toBe(atlas.groups.length + 1)
    // The themes are nested under their groups, largest first.
    const nested = await page.locator('section.group').evaluateAll((sections) => sections.map((s) => Array.from(s.querySelectorAll('details.theme'), (d) => d.id)))
    expect(nested.map((ids) => ids.length)).toEqual(atlas.groups.map((group) => group.themes.length))
    const g = 1
    const expected = talkGroup.filter((group) => group === g).length
    expect(expected).toBeGreaterThan(0)
    await page.selectOption('#group-filter', String(g))
    await expect.poll(() => page.locator('details.talk:not([hidden])').count()).toBe(expected)
    expect(await page.locator('#count').textContent()).toBe(`${expected} of ${talks.length} talks`)
    expect(await page.locator('section.group:not([hidden])').evaluateAll((sections) => sections.map((s) => s.id))).toEqual([`group-${g}`])
    expect(await page.locator('#map').getAttribute('data-shown')).toBe(String(expected))
    await page.selectOption('#group-filter', '')
    await expect.poll(() => page.locator('details.talk:not([hidden])').count()).toBe(talks.length)
    expect(await page.locator('#map').getAttribute('data-shown')).toBe(String(talks.length))
    expect(problems).toEqual([])
  })

  test('an opened card lists its related talks as links with titles, scores and shared terms, hostile titles as text', async () => {
    const i = talks.findIndex((talk) => talk.id === 'pwn-script')
    const expected = relatedTalks(atlas, 'pwn-script')
    await page.evaluate((index) => {
      ;(document.getElementById(`t-${index}`) as HTMLDetailsElement).open = true
    }, i)
    const items = page.locator(`#t-${i} ol.related > li`)
    await expect.poll(() => items.count()).toBe(expected.length)
    const shown = await page.evaluate((index) => Array.from(document.querySelectorAll(`#t-${index} ol.related > li`), (item) => ({
      href: item.querySelector('a')!.getAttribute('href'),
      // The title its own card shows (input text with control characters replaced).
      title: item.querySelector('a')!.textContent === document.querySelector(`${item.querySelector('a')!.getAttribute('href')} > summary .title`)!.textContent ? 'same as its card' : item.querySelector('a')!.textContent,
      score: item.querySelector('.score')!.textContent,
      terms: item.querySelector('.terms')?.textContent ?? '',
    })), i)
    expect(shown).toEqual(expected.map((item) => {
      const j = talks.findIndex((talk) => talk.id === item.id)
      return { href: `#t-${j}`, title: 'same as its card', score: (Math.round(item.score * 100) / 100).toFixed(2), terms: item.terms.length ? `shared: ${item.terms.join(', ')}` : '' }
    }))
    expect(shown.map((item) => item.href)).toContain(`#t-${talks.findIndex((talk) => talk.id === 'pwn-img')}`)
    expect(await page.evaluate(() => document.querySelectorAll('body img, body svg').length)).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBe(null)
  })

  test('the injected-script fixture shows as text and runs nothing', async () => {
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      scripts: document.scripts.length,
      injected: document.querySelectorAll('body img, body svg, body iframe, body object, body embed, body b').length,
      title: document.title,
    }))
    expect(state).toEqual({ pwned: null, scripts: 2, injected: 0, title: 'Browser test </title><script>window.__pwned=6</script>' })
    expect(dialogs).toEqual([])
    const card = page.locator(`#t-${talks.findIndex((talk) => talk.id === 'pwn-img')} .title`)
    expect(await card.textContent()).toBe('<img src=x onerror="window.__pwned=1">')
  })

  test('an unclosed right-to-left override in a title reverses that title only, not the theme name after it', async () => {
    await page.fill('#search', '')
    await page.selectOption('#group-filter', '')
    const i = talks.findIndex((talk) => talk.id === 'bidi-rlo')
    const order = await page.evaluate((index) => {
      const leftOf = (node: Node, offset: number): number => {
        const range = document.createRange()
        range.setStart(node, offset)
        range.setEnd(node, offset + 1)
        return range.getBoundingClientRect().left
      }
      const summary = document.querySelector(`#t-${index} > summary`)!
      const title = summary.querySelector('.title')!.firstChild!
      const theme = summary.querySelector('.theme-name')!.firstChild!
      const text = title.textContent!
      return {
        themeName: theme.textContent!.length > 1,
        // gnp.exe shows as exe.png: the override still acts inside its own field.
        titleReversed: leftOf(title, text.indexOf('g')) > leftOf(title, text.lastIndexOf('e')),
        themeInOrder: leftOf(theme, 0) < leftOf(theme, theme.textContent!.length - 1),
      }
    }, i)
    expect(order).toEqual({ themeName: true, titleReversed: true, themeInOrder: true })
  })

  test('saves a screenshot under test-output/', async () => {
    await page.evaluate(() => window.scrollTo(0, 0))
    const path = join(outputDir, 'report.png')
    await page.screenshot({ path })
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG')
    expect(problems).toEqual([])
  })
})
