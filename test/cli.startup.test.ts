// What `node dist/cli.js` loads before it runs a command: the modules reached by static
// imports from dist/cli.js. Each command's code (and the language packs) is a chunk loaded
// when that command runs; the HTML report's map layout (umap-js, ml-matrix) is loaded only
// when a page is rendered.
import { existsSync, readFileSync } from 'node:fs'
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

/**
 * Files a module's text loads with `import()`.
 * @param text Module text.
 */
function dynamicImports(text: string): string[] {
  return [...text.matchAll(/import\("\.\/([^"]+)"\)/g)].map((match) => join(root, 'dist', match[1]!))
}

/** Modules of the commands, as tsup names them in the bundle. */
const COMMAND_MODULES = ['coreCommands', 'tagCommand', 'sessionsCommand', 'reportCommand', 'convert', 'compareCommand']

describe('dist/cli.js start-up', () => {
  const loaded = staticImports(join(root, 'dist', 'cli.js'))
  const text = [...loaded.values()].join('\n')
  const chunks = dynamicImports(text)
  const chunkText = (file: string) => [...staticImports(file).values()].join('\n')

  it('reads the argument parser, not a command, the atlas code or the language packs', () => {
    expect(text).toContain('function parseCommandArgs')
    for (const module of COMMAND_MODULES) expect(text).not.toContain(`// src/cli/${module}.ts`)
    expect(text).not.toContain('function buildAtlasThreaded')
    expect(text).not.toContain('// src/text/languagePacks.ts')
    expect(text).not.toContain('node_modules/umap-js')
  })

  it('loads each command module with import()', () => {
    for (const module of COMMAND_MODULES) expect(chunks.some((file) => chunkText(file).includes(`// src/cli/${module}.ts`)), module).toBe(true)
    expect(chunks.some((file) => chunkText(file).includes('function buildAtlasThreaded'))).toBe(true)
  })

  it('loads the map layout from a chunk of its own, after the report command', () => {
    const later = chunks.flatMap((file) => dynamicImports(chunkText(file)))
    expect(later.some((file) => chunkText(file).includes('node_modules/umap-js'))).toBe(true)
    expect(chunks.some((file) => chunkText(file).includes('node_modules/umap-js'))).toBe(false)
  })

  it('finds the worker scripts beside the chunks that start them', () => {
    const files = new Map<string, string>()
    for (const chunk of chunks) staticImports(chunk, files)
    for (const worker of ['kmeansWorker', 'relatedWorker']) {
      const starters = [...files].filter(([, body]) => body.includes(`new URL("./${worker}.js", import.meta.url)`))
      expect(starters.length, worker).toBeGreaterThan(0)
      for (const [file] of starters) expect(existsSync(join(dirname(file), `${worker}.js`)), file).toBe(true)
    }
  })
})

describe('dist/kmeansWorker.js start-up', () => {
  const loaded = [...staticImports(join(root, 'dist', 'kmeansWorker.js')).values()].join('\n')

  it('loads the k-means code alone: the text code, language packs and taxonomy only with the first work beside', () => {
    expect(loaded).toContain('function runClaimedJobs')
    for (const module of ['src/text/languagePacks.ts', 'src/text/tokenize.ts', 'src/vectorize/tfidf.ts', 'src/tag/taxonomy.ts', 'src/cluster/labelTerms.ts', 'node_modules/@orama/stemmers']) {
      expect(loaded, module).not.toContain(`// ${module}`)
    }
    const beside = dynamicImports(loaded).map((file) => [...staticImports(file).values()].join('\n'))
    expect(beside.some((text) => text.includes('// src/text/languagePacks.ts') && text.includes('// src/tag/taxonomyFit.ts'))).toBe(true)
  })
})
