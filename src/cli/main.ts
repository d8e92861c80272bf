// Entry point of the `talkatlas` binary (built to dist/cli.js with a shebang).
import { readFileSync } from 'node:fs'
import { runCli } from './run.js'

/**
 * Version from package.json, read at run time so the bundle need not embed it (read as a
 * file: `require` would start the CommonJS loader, 10 ms of start-up, for one field).
 */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
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
