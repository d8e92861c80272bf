import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', report: 'src/report.ts', eval: 'src/eval.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // The XML parser is bundled: its ESM build is many small modules whose loading cost
    // more than the rest of the library's import (docs/decisions.md). It is constructed
    // on first use, so browser bundles that never read XML drop it.
    noExternal: ['fast-xml-parser'],
  },
  {
    entry: { cli: 'src/cli/main.ts', termWorker: 'src/cli/termWorker.ts', kmeansWorker: 'src/cli/kmeansWorker.ts', relatedWorker: 'src/cli/relatedWorker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    banner: { js: '#!/usr/bin/env node' },
  },
])
