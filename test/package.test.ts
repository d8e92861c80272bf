import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseTalks } from '../src/index.js'

const root = new URL('..', import.meta.url).pathname

beforeAll(() => {
  execFileSync('node', ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' })
}, 120_000)

function run(code: string, type: 'module' | 'commonjs'): { stdout: string; stderr: string } {
  const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs'
  const stdout = execFileSync('node', [flag, '-e', code], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { stdout, stderr: '' }
}

describe('the built package', () => {
  it('has ESM, CJS and type declarations', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/languages.js', 'dist/languages.cjs', 'dist/cli.js']) {
      expect(existsSync(root + file)).toBe(true)
    }
  })

  it('imports as ESM without printing anything', () => {
    const { stdout } = run("import('talkatlas').then((m) => { if (typeof m.buildAtlas !== 'function') process.exit(3) })", 'module')
    expect(stdout).toBe('')
  })

  it('requires as CommonJS without printing anything', () => {
    const { stdout } = run("const m = require('talkatlas'); if (typeof m.buildAtlas !== 'function') process.exit(3)", 'commonjs')
    expect(stdout).toBe('')
  })

  const german = 'In diesem Vortrag zeigen wir, wie der Scheduler entscheidet, welche Aufgabe als nächste läuft.'
  it('reads German once talkatlas/languages is registered, as ESM and as CommonJS', () => {
    const esm = `const t = await import('talkatlas'); const { german } = await import('talkatlas/languages'); const before = t.detectLanguage(${JSON.stringify(german)}); t.registerLanguages(german); console.log(before, t.detectLanguage(${JSON.stringify(german)}))`
    expect(run(esm, 'module').stdout).toBe('en de\n')
    const cjs = `const t = require('talkatlas'); const { german } = require('talkatlas/languages'); const before = t.detectLanguage(${JSON.stringify(german)}); t.registerLanguages(german); console.log(before, t.detectLanguage(${JSON.stringify(german)}))`
    expect(run(cjs, 'commonjs').stdout).toBe('en de\n')
  })

  // The XML and CSV parsers are bundled to run on first use (tsup.config.ts): the built entries
  // must read both formats as the sources do.
  it('reads frab XML and CSV through the built package, as ESM and as CommonJS', () => {
    const read = "const xml = t.parseTalks(fs.readFileSync('test/fixtures/io/schedule.xml', 'utf8'), { format: 'frab-xml' }); const csv = t.parseTalks(fs.readFileSync('test/fixtures/io/talks.csv', 'utf8'), { format: 'csv' }); console.log(JSON.stringify([xml.talks.map((talk) => talk.title), csv.talks.map((talk) => talk.title)]))"
    const esm = run(`import fs from 'node:fs'; const t = await import('talkatlas'); ${read}`, 'module').stdout
    const cjs = run(`const fs = require('node:fs'); const t = require('talkatlas'); ${read}`, 'commonjs').stdout
    const titles = (file: string, format: 'frab-xml' | 'csv') => parseTalks(readFileSync(root + file, 'utf8'), { format }).talks.map((talk) => talk.title)
    const expected = [titles('test/fixtures/io/schedule.xml', 'frab-xml'), titles('test/fixtures/io/talks.csv', 'csv')]
    expect(expected[0]!.length).toBeGreaterThan(0)
    expect(expected[1]!.length).toBeGreaterThan(0)
    expect(JSON.parse(esm)).toEqual(expected)
    expect(JSON.parse(cjs)).toEqual(expected)
  })
})
