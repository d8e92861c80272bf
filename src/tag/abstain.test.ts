import { describe, expect, test } from 'vitest'
import lpc from '../../fixtures/lpc-networking-bpf.json'
import ml from '../../fixtures/ml-workshop.json'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Talk } from '../types.js'
import { nameThemes } from './nameThemes.js'
import { BUILTIN_TAXONOMY } from './taxonomy.js'
import { taxonomyFit } from './taxonomyFit.js'
import { tagTalks } from './tagTalks.js'
import { talkWords } from './talkWords.js'
import { themeEvidence } from './themeEvidence.js'
import { resolveThemes } from './resolveThemes.js'

const strip = (talks: readonly (Talk & { theme?: string })[]): Talk[] => talks.map(({ theme: _theme, ...talk }) => talk)

/**
 * A track page of the kind Linux networking conferences publish: short, truncated abstracts,
 * no titles, each clearly about one theme (invented for this test), and one off-topic talk.
 */
const trackPage: (Talk & { expected: string | null })[] = [
  { id: 'p1', title: '', expected: 'HID-BPF', abstract: 'HID devices such as tablets and game controllers often need a tiny fix in their report descriptor. With HID-BPF, a small BPF program attached to the HID subsystem fixes the device without a new kernel driver...' },
  { id: 'p2', title: '', expected: 'Seccomp', abstract: 'Seccomp filters are still written in classic BPF. We show how container runtimes build seccomp profiles and why seccomp notify moves policy decisions to user space...' },
  { id: 'p3', title: '', expected: 'MPTCP', abstract: 'Multipath TCP (MPTCP) lets a connection use Wi-Fi and cellular at once. We present the MPTCP path manager, new subflow scheduling and how applications opt in...' },
  { id: 'p4', title: '', expected: 'XDP', abstract: 'XDP programs forward packets at the driver, but XDP cannot yet queue packets. We propose a queueing mechanism for XDP so that forwarding can do traffic shaping...' },
  { id: 'p5', title: '', expected: 'BPF CI and testing', abstract: 'The BPF CI picks up patches from the mailing list, runs the selftests on several architectures and reports back. How the BPF CI works and how to run it on your own tree...' },
  { id: 'p6', title: '', expected: 'Traffic control', abstract: 'Several agents attaching tc BPF programs to the same device step on each other. A revamped tc ingress and egress hook with links and ordering avoids it...' },
  { id: 'p7', title: '', expected: 'Profiling and stack unwinding', abstract: 'A system-wide profiler must unwind stacks of binaries without frame pointers. We unwind with DWARF call-frame information from a BPF program and symbolize in user space...' },
  { id: 'p8', title: '', expected: 'Documentation and standardisation', abstract: 'The eBPF instruction set is being standardized at the IETF. This session reports on the documentation and standardization effort and asks for review...' },
  { id: 'p9', title: '', expected: null, abstract: 'Our animation studio painted a feature film frame by frame with free software; we discuss colour grading, the soundtrack and the premiere...' },
]

describe('tags that abstain', () => {
  const withFilm = [...strip(lpc.talks), { id: 'film', title: 'Painting an animated feature film', abstract: 'An animation studio painted every frame of a feature film with free software: brushes, colour grading, the soundtrack and the festival premiere.' }]
  const atlas = buildAtlas(withFilm, { seed: 42 })

  test('tagTalks(atlas) leaves an off-topic talk untagged, with no evidence for any theme', () => {
    const result = tagTalks(atlas)
    expect(result.talks.find((talk) => talk.id === 'film')!.tags).toEqual([])
    const themes = resolveThemes(undefined)
    const evidence = themeEvidence(talkWords(withFilm), themes)
    const row = withFilm.length - 1
    expect(Array.from(evidence.subarray(row * themes.length, (row + 1) * themes.length)).every((value) => value === 0)).toBe(true)
  })

  test('tagTalks(atlas) still tags every talk of the networking fixture, each tag with evidence', () => {
    const result = tagTalks(atlas)
    const networking = result.talks.filter((talk) => talk.id !== 'film')
    expect(networking.every((talk) => talk.tags.length > 0)).toBe(true)
    for (const talk of networking) for (const tag of talk.tags) expect(tag.evidence).toBeGreaterThanOrEqual(0.5)
  })

  test('tagTalks(atlas, undefined, { minEvidence: 0 }) gives the off-topic talk a tag, as before abstention', () => {
    expect(tagTalks(atlas, undefined, { minEvidence: 0 }).talks.find((talk) => talk.id === 'film')!.tags.length).toBeGreaterThan(0)
  })

  test('a track page of short networking abstracts gets the obvious top tag on every on-topic talk', () => {
    const page = strip(trackPage.map(({ expected: _expected, ...talk }) => talk))
    const result = tagTalks(buildAtlas(page, { seed: 42 }))
    expect(result.warnings.map((warning) => warning.code)).toContain('taxonomy-detected')
    expect(result.talks.map((talk) => talk.tags[0]?.theme ?? null)).toEqual(trackPage.map((talk) => talk.expected))
  })

  test('on a corpus of another field the built-in taxonomy does not fit: no tags, a warning that says to pass themes', () => {
    const talks = strip(ml.talks)
    expect(taxonomyFit(talks, BUILTIN_TAXONOMY).fits).toBe(false)
    const result = tagTalks(buildAtlas(talks, { seed: 42 }))
    expect(result.talks.every((talk) => talk.tags.length === 0)).toBe(true)
    expect(result.warnings.map((warning) => warning.code)).toEqual(['no-fitting-taxonomy'])
    expect(result.warnings[0]!.message).toContain('--themes')
  })

  test('nameThemes(atlas) names no theme of a corpus the built-in taxonomy does not fit', () => {
    const names = nameThemes(buildAtlas(strip(ml.talks), { seed: 42 }))
    expect(names.every((entry) => entry.name === null)).toBe(true)
  })
})

describe('themeEvidence(talks, themes)', () => {
  const themes = resolveThemes([{ name: 'Tracing and observability', keywords: ['ring buffer'] }], { taxonomy: null })
  const evidence = (abstract: string): number => themeEvidence(talkWords([{ id: 'a', title: '', abstract }]), themes)[0]!

  test('matches exact words, a plural included, not other words of the same stem', () => {
    expect(evidence('We observe the system.')).toBe(0)
    expect(evidence('Observability for everyone.')).toBe(2)
    expect(evidence('Kernel tracings.')).toBe(2)
  })

  test('a keyword of several words needs them side by side', () => {
    expect(evidence('A ring of nodes fills a buffer.')).toBe(0)
    expect(evidence('Events go through a ring buffer.')).toBe(1)
  })

  test('the whole name and each half of "A and B" count once each', () => {
    expect(evidence('Tracing and observability')).toBe(6)
  })
})

describe('taxonomyFit(talks, taxonomy)', () => {
  test('fits the networking fixture and not the machine-learning one', () => {
    expect(taxonomyFit(strip(lpc.talks), BUILTIN_TAXONOMY)).toEqual({ fits: true, share: 1 })
    expect(taxonomyFit(strip(ml.talks), BUILTIN_TAXONOMY).share).toBeLessThan(0.2)
  })
})
