// Related talks and search: npx tsx examples/related.ts
import { readFileSync } from 'node:fs'
import { buildAtlas, relatedTalks, searchTalks, type Talk } from 'talkatlas'

const fixture = new URL('../fixtures/lpc-networking-bpf.json', import.meta.url)
const talks = (JSON.parse(readFileSync(fixture, 'utf8')) as { talks: Talk[] }).talks
const atlas = buildAtlas(talks)
const title = (id: string) => talks.find((t) => t.id === id)!.title

const query = talks[0]!
console.log(`Related to “${query.title}”:`)
for (const r of relatedTalks(atlas, query.id, { top: 5 })) console.log(`  ${r.score.toFixed(3)} ${title(r.id)} — ${r.terms.join(', ')}`)

console.log('Search “seccomp notify in containers”:')
for (const r of searchTalks(atlas, 'seccomp notify in containers', { top: 3 })) console.log(`  ${r.score.toFixed(3)} ${title(r.id)}`)
