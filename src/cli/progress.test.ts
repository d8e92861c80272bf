import { describe, expect, it } from 'vitest'
import { startProgress } from './progress.js'

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
})
