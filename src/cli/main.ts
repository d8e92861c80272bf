// Entry point of the `talkatlas` binary (built to dist/cli.js with a shebang).
import { createRequire } from 'node:module'
import { runCli } from './run.js'

/** Version from package.json, read at run time so the bundle need not embed it. */
function packageVersion(): string {
  try {
    const require = createRequire(import.meta.url)
    return (require('../package.json') as { version: string }).version
  } catch {
    return 'unknown'
  }
}

// A closed pipe (`talkatlas convert x | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }, packageVersion())
process.exitCode = code
