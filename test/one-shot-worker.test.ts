// A one-shot worker (src/cli/oneShotWorker.ts, which the related-talks search uses) that
// stops without answering.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runOneShotWorker } from '../src/cli/oneShotWorker.js'

describe('runOneShotWorker', () => {
  it('rejects, naming why, when a worker without a fallback stops without answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-worker-'))
    const dying = join(dir, 'dying.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    await expect(runOneShotWorker(pathToFileURL(dying), {}, 'related-talks')).rejects.toThrow('related-talks worker stopped (exit code 3)')
  })
})
