/**
 * Linear time as a tested property: every text-processing function runs on 50 KB and on
 * 400 KB of each pathological family, and the time ratio must stay under 32 (linear: about
 * 8; quadratic: about 64). The bound sits a factor of 2 from each: caches make linear scans
 * of 400 KB up to 15× slower than of 50 KB on a quiet machine, and at the former 100 KB →
 * 400 KB step (bound 6) a loaded CI machine gave a linear family 6.1. Times are CPU time of this process (a loaded machine does not
 * count), each the fastest of interleaved rounds of at least 5 ms of calls, with retries;
 * absolute times are never asserted.
 */
import { describe, expect, it } from 'vitest'
import { cleanText, isAlreadyClean } from '../../src/io/cleanText.js'
import { detectFormat } from '../../src/io/detectFormat.js'
import { lineAt } from '../../src/io/fields.js'
import { locateJsonError } from '../../src/io/locateJsonError.js'
import { parseTalks } from '../../src/io/parseTalks.js'
import { scanTokens } from '../../src/text/tokenize.js'
import { cpuTimeRatio } from '../helpers/cpuTime.js'

const SMALL = 50_000
const LARGE = 400_000
const MAX_RATIO = 32
/** Interleaved rounds of both sizes in one ratio. */
const ROUNDS = 5

/**
 * `unit` repeated to `size` characters, between `before` and `after`.
 * @param unit Repeated text.
 * @param before Text in front.
 * @param after Text after.
 */
const run = (unit: string, before = '', after = '') => (size: number): string => before + unit.repeat(Math.ceil(size / unit.length)) + after

/** Pathological inputs: the families of the hardening report, then more of the same kind. */
export const families: Record<string, (size: number) => string> = {
  'Markdown heading then spaces': run(' ', '# a', 'b'),
  'heading marker then spaces and hashes': run(' #', '## a'),
  '[a repeated then ](u)': run('[a', '', '](u)'),
  '[a]( repeated (link URL without end)': run('[a]('),
  '[a]( " repeated (link title without end)': run('[a]( "'),
  '[a]( repeated with spaces': run('[a](  '),
  '<!-- repeated': run('<!--'),
  '<script> repeated': run('<script>'),
  '<script without > repeated': run('<script '),
  '<style a="<" repeated': run('<style a="<"'),
  '</script  without > repeated': run('<script></script  '),
  'combining marks after one letter': run('\u0301\u0300\u0323\u0327', 'a'),
  'backticks then a letter': run('`', '', 'a'),
  '`a repeated': run('`a'),
  '**a repeated': run('**a '),
  '*a* repeated inside a word': run('*a*a'),
  'HTML tag openers without >': run('<div '),
  'autolink openers': run('<http://a'),
  'entity openers': run('&#x1'),
  'named entity openers': run('&amp'),
  'quote markers': run('> '),
  'list markers': run('- '),
  'rule marks then a letter': run('- * ', '', 'x'),
  'spaces then a letter': run(' ', '', 'x'),
  'blank lines': run('\n'),
  'tabs and no-break spaces': run('\t\u00a0'),
  "token-like a'a": run("a'"),
  'token-like .5.5': run('.5'),
  'token-like a-a-': run('a-'),
  'plain words': run('word '),
  'unclosed JSON arrays': run('['),
  'JSON keys without values': run('{"a":', '['),
  'JSON string escapes': run('\\u00', '"'),
  'CSV header-like first line': run(',  "', 'title'),
  'one long line of commas': run(','),
  'footnote markers': run('[1]'),
  'footnote markers after words': run('a [1], '),
  'reference list lines': run('[1] https://a.org\n', 'Text [1].\n'),
  'reference entries and wrapped lines': run('[1] x\nwrapped\n', 'Text.\n'),
  'emphasis inside words without end': run('a*b'),
  'nested link labels without end': run('[a [b] '),
  'nested link labels without URL end': run('[a [1]]('),
}

/** Text-processing functions, each called on one whole input. */
const functions: Record<string, (text: string) => unknown> = {
  cleanText: (text) => cleanText(text),
  'cleanText single-line': (text) => cleanText(text, { singleLine: true }),
  isAlreadyClean: (text) => isAlreadyClean(text, false),
  scanTokens: (text) => {
    let count = 0
    scanTokens(text, () => {
      count++
    })
    return count
  },
  detectFormat: (text) => detectFormat(text),
  locateJsonError: (text) => locateJsonError(text),
  lineAt: (text) => lineAt(text, text.length),
  'parseTalks (JSON abstract)': (text) => parseTalks(JSON.stringify([{ id: 'x', title: 'T', abstract: text }]), { format: 'json' }),
}

describe('text processing runs in linear time on pathological input', () => {
  for (const [functionName, apply] of Object.entries(functions)) {
    it(`${functionName}: 400 KB takes less than ${MAX_RATIO}× the time of 50 KB, for every family`, () => {
      const slow: string[] = []
      let worst = { family: '', ratio: 0 }
      for (const [familyName, make] of Object.entries(families)) {
        const small = make(SMALL)
        const large = make(LARGE)
        apply(small) // warm-up: compile the code paths this family takes
        let ratio = cpuTimeRatio(apply, small, large, ROUNDS)
        // A loaded machine can still spoil one measurement; a quadratic cost fails every time.
        for (let retry = 0; retry < 3 && ratio >= MAX_RATIO; retry++) ratio = Math.min(ratio, cpuTimeRatio(apply, small, large, ROUNDS))
        if (ratio >= MAX_RATIO) slow.push(`${familyName}: ×${ratio.toFixed(1)}`)
        if (ratio > worst.ratio) worst = { family: familyName, ratio }
      }
      // LINEAR_TIME_REPORT=1 prints the figures for docs/reliability.md.
      if (process.env['LINEAR_TIME_REPORT'] === '1') console.log(`${functionName}: worst ×${worst.ratio.toFixed(2)} (${worst.family})`)
      expect(slow).toEqual([])
    }, 300_000)
  }
})
