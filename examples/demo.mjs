// npm run demo: themes and related talks for the bundled Linux networking & BPF fixture.
import { readFileSync } from 'node:fs'
import { buildAtlas, relatedTalks, searchTalks } from '../dist/index.js'

const fixture = JSON.parse(readFileSync(new URL('../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8'))
// The fixture's `theme` label is for evaluation only: the library never sees it.
const talks = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const titleOf = new Map(talks.map((talk) => [talk.id, talk.title]))

const started = performance.now()
const atlas = buildAtlas(talks, { seed: 42 })
const elapsed = Math.round(performance.now() - started)

console.log(`talkatlas demo: ${talks.length} talks → ${atlas.themes.length} themes (k chosen by silhouette) in ${elapsed} ms\n`)
for (const theme of atlas.themes) {
  console.log(`■ ${theme.label}  (${theme.talks.length} talks)`)
  console.log(`  keywords: ${theme.keywords.slice(0, 6).map((k) => k.term).join(', ')}`)
  for (const member of theme.talks) console.log(`   ${member.score.toFixed(2)}  ${titleOf.get(member.id)}`)
  console.log()
}

console.log('Related talks\n')
for (const talk of [talks[0], talks[20], talks[40]]) {
  console.log(`“${talk.title}”`)
  for (const related of relatedTalks(atlas, talk.id, { top: 3 })) {
    console.log(`   ${related.score.toFixed(2)}  ${titleOf.get(related.id)}`)
    console.log(`         shared: ${related.terms.join(', ')}`)
  }
  console.log()
}

const query = 'packet scheduling in XDP'
console.log(`Search: “${query}”`)
for (const hit of searchTalks(atlas, query, { top: 3 })) console.log(`   ${hit.score.toFixed(2)}  ${titleOf.get(hit.id)}  [${hit.terms.join(', ')}]`)
