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
  it('has no node: import, no XML parser, no UMAP, no other language, and stays under 43,300 bytes gzipped', async () => {
    const bundle = (await measureBrowserBundle()) as BundleFigures
    expect(bundle.nodeImports).toEqual([])
    expect(Object.keys(bundle.byPackage)).not.toContain('umap-js')
    expect(Object.keys(bundle.byPackage)).not.toContain('ml-matrix')
    expect(Object.keys(bundle.byPackage)).not.toContain('@orama/stemmers')
    // fast-xml-parser is bundled into dist/, so it is found by its option names, not its path.
    expect(bundle.text).not.toContain('attributeNamePrefix')
    // Stopword lists are found by a run of their words: German's starts `a|ab|aber|ach`.
    expect(bundle.text).not.toContain('|aber|')
    // German's talk boilerplate comes with its pack.
    expect(bundle.text).not.toContain('vortrag')
    // The goal is under 40 KB. The packed word list reached 39.9 KB; the faster tokenizer,
    // term counting and LSA kernels then added 2.6 KB (42.3 KB, 43,336 bytes), the word list
    // in code characters took 0.4 KB off (42,909 bytes), later features added 1.5 KB (44,376),
    // and the pruned word list and the language detector behind registerLanguages took 1.2 KB
    // off (43,126 bytes), the k-means, LSA and label-counting kernels of the speed work added
    // 0.5 KB (43,685 bytes), class fields assigned in constructors and smaller code took 0.3 KB
    // off (43,360 bytes), the consensus's seeding and half-gap kernels added 0.4 KB (43,794),
    // fewer label words (one list for verbs and adjectives, function words from the
    // stopwords) took 0.6 KB off (43,187), the related ranking's coarse scale read from the
    // data, the consensus's tail and LSA's blocked kernels added 0.9 KB (44,044), the same
    // code with fewer near-copies took 0.3 KB off (43,731), the consensus's kernels added 0.1 KB
    // (43,807), the stopwords front-coded and fewer copies took 0.4 KB off (43,386), one
    // counting sort by label and the TF-IDF fit's one-pass weighing 0.1 KB (43,273);
    // docs/decisions.md and docs/performance.md give the steps. A guard against growth until
    // the goal is met again.
    expect(bundle.gzipBytes).toBeLessThan(43_300)
  })

  it('adds the six Snowball stemmers and stopword lists when the page registers every language', async () => {
    const entry = "export { buildAtlas, relatedTalks, searchTalks, registerLanguages } from 'talkatlas'; export { allLanguages } from 'talkatlas/languages'"
    const bundle = (await measureBrowserBundle(entry)) as BundleFigures
    expect(bundle.nodeImports).toEqual([])
    expect(Object.keys(bundle.byPackage)).toContain('@orama/stemmers')
    expect(bundle.text).toContain('|aber|')
  })

  it('keeps the XML parser when the page reads talks', async () => {
    const bundle = (await measureBrowserBundle("export { parseTalks } from 'talkatlas'")) as BundleFigures
    expect(bundle.nodeImports).toEqual([])
    expect(bundle.text).toContain('attributeNamePrefix')
  })
})
