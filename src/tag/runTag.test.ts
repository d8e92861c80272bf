import { expect, test } from 'vitest'
import fixture from '../../fixtures/lpc-networking-bpf.json'
import { InputError } from '../errors.js'
import type { Talk } from '../types.js'
import { runTag } from './runTag.js'

const talks: Talk[] = (fixture.talks as (Talk & { theme: string })[]).map(({ theme: _theme, ...talk }) => talk)

test('runTag(talks, themes) returns { tags: { id: [{ theme, score, evidence }] } } with every talk, best first', () => {
  const { json, warnings } = runTag(talks, [{ name: 'XDP' }, { name: 'tc' }, { name: 'seccomp' }, { name: 'profiling' }])
  expect(Object.keys(json.tags)).toEqual(talks.map((t) => t.id))
  expect(json.tags['xdp-rx-metadata-kfuncs']![0]).toEqual({ theme: 'XDP', score: expect.any(Number), evidence: expect.any(Number) })
  for (const tags of Object.values(json.tags)) {
    expect(tags.length).toBeGreaterThanOrEqual(1)
    for (const tag of tags) expect(Object.keys(tag)).toEqual(['theme', 'score', 'evidence'])
    for (let r = 1; r < tags.length; r++) expect(tags[r]!.score).toBeLessThanOrEqual(tags[r - 1]!.score)
  }
  expect(warnings).toEqual([])
})

test('runTag(talks) uses the built-in taxonomy, and a taxonomy object replaces it', () => {
  const builtin = runTag(talks.slice(0, 30))
  expect(builtin.json.tags['af-xdp-zero-copy-packet-broker']![0]!.theme).toBe('AF_XDP')
  const replaced = runTag(talks.slice(0, 30), { name: 'two', themes: [{ name: 'Sockets', keywords: ['socket'] }, { name: 'Queues', keywords: ['queue'] }] })
  const themes = new Set(Object.values(replaced.json.tags).flatMap((tags) => tags.map((t) => t.theme)))
  expect([...themes].sort()).toEqual(['Queues', 'Sockets'])
})

test('runTag rejects a themes file that is neither an array nor { themes: [...] }', () => {
  expect(() => runTag(talks, { name: 'x' })).toThrow(InputError)
  expect(() => runTag(talks, 'XDP')).toThrow(/themes: tag: the themes file must hold an array of themes/)
})

test('runTag keeps a talk whose id is "__proto__" as a key of tags', () => {
  const odd: Talk[] = [
    { id: '__proto__', title: 'XDP fast path', abstract: 'XDP packet processing in drivers' },
    { id: 'b', title: 'seccomp filters', abstract: 'seccomp sandbox syscalls' },
  ]
  const { json } = runTag(odd, [{ name: 'XDP' }, { name: 'seccomp' }])
  expect(Object.keys(json.tags)).toEqual(['__proto__', 'b'])
  expect(JSON.parse(JSON.stringify(json)).tags.__proto__[0].theme).toBe('XDP')
})
