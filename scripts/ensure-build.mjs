// Builds dist/ when it is missing or older than any source file, so `npm run demo`
// works straight after `npm install` on a fresh clone.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const built = join(root, 'dist', 'index.js')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs
    if (mtime > newest) newest = mtime
  }
  return newest
}

const stale = !existsSync(built) || statSync(built).mtimeMs < newestMtime(join(root, 'src'))
if (stale) execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
