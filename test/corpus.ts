/**
 * Generated corpora for property and edge tests: talks written from a small vocabulary of
 * technical words, so that themes exist, with stopwords and numbers mixed in.
 */
import fc from 'fast-check'
import type { Talk } from '../src/types.js'

/** Topic words: three loose groups so that generated corpora have some structure. */
export const TOPIC_WORDS: readonly (readonly string[])[] = [
  ['eBPF', 'XDP', 'verifier', 'kprobes', 'tracing', 'BTF', 'uprobes', 'perf', 'maps', 'AF_XDP'],
  ['Rust', 'borrow', 'compiler', 'lifetimes', 'crates', 'cargo', 'traits', 'async', 'LLVM', 'macros'],
  ['Kubernetes', 'containers', 'scheduler', 'pods', 'cgroups', 'namespaces', 'Helm', 'operators', 'etcd', 'io_uring'],
]

/** Filler that carries no topic: stopwords, boilerplate and numbers. */
export const FILLER_WORDS: readonly string[] = ['the', 'and', 'of', 'talk', 'we', 'will', 'about', '2025', '3.14', 'with']

const word = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: TOPIC_WORDS.length - 1 }).chain((g) => fc.constantFrom(...TOPIC_WORDS[g]!)) },
  { weight: 1, arbitrary: fc.constantFrom(...FILLER_WORDS) },
)

/** One talk's text: a topic group dominates, filler and other words are mixed in. */
const talkText = fc
  .record({
    group: fc.integer({ min: 0, max: TOPIC_WORDS.length - 1 }),
    titleLength: fc.integer({ min: 0, max: 4 }),
    abstractLength: fc.integer({ min: 0, max: 25 }),
    noise: fc.array(word, { maxLength: 6 }),
    picks: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
  })
  .map(({ group, titleLength, abstractLength, noise, picks }) => {
    const topic = TOPIC_WORDS[group]!
    const pick = (t: number): string => topic[picks[t]! % topic.length]!
    const title = Array.from({ length: titleLength }, (_, t) => pick(t)).join(' ')
    const body = Array.from({ length: abstractLength }, (_, t) => pick(t + 4))
    return { title, abstract: [...body, ...noise].join(' ') }
  })

/**
 * Arbitrary corpus of `minTalks`..`maxTalks` talks with unique ids `t0`, `t1`, …; some
 * talks repeat the title and abstract of another, so that scores tie.
 * @param minTalks Fewest talks.
 * @param maxTalks Most talks.
 */
export function corpusArbitrary(minTalks: number, maxTalks: number): fc.Arbitrary<Talk[]> {
  return fc
    .record({
      texts: fc.array(talkText, { minLength: minTalks, maxLength: maxTalks }),
      copies: fc.array(fc.nat(), { maxLength: 5 }),
    })
    .map(({ texts, copies }) => {
      const all = [...texts]
      for (const copy of copies) if (texts.length > 0 && all.length < maxTalks) all.push(texts[copy % texts.length]!)
      return all.map((text, i) => ({ id: `t${i}`, ...text }))
    })
}

/**
 * A deterministic corpus of `n` short talks, without fast-check (for size tests).
 * @param n Number of talks.
 * @param seed Seed of the word choice.
 */
export function generateCorpus(n: number, seed = 1): Talk[] {
  let state = seed >>> 0
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  const talks: Talk[] = []
  for (let i = 0; i < n; i++) {
    const topic = TOPIC_WORDS[i % TOPIC_WORDS.length]!
    const words = (count: number): string =>
      Array.from({ length: count }, () => (next() < 0.8 ? topic[Math.floor(next() * topic.length)] : FILLER_WORDS[Math.floor(next() * FILLER_WORDS.length)])).join(' ')
    talks.push({ id: `talk-${i}`, title: words(3), abstract: words(12) })
  }
  return talks
}

/**
 * Fisher–Yates shuffle driven by a list of random numbers (so fast-check can shrink it).
 * @param items Items to shuffle (not modified).
 * @param keys Random non-negative integers, used cyclically.
 */
export function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = keys.length === 0 ? 0 : keys[i % keys.length]! % (i + 1)
    const held = out[i]!
    out[i] = out[j]!
    out[j] = held
  }
  return out
}
