import { describe, expect, it } from 'vitest'
import { isCi, startProgress, startProgressLine } from './progress.js'

/** A stream stand-in that records writes. */
function recorder(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = []
  return { stream: { write: (chunk: string) => { written.push(chunk); return true } } as unknown as NodeJS.WriteStream, written }
}

describe('startProgress', () => {
  it('startProgress draws nothing when disabled (not a terminal, or --quiet)', () => {
    const { stream, written } = recorder()
    const progress = startProgress('reading', { stream, enabled: false, delayMs: 0 })
    progress.update(5, 10)
    progress.finish()
    expect(written).toEqual([])
  })

  it('startProgress draws nothing before the delay has passed', () => {
    const { stream, written } = recorder()
    const progress = startProgress('reading', { stream, enabled: true, delayMs: 60_000 })
    progress.update(5, 10)
    progress.finish()
    expect(written).toEqual([])
  })

  it('startProgress draws a bar with percentage after the delay and clears it at the end', () => {
    const { stream, written } = recorder()
    const progress = startProgress('reading', { stream, enabled: true, delayMs: 0 })
    progress.update(5, 10)
    progress.finish()
    expect(written).toEqual(['\rreading [############............] 50% 5/10\u001b[K', '\r\u001b[K'])
  })

  it('startProgressLine draws a new step at once, the same step at most ten times a second, without a bar when there is no count', () => {
    const { stream, written } = recorder()
    const line = startProgressLine({ stream, enabled: true, delayMs: 0 })
    line.show('k-means', 0, 20, 'batch 1: 20 runs, k 40–80')
    line.show('k-means', 1, 20, 'batch 1: 20 runs, k 40–80')
    line.show('labels', 0, 0)
    line.clear()
    expect(written).toEqual([
      '\rk-means batch 1: 20 runs, k 40–80 [........................] 0% 0/20\u001b[K',
      '\rlabels…\u001b[K',
      '\r\u001b[K',
    ])
  })

  it('startProgressLine cuts the line to the terminal width so that it never wraps', () => {
    const { stream, written } = recorder()
    Object.assign(stream, { columns: 30 })
    startProgressLine({ stream, enabled: true, delayMs: 0 }).show('umap', 5, 10, 'layout')
    expect(written).toEqual(['\rumap layout [############...…\u001b[K'])
  })

  it('isCi(env) is true for CI=true or 1 and false when unset, empty, 0 or false', () => {
    expect([{ CI: 'true' }, { CI: '1' }, {}, { CI: '' }, { CI: '0' }, { CI: 'false' }].map((env) => isCi(env))).toEqual([true, true, false, false, false, false])
  })
})
