import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Talk } from '../types.js'
import { descriptionEvidence } from './descriptionEvidence.js'
import { resolveThemes } from './resolveThemes.js'
import { tagTalks } from './tagTalks.js'
import { talkWords } from './talkWords.js'
import { BUILTIN_TAXONOMY } from './taxonomy.js'
import { taxonomyFit } from './taxonomyFit.js'

describe('descriptionEvidence(talks, themes)', () => {
  const themes = resolveThemes(
    [
      { name: 'Roses', keywords: ['thorn'], description: 'Pruning roses in winter, feeding the soil with compost and keeping aphids off the buds.' },
      { name: 'Vegetables', keywords: ['compost heap'], description: 'Sowing beans and carrots in raised beds, feeding the soil and watering through summer.' },
    ],
    { taxonomy: null },
  )
  const evidence = (abstract: string): number[] => Array.from(descriptionEvidence(talkWords([{ id: 'a', title: '', abstract }]), themes))

  test('counts each distinct noun of one theme description once, by stem', () => {
    expect(evidence('Aphid season: aphids on the buds.')).toEqual([2, 0])
    expect(evidence('Carrots and beans.')).toEqual([0, 2])
  })

  test('ignores words another theme uses anywhere (soil, compost, feeding) and words that are not nouns', () => {
    expect(evidence('Good soil needs compost and feeding.')).toEqual([0, 0])
    expect(evidence('We keep them off.')).toEqual([0, 0])
  })

  test('ignores a word the theme names already (its name), which themeEvidence counts', () => {
    expect(evidence('Roses.')).toEqual([0, 0])
  })
})

describe('description evidence in default tagging', () => {
  /** Short networking abstracts written for this test; `obs` names no theme, `off` is off-topic. */
  const page: Talk[] = [
    { id: 'hid', title: '', abstract: 'HID devices such as tablets often need a tiny fix in their report descriptor; HID-BPF fixes them without a new driver.' },
    { id: 'sec', title: '', abstract: 'Seccomp filters are still classic BPF. Container runtimes build seccomp profiles and use seccomp notify for the rest.' },
    { id: 'mptcp', title: '', abstract: 'Multipath TCP (MPTCP) lets one connection use Wi-Fi and cellular at once through the MPTCP path manager and subflows.' },
    { id: 'xdp', title: '', abstract: 'XDP programs forward packets in the driver; we add queueing to XDP so that forwarding can shape traffic.' },
    { id: 'obs', title: '', abstract: 'Why is this request slow? We add instrumentation to the storage path of a service and export latency histograms and metrics without restarting it.' },
    { id: 'off', title: '', abstract: 'A choir rehearses for the spring concert; we discuss scores, metrics of breathing and the premiere.' },
  ]

  test('a talk that names no theme but uses two of a description\'s own nouns gets that theme', () => {
    const result = tagTalks(buildAtlas(page, { seed: 42 }))
    const top = Object.fromEntries(result.talks.map((talk) => [talk.id, talk.tags[0]?.theme ?? null]))
    expect(top).toEqual({ hid: 'HID-BPF', sec: 'Seccomp', mptcp: 'MPTCP', xdp: 'XDP', obs: 'Tracing and observability', off: null })
  })

  test('description words never make the built-in taxonomy fit a corpus', () => {
    const talks = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, title: '', abstract: 'Instrumentation, metrics and firmware of every device.' }))
    expect(taxonomyFit(talks, BUILTIN_TAXONOMY).share).toBe(0)
  })
})
