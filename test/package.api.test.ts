// The public API, pinned: the runtime names of each entry of the built package, ESM and
// CommonJS, equal the committed list in test/public-api.json. Adding or removing an export
// is a decision: change the list and the README's API section with it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/cli.js'

const pinned = JSON.parse(readFileSync(join(root, 'test', 'public-api.json'), 'utf8')) as Record<string, string[]>
const require = createRequire(import.meta.url)

/** The dist file name of an entry point (`talkatlas/eval` → `eval`). */
const fileOf = (entry: string): string => (entry === 'talkatlas' ? 'index' : entry.slice('talkatlas/'.length))

describe('public API', () => {
  it('pins the five entry points', () => {
    expect(Object.keys(pinned)).toEqual(['talkatlas', 'talkatlas/eval', 'talkatlas/languages', 'talkatlas/node', 'talkatlas/report'])
  })

  for (const [entry, names] of Object.entries(pinned)) {
    it(`${entry} exports exactly its pinned names, sorted in the list, as ESM and CommonJS`, async () => {
      expect(names).toEqual([...names].sort())
      const esm = (await import(pathToFileURL(join(root, 'dist', `${fileOf(entry)}.js`)).href)) as Record<string, unknown>
      expect(Object.keys(esm).sort()).toEqual(names)
      const cjs = require(join(root, 'dist', `${fileOf(entry)}.cjs`)) as Record<string, unknown>
      expect(Object.keys(cjs).sort()).toEqual(names)
    })
  }

  it('documents every export in the README, between its API section and the CLI section', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const api = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n## CLI\n'))
    const missing = [...new Set(Object.values(pinned).flat())].filter((name) => !new RegExp('`' + name + '[`(]').test(api))
    expect(missing).toEqual([])
  })

  it('keeps talkatlas well under 50 runtime names, and talkatlas/node is talkatlas plus the three file functions', () => {
    expect(pinned['talkatlas']!.length).toBeLessThan(40)
    expect(pinned['talkatlas/node']).toEqual([...pinned['talkatlas']!, 'readEmbeddingsFile', 'readTalksFile', 'writeFileAtomic'].sort())
  })
})
