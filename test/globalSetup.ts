// Builds dist/ once before the test run when it is missing or older than src/, so CLI
// tests can spawn `node dist/cli.js` exactly as users run it.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

export default function setup(): void {
  const built = ['index.js', 'node.js', 'report.js', 'eval.js', 'cli.js'].map((name) => join(root, 'dist', name))
  const sourceTime = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'tsup.config.ts')).mtimeMs, statSync(join(root, 'package.json')).mtimeMs)
  const stale = built.some((path) => !existsSync(path) || statSync(path).mtimeMs < sourceTime)
  if (stale) execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}
