// The browser bundle of the core: what a page that builds and queries an atlas ships.
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without declarations
import { measureBrowserBundle } from '../scripts/packageFigures.mjs'

interface BundleFigures {
  readonly text: string
  readonly bytes: number
  readonly gzipBytes: number
  readonly nodeImports: string[]
  readonly byPackage: Record<string, number>
}

describe('esbuild bundle of buildAtlas + relatedTalks + searchTalks from talkatlas', () => {
  it('has no node: import, no XML parser, no UMAP, and stays under 52 KB gzipped', async () => {
    const bundle = (await measureBrowserBundle()) as BundleFigures
    expect(bundle.nodeImports).toEqual([])
    expect(Object.keys(bundle.byPackage)).not.toContain('umap-js')
    expect(Object.keys(bundle.byPackage)).not.toContain('ml-matrix')
    // fast-xml-parser is bundled into dist/, so it is found by its option names, not its path.
    expect(bundle.text).not.toContain('attributeNamePrefix')
    // A regression guard, not the goal: the goal is 40 KB. The six Snowball stemmers (7.7 KB),
    // the seven stopword lists (3.5 KB) and the label word list (about 13 KB) put the bundle
    // at 49.8 KB gzipped (docs/performance.md).
    expect(bundle.gzipBytes).toBeLessThan(52 * 1024)
  })

  it('keeps the XML parser when the page reads talks', async () => {
    const bundle = (await measureBrowserBundle("export { parseTalks } from 'talkatlas'")) as BundleFigures
    expect(bundle.nodeImports).toEqual([])
    expect(bundle.text).toContain('attributeNamePrefix')
  })
})
