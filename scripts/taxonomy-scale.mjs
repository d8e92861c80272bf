// Generates a large taxonomy whose themes all share the same keywords, and the talks to tag
// with it: the worst case of tagging time in the number of themes × keywords.
//
//   node scripts/taxonomy-scale.mjs <themes> <out-dir> [keywords=100] [talks=20] [drop=0]
//
// Writes <out-dir>/taxonomy-<themes>.json (a Taxonomy object) and <out-dir>/talks.json (the
// first talks of fixtures/lpc-networking-bpf.json). Keywords are the first distinct words (of
// four letters or more) of those talks, every fourth one joined to the next as a phrase, so that single-word
// and two-word keys both match. With drop = d > 0, theme t leaves out the keywords j with
// (j + t) % d = 0, so that themes differ (their tags too) while sharing most keywords
// (file taxonomy-<themes>-drop<d>.json). Then: `talkatlas tag talks.json --themes taxonomy-N.json`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [nThemes, outDir, nKeywords = '100', nTalks = '20', drop = '0'] = process.argv.slice(2)
if (!nThemes || !outDir) {
  console.error('usage: node scripts/taxonomy-scale.mjs <themes> <out-dir> [keywords] [talks] [drop]')
  process.exit(2)
}
const { talks } = JSON.parse(readFileSync(join(root, 'fixtures', 'lpc-networking-bpf.json'), 'utf8'))
const words = [...new Set(talks.flatMap((talk) => `${talk.title} ${talk.abstract}`.toLowerCase().match(/[a-z]{4,}/g) ?? []))]
const keywords = []
for (let w = 0; keywords.length < Number(nKeywords); w++) keywords.push(w % 4 === 3 ? `${words[w % words.length]} ${words[(w + 1) % words.length]}` : words[w % words.length])
const d = Number(drop)
const themes = Array.from({ length: Number(nThemes) }, (_, t) => ({ name: `Concept ${t}`, keywords: d > 0 ? keywords.filter((_, j) => (j + t) % d !== 0) : keywords }))
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, `taxonomy-${nThemes}${d > 0 ? `-drop${d}` : ''}.json`), JSON.stringify({ name: `scale-${nThemes}`, themes }))
writeFileSync(join(outDir, 'talks.json'), JSON.stringify(talks.slice(0, Number(nTalks))))
