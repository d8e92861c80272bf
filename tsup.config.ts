import { build, type Plugin } from 'esbuild'
import { defineConfig } from 'tsup'

/**
 * Packages bundled inside a function that runs on first use, with the stand-ins that are all
 * src/ uses of them (src/io/readFrabXml.ts, src/io/readCsv.ts): their module code (regular
 * expression tables, classes) then costs nothing at `import 'talkatlas'`, and the minified
 * body is quicker to compile (docs/decisions.md has the figures).
 */
const LAZY_PACKAGES: Readonly<Record<string, { names: string; standIns: string }>> = {
  'fast-xml-parser': {
    names: 'XMLParser, XMLValidator',
    standIns: `export class XMLParser {
  constructor(options) {
    return new (load().XMLParser)(options)
  }
}
export const XMLValidator = { validate: (text, options) => load().XMLValidator.validate(text, options) }`,
  },
  'csv-parse/sync': {
    names: 'parse',
    standIns: 'export const parse = (input, options) => load().parse(input, options)',
  },
}

const lazyPackages: Plugin = {
  name: 'lazy-packages',
  setup(plugin) {
    const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).join('|').replace(/[/.-]/g, '\\$&')})$`)
    plugin.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-package' }))
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-package' }, async (args) => {
      const { names, standIns } = LAZY_PACKAGES[args.path]!
      const library = await build({
        stdin: { contents: `export { ${names} } from '${args.path}'`, resolveDir: import.meta.dirname },
        bundle: true,
        format: 'iife',
        globalName: 'library',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        target: 'es2022',
        minify: true,
        legalComments: 'inline',
        write: false,
      })
      const body = library.outputFiles[0]!.text
      return { loader: 'js', contents: `let loaded\nfunction load() {\n  return (loaded ??= (() => {\n${body}\nreturn library\n})())\n}\n${standIns}\n` }
    })
  },
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', report: 'src/report.ts', languages: 'src/languages.ts', eval: 'src/eval.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // The XML parser, the CSV parser and the Porter stemmer are bundled: their ESM builds are
    // many small modules whose loading cost more than the rest of the library's import
    // (docs/decisions.md). The two parsers' code runs on first use (lazyPackages), and
    // browser bundles that never read XML drop that parser.
    noExternal: ['fast-xml-parser', 'csv-parse', 'stemmer'],
    esbuildPlugins: [lazyPackages],
  },
  {
    entry: { cli: 'src/cli/main.ts', kmeansWorker: 'src/cli/kmeansWorker.ts', relatedWorker: 'src/cli/relatedWorker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    esbuildPlugins: [lazyPackages],
    banner: { js: '#!/usr/bin/env node' },
  },
])
