import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without declarations
import { renderNotices } from '../scripts/notices.mjs'

describe('THIRD_PARTY_NOTICES.md', () => {
  it('holds the licence of every package bundled into dist/ (node scripts/notices.mjs writes it)', () => {
    const text = readFileSync(new URL('../THIRD_PARTY_NOTICES.md', import.meta.url), 'utf8')
    expect(text).toBe(renderNotices())
    expect(text).toContain('## fast-xml-parser ')
  })

  it('is published with the package', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(manifest.files).toContain('THIRD_PARTY_NOTICES.md')
  })
})
