/**
 * Saved atlases of the project fixtures, small enough to load hundreds of times in a test,
 * and what an atlas answers (themes, related talks, search, assignment of a new talk).
 */
import { readFileSync } from 'node:fs'
import { assignThemes } from '../../src/atlas/assignThemes.js'
import { buildAtlas } from '../../src/atlas/buildAtlas.js'
import { serializeAtlas } from '../../src/atlas/serializeAtlas.js'
import type { Atlas } from '../../src/atlas/types.js'
import { relatedTalks } from '../../src/similarity/relatedTalks.js'
import { searchTalks } from '../../src/similarity/searchTalks.js'
import type { Talk } from '../../src/types.js'

/** Talks of a fixture file (`fixtures/<name>.json`), without the truth label. */
export function fixtureTalks(name: string): Talk[] {
  const file = JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')) as { talks: Talk[] }
  return file.talks.map(({ theme: _theme, ...talk }) => talk as Talk)
}

/**
 * An atlas of the first `count` talks of a fixture.
 * @param name Fixture name.
 * @param count Talks kept.
 * @param k Themes (a fixed k keeps the build fast).
 */
export function fixtureAtlas(name: string, count: number, k: number): Atlas {
  return buildAtlas(fixtureTalks(name).slice(0, count), { k, restarts: 4 })
}

/** The JSON text of {@link fixtureAtlas}. */
export function savedAtlasText(name: string, count: number, k: number): string {
  return JSON.stringify(serializeAtlas(fixtureAtlas(name, count, k)))
}

/** What a user gets from an atlas: themes, a few related lists, a search, a new talk's theme. */
export function atlasAnswers(atlas: Atlas): unknown {
  const ids = [0, Math.floor(atlas.talks.length / 2), atlas.talks.length - 1].map((i) => atlas.talks[i]!.id)
  return {
    themes: atlas.themes,
    related: ids.map((id) => relatedTalks(atlas, id, { top: 4 })),
    search: searchTalks(atlas, 'packet scheduling with XDP and eBPF maps; gradient descent training', { top: 4 }),
    assigned: assignThemes(atlas, [
      { id: 'new', title: 'Tracing BPF programs', abstract: 'Verifier, maps and XDP hooks; neural network training on GPUs.' },
    ]),
  }
}
