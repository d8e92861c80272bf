// Themes of a conference: npx tsx examples/themes.ts [talks.json]
import { readFileSync } from 'node:fs'
import { buildAtlas, type Talk } from 'talkatlas'

const path = process.argv[2] ?? new URL('../fixtures/lpc-networking-bpf.json', import.meta.url).pathname
const talks = (JSON.parse(readFileSync(path, 'utf8')) as { talks: Talk[] }).talks

const atlas = buildAtlas(talks, { k: 'auto', seed: 7 })
for (const warning of atlas.warnings) console.error(`warning: ${warning.message}`)
for (const theme of atlas.themes) {
  const titles = theme.talks.slice(0, 3).map((m: { id: string }) => talks.find((t) => t.id === m.id)!.title)
  console.log(`${theme.label} (${theme.talks.length}): ${titles.join(' | ')}`)
}
