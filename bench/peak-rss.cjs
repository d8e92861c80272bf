// Preloaded by scripts/bench.mjs with `node --require bench/peak-rss.cjs dist/cli.js …` so that
// the peak resident set size and CPU time of a whole CLI process can be read back: at exit
// it writes `{"maxRSS": KiB, "cpuSeconds": user + system}` to the file named by
// TALKATLAS_PEAK_RSS_FILE.
'use strict'
const { writeFileSync } = require('node:fs')

const target = process.env.TALKATLAS_PEAK_RSS_FILE
if (target) {
  process.on('exit', () => {
    try {
      const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
      writeFileSync(target, JSON.stringify({ maxRSS, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 }))
    } catch {
      // The bench reports n/a when the file is missing; never change the CLI's exit.
    }
  })
}
