/**
 * An interrupted `--out` leaves no temporary file: the built CLI writes a large output,
 * is signalled while the `*.tmp` exists, removes it and exits with 128 + the signal number.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/cli.js'

/**
 * A talk JSON file of about 40 MB: converting it takes seconds of writing.
 * @param path Where to write it.
 */
function writeLargeInput(path: string): void {
  const abstract = 'Packet processing with XDP and eBPF programs, measured on real traffic. '.repeat(14)
  const talks = Array.from({ length: 40_000 }, (_, i) => ({ id: `t${i}`, title: `Talk number ${i}`, abstract }))
  writeFileSync(path, JSON.stringify(talks))
}

/**
 * Runs `convert input --out out.json`, sends `signal` as soon as the temporary file appears,
 * and resolves with the exit code and the directory's files after exit.
 * @param signal Signal to send.
 */
async function interruptedConvert(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; signalled: boolean; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'talkatlas-signal-'))
  writeLargeInput(join(dir, 'talks.json'))
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'convert', 'talks.json', '--out', 'out.json'], { cwd: dir, stdio: 'ignore' })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let signalled = false
  const poll = setInterval(() => {
    if (!signalled && readdirSync(dir).some((name) => name.endsWith('.tmp'))) {
      signalled = true
      child.kill(signal)
    }
  }, 2)
  const code = await exited
  clearInterval(poll)
  return { code, signalled, files: readdirSync(dir).sort() }
}

describe('signals during --out', () => {
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while writing removes the temporary file and exits ${status}`, async () => {
      const { code, signalled, files } = await interruptedConvert(signal)
      expect(signalled).toBe(true)
      expect(code).toBe(status)
      expect(files).toEqual(['talks.json'])
    }, 120_000)
  }
})
