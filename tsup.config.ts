import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
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
