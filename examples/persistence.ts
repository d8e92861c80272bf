// Save an atlas, load it elsewhere, place new talks without refitting: npx tsx examples/persistence.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assignThemes, buildAtlas, loadAtlas, serializeAtlas, type Talk } from 'talkatlas'

const fixture = new URL('../fixtures/lpc-networking-bpf.json', import.meta.url)
const talks = (JSON.parse(readFileSync(fixture, 'utf8')) as { talks: Talk[] }).talks
const file = join(tmpdir(), 'talkatlas-atlas.json')
writeFileSync(file, JSON.stringify(serializeAtlas(buildAtlas(talks))))

const atlas = loadAtlas(JSON.parse(readFileSync(file, 'utf8')))
const late = [
  { id: 'late-1', title: 'Seccomp user notification for container runtimes', abstract: 'Supervising system calls of containers with seccomp notify and a user-space agent.' },
  { id: 'late-2', title: 'Frame pointers are back', abstract: 'Profilers unwind stacks cheaply again now that distributions build with frame pointers.' },
]
for (const a of assignThemes(atlas, late)) {
  console.log(`${a.id} → ${atlas.themes.find((t) => t.id === a.theme)!.label} (${a.score.toFixed(2)})`)
}
