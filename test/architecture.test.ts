import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = new URL('../src', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('source layout', () => {
  it('keeps node: imports inside io/ and cli/ so the core runs in browsers', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !/^(io|cli)\//.test(relative(src, file)))
      .filter((file) => /from ['"]node:|require\(['"]node:|import\(['"]node:/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(offenders).toEqual([])
  })

  it('keeps the pipeline driver atlas/buildAtlas.ts out of later stages', () => {
    // The public entry files and the CLI run the pipeline; later stages read what it built
    // (the embedding comes from atlas/embed.ts). tag/tagTalks.ts builds an atlas when handed
    // raw talks, as its public signature promises; compare/compare.ts fits one atlas over two editions.
    const allowed = /^(atlas\/|cli\/|index\.ts$|node\.ts$|report\.ts$|eval\.ts$|tag\/tagTalks\.ts$|compare\/compare\.ts$)/
    const offenders = sourceFiles(src)
      .filter((file) => !allowed.test(relative(src, file)))
      .filter((file) => /(?:from|import\()\s*['"][^'"]*\/atlas\/buildAtlas(?:\.js)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(offenders).toEqual([])
  })

  it('computes the canonical talk order only in atlas/; later stages read the one stored with the atlas', () => {
    const allowed = /^atlas\//
    const offenders = sourceFiles(src)
      .filter((file) => !allowed.test(relative(src, file)))
      .filter((file) => /\bcanonicalOrder\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(offenders).toEqual([])
  })

  it('keeps linalg/ a floor: it imports nothing of the pipeline, only the matrix type', () => {
    const imports = sourceFiles(join(src, 'linalg')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)].map((match) => match[1]))
    expect(imports.filter((path) => path !== '../types.js')).toEqual([])
  })

  it('keeps the entry files to re-exports only', () => {
    for (const entry of ['index.ts', 'eval.ts', 'node.ts', 'report.ts']) {
      const lines = readFileSync(join(src, entry), 'utf8').split('\n')
      const code = lines.filter((line) => line.trim() !== '' && !line.trim().startsWith('//'))
      for (const line of code) expect(line, entry).toMatch(/^export (type )?\{[^}]*\} from '\.\/[\w/]+\.js'$|^export \* from/)
    }
  })
})
