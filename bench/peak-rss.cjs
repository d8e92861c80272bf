// Preloaded by scripts/bench.mjs with `node --require bench/peak-rss.cjs dist/cli.js …` so that
// the peak resident set size of a whole CLI process can be read back: at exit it writes
// process.resourceUsage().maxRSS (KiB) to the file named by TALKATLAS_PEAK_RSS_FILE.
'use strict'
const { writeFileSync } = require('node:fs')

const target = process.env.TALKATLAS_PEAK_RSS_FILE
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS))
    } catch {
      // The bench reports n/a when the file is missing; never change the CLI's exit.
    }
  })
}
