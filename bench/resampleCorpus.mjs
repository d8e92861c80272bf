// The bench's second generator: synthetic talks made of the words of real abstracts.
//
// Each synthetic talk takes a main talk and a second talk, both drawn at random from a base
// corpus, and as many words as the main talk has, 80 % drawn (with replacement) from the main
// talk's words and 20 % from the second's. Its truth label (`topic`) is the main talk's track.
// Real abstracts share vocabulary across tracks and every talk borrows a fifth of its words
// from another subject, so the clusters are weak: points keep changing cluster for many
// Lloyd iterations and distance bounds skip little, unlike generateCorpus's well-separated
// topics over an invented lexicon. The recipe is the one of the scale anchor
// (sklearn_scale.py), with a seeded generator of its own.
import { readFileSync } from 'node:fs'
import { mulberry32 } from '../scripts/shared.mjs'

/** Share of a synthetic talk's words drawn from its main talk. */
export const MAIN_SHARE = 0.8

/**
 * Talks of a base corpus file (`{ talks }` or an array), keeping those with words; the truth
 * label is `track`, else `theme`, else `topic`.
 * @param {string} file JSON file.
 * @returns {{ words: string[], titleWords: string[], label: string }[]}
 */
export function readBaseTalks(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const talks = Array.isArray(data) ? data : data.talks
  const base = []
  for (const talk of talks) {
    const titleWords = String(talk.title ?? '').split(/\s+/).filter(Boolean)
    const words = [...titleWords, ...String(talk.abstract ?? '').split(/\s+/).filter(Boolean)]
    if (words.length === 0) continue
    base.push({ words, titleWords, label: String(talk.track ?? talk.theme ?? talk.topic ?? '') })
  }
  if (base.length < 2) throw new Error(`${file}: fewer than two talks with words to resample`)
  return base
}

/**
 * `size` synthetic talks resampled from `base` (see the file header); deterministic for a seed.
 * @param {{ words: string[], titleWords: string[], label: string }[]} base Talks to draw from.
 * @param {number} size Number of talks.
 * @param {number} seed Generator seed.
 * @param {number} [mainShare] Share of words from the main talk.
 */
export function resampleCorpus(base, size, seed, mainShare = MAIN_SHARE) {
  const random = mulberry32(seed)
  const pick = (items) => items[Math.floor(random() * items.length)]
  const talks = new Array(size)
  for (let i = 0; i < size; i++) {
    const main = pick(base)
    const other = pick(base)
    const fromMain = Math.round(main.words.length * mainShare)
    const words = new Array(main.words.length)
    for (let w = 0; w < fromMain; w++) words[w] = pick(main.words)
    for (let w = fromMain; w < words.length; w++) words[w] = pick(other.words)
    const titleLength = Math.max(1, Math.min(12, main.titleWords.length))
    const title = []
    for (let w = 0; w < titleLength; w++) title.push(pick(main.titleWords.length > 0 ? main.titleWords : main.words))
    talks[i] = { id: `resampled-${i + 1}`, title: title.join(' '), abstract: words.join(' '), topic: main.label }
  }
  return talks
}
