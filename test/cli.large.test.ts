import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { talkatlas } from './helpers/cli.js'

const words = 'kernel network packet filter rust memory safety compiler cluster storage database query index latency throughput scheduler container security audit browser render layout font accessibility'.split(' ')

/** Writes a `{ "talks": [...] }` file of `n` talks with ~900-character abstracts (≈100 MB for 100,000). */
function writeLargeCorpus(path: string, n: number): void {
  let state = 1
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const parts: string[] = ['{"talks":[']
  for (let i = 0; i < n; i++) {
    let abstract = ''
    while (abstract.length < 900) abstract += `${words[Math.floor(next() * words.length)]!}${next() < 0.1 ? '. ' : ' '}`
    parts.push(`${i === 0 ? '' : ','}${JSON.stringify({ id: `t${i}`, title: `Talk ${i} on ${words[i % words.length]!}`, abstract, speakers: ['Ada Byron'], track: words[i % 7] })}`)
  }
  parts.push(']}')
  writeFileSync(path, parts.join('\n'))
}

describe('talkatlas convert at scale', () => {
  it('talkatlas convert reads and writes 100,000 talks (≈100 MB) within a 512 MB heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-large-'))
    const input = join(dir, 'large.json')
    const output = join(dir, 'out.json')
    writeLargeCorpus(input, 100_000)
    const run = talkatlas(['convert', input, '--out', output], { nodeFlags: ['--max-old-space-size=512'] })
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
    let lines = 0
    let last = ''
    for await (const line of createInterface({ input: createReadStream(output) })) {
      lines++
      if (line.startsWith('{"id"')) last = line
    }
    expect(lines).toBe(100_002)
    expect((JSON.parse(last.replace(/,$/, '')) as { id: string }).id).toBe('t99999')
    rmSync(dir, { recursive: true, force: true })
    // A safety net, not a speed goal: on a loaded machine the 100 MB round trip took over 60 s.
  }, 300_000)
})
