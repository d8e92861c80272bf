/**
 * Linear time in the size of a taxonomy: themes that all share the same keywords (a
 * generated taxonomy, or a large one like the ACM classification whose concepts share words)
 * once made reading the entries quadratic, each key's list of entries copied for every entry
 * added to it. 32× the themes must take less than 128× the time (linear: about 32; quadratic:
 * about 1,000). Times are CPU time of this process, each the fastest of interleaved rounds,
 * with retries; absolute times are never asserted (see test/adversarial/linear-time.test.ts).
 */
import { describe, expect, test } from 'vitest'
import { descriptionEvidence } from './descriptionEvidence.js'
import { resolveThemes, type ResolvedTagTheme } from './resolveThemes.js'
import { talkWords } from './talkWords.js'
import { evidenceWords, themeEvidence } from './themeEvidence.js'
import { cpuTimeRatio } from '../../test/helpers/cpuTime.js'

const SMALL = 500
const LARGE = 16_000
const MAX_RATIO = 128

/** Keywords every generated theme uses: single words and pairs, some found in the talks. */
const KEYWORDS = ['ring buffer', 'packet', 'scheduling', 'verifier', 'tracing', 'kernel', 'queue discipline', 'socket', 'probe', 'map']

/**
 * A taxonomy of `size` themes, all with the same keywords.
 * @param size Number of themes.
 */
function sharedKeywordThemes(size: number): ResolvedTagTheme[] {
  const themes = Array.from({ length: size }, (_, t) => ({ name: `Concept ${t}`, keywords: KEYWORDS, description: `Concept number ${t} of packet scheduling` }))
  return resolveThemes(undefined, { taxonomy: { name: 'generated', themes } })
}

const talks = talkWords([
  { id: 'a', title: 'Ring buffers for tracing', abstract: 'A kernel ring buffer, a probe and a map: tracing packet scheduling without a queue discipline.' },
  { id: 'b', title: 'The verifier', abstract: 'How the verifier walks a program and a socket.' },
])

const readers: Record<string, (themes: readonly ResolvedTagTheme[]) => unknown> = {
  themeEvidence: (themes) => themeEvidence(talks, themes),
  evidenceWords: (themes) => evidenceWords(themes),
  descriptionEvidence: (themes) => descriptionEvidence(talks, themes),
}

describe('evidence readers run in linear time in the number of themes sharing keywords', () => {
  const small = sharedKeywordThemes(SMALL)
  const large = sharedKeywordThemes(LARGE)
  for (const [name, apply] of Object.entries(readers)) {
    test(`${name}: ${LARGE} themes take less than ${MAX_RATIO}× the time of ${SMALL}`, () => {
      apply(small) // warm-up: compile the code paths
      let ratio = cpuTimeRatio(apply, small, large, 3)
      // A loaded machine can still spoil one measurement; a quadratic cost fails every time.
      for (let retry = 0; retry < 2 && ratio >= MAX_RATIO; retry++) ratio = Math.min(ratio, cpuTimeRatio(apply, small, large, 3))
      // LINEAR_TIME_REPORT=1 prints the figures for docs/performance.md.
      if (process.env['LINEAR_TIME_REPORT'] === '1') console.log(`${name}: ×${ratio.toFixed(1)}`)
      expect(ratio).toBeLessThan(MAX_RATIO)
    }, 300_000)
  }
})
