import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/** Exit code and output of one run of the built binary. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `node dist/cli.js …args` from the repository root.
 * @param args Command-line arguments.
 * @param options Standard input, working directory, extra node flags, extra environment.
 */
export function talkatlas(args: readonly string[], options: { input?: string | Uint8Array; cwd?: string; nodeFlags?: readonly string[]; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeFlags ?? []), `${root}/dist/cli.js`, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, TALKATLAS_DEBUG: '', ...options.env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
