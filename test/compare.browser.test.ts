/// <reference lib="dom" />
// Opens the compare page in chromium (as the report test does): no console error, no
// request beyond the file, one chart mark per theme, and hostile titles stay text.
// Saves test-output/compare.png.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compare, type Talk } from '../src/index.js'
import { renderCompareHtml } from '../src/report.js'

const CHROMIUM = '/usr/bin/chromium'
const root = new URL('..', import.meta.url).pathname
const outputDir = join(root, 'test-output')
const edition = (name: string): Talk[] => (JSON.parse(readFileSync(join(root, 'fixtures', 'compare', `${name}.json`), 'utf8')) as { talks: (Talk & { theme?: string })[] }).talks.map(({ theme: _truth, ...talk }) => talk)

const HOSTILE: Talk[] = [
  { id: 'pwn-1', title: '<img src=x onerror="window.__pwned=1"> fax modems', abstract: 'Fax modems and telephony <svg onload="window.__pwned=2"> over SIP.' },
  { id: '"><script>window.__pwned=3</script>', title: '</title><script>window.__pwned=4</script>', abstract: 'Telephony and fax on ISDN lines.' },
]

describe.skipIf(!existsSync(CHROMIUM))('the compare page in chromium', () => {
  const before = [...edition('before'), ...HOSTILE]
  const after = edition('after')
  const result = compare(before, after, { k: 4 })
  const pagePath = join(outputDir, 'compare.html')
  const problems: string[] = []
  const requests: string[] = []
  let profile = ''
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true })
    writeFileSync(pagePath, renderCompareHtml(result, { names: { before: '2024 <b>', after: '2025' }, talks: { before, after }, title: 'Compare </title><script>window.__pwned=5</script>' }))
    profile = mkdtempSync(join(tmpdir(), 'talkatlas-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' })
  }, 600_000)

  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  test('loads with no console errors and no request beyond the file itself', () => {
    expect(problems).toEqual([])
    expect(requests).toEqual([pathToFileURL(pagePath).href])
  })

  test('the chart has one visible mark per theme, in the result order, with its two dots', async () => {
    const marks = await page.evaluate(() => Array.from(document.querySelectorAll('svg g.mark'), (g) => {
      const box = (g as SVGGElement).getBBox()
      return { theme: g.getAttribute('data-theme'), dots: g.querySelectorAll('circle').length, visible: box.width > 0 && box.height > 0 }
    }))
    expect(marks.map((mark) => mark.theme)).toEqual(result.themes.map((theme) => theme.id))
    expect(marks.every((mark) => mark.dots === 2 && mark.visible)).toBe(true)
    expect(await page.locator('#themes tbody tr').count()).toBe(result.themes.length)
  })

  test('a theme that grew is drawn with its after dot to the right of its before dot', async () => {
    const grown = result.themes[0]!
    expect(grown.change).toBeGreaterThan(0)
    const xs = await page.evaluate((id) => {
      const g = document.querySelector(`g.mark[data-theme="${id}"]`)!
      return [Number(g.querySelector('circle.before')!.getAttribute('cx')), Number(g.querySelector('circle.after')!.getAttribute('cx'))]
    }, grown.id)
    expect(xs[1]!).toBeGreaterThan(xs[0]!)
  })

  test('hostile titles and names stay text', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.title()).toContain('</title><script>')
    expect(await page.locator('#themes').textContent()).toContain('<img src=x onerror="window.__pwned=1"> fax modems')
    await page.screenshot({ path: join(outputDir, 'compare.png'), fullPage: true })
  })
})
