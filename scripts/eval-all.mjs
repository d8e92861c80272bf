// `npm run eval`: the themes/related/tagging/sessions table (eval.mjs), then abstaining tags
// and search (eval-tags-search.mjs), then what changed between editions (eval-compare.mjs),
// each given the same arguments (e.g. `--json`).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
let status = 0
for (const script of ['eval.mjs', 'eval-tags-search.mjs', 'eval-compare.mjs']) {
  const run = spawnSync(process.execPath, [join(here, script), ...process.argv.slice(2)], { stdio: 'inherit' })
  status ||= run.status ?? 1
}
process.exit(status)
