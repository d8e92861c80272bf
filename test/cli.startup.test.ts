// What `node dist/cli.js` loads before it runs a command: the modules reached by static
// imports from dist/cli.js. The HTML report's map layout (umap-js, ml-matrix) is loaded only
// when a page is rendered.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/cli.js'

/**
 * Text of every file statically imported from a module, the module included.
 * @param file Path of the module.
 * @param seen Files already read.
 */
function staticImports(file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen
  const text = readFileSync(file, 'utf8')
  seen.set(file, text)
  for (const match of text.matchAll(/^(?:import(?: [^"]*from)?|\} from) "(\.\/[^"]+)"/gm)) staticImports(join(dirname(file), match[1]!), seen)
  return seen
}

describe('dist/cli.js start-up', () => {
  const loaded = staticImports(join(root, 'dist', 'cli.js'))
  const text = [...loaded.values()].join('\n')

  it('reads the talk readers and the atlas code, not the report map layout', () => {
    expect(text).toContain('function buildAtlasThreaded')
    expect(text).not.toContain('node_modules/umap-js')
    expect(text).not.toContain('node_modules/ml-matrix')
  })

  it('loads the map layout from a chunk of its own', () => {
    const dynamic = [...text.matchAll(/import\("\.\/([^"]+)"\)/g)].map((match) => match[1]!)
    const later = dynamic.map((file) => [...staticImports(join(root, 'dist', file)).values()].join('\n'))
    expect(later.some((chunk) => chunk.includes('node_modules/umap-js'))).toBe(true)
  })
})
