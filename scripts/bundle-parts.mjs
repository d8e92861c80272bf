// Where the browser bundle's bytes are: bundles the browser entry of scripts/packageFigures.mjs
// straight from src/ (the same bytes as `measureBrowserBundle` gives from dist/) and prints
// its size gzipped and each module's minified bytes in it (esbuild's metafile), biggest first.
// With --shares, each module's share of the gzipped bundle instead: the bundle's bytes less
// those of the bundle without that module's code (names kept short, whitespace removed after
// the cut; gzip shares some bytes between modules, so the shares sum to less than the whole).
//
//   node scripts/bundle-parts.mjs [--shares] [top]     top: modules listed (default 30)
import { gzipSync } from 'node:zlib'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'
import { BROWSER_ENTRY } from './packageFigures.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shares = process.argv.includes('--shares')
const top = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 30)

/** esbuild options of the bundle (those of `measureBrowserBundle`), the entry read from src/. */
const options = {
  stdin: { contents: BROWSER_ENTRY.replace("'talkatlas'", "'./src/index.ts'"), resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outfile: 'bundle.js',
  write: false,
  tsconfig: join(root, 'tsconfig.json'),
  external: ['node:*'],
  logLevel: 'silent',
}

const result = await build({ ...options, minify: true, metafile: true })
const code = result.outputFiles[0].contents
const whole = gzipSync(code, { level: 9 }).length
const output = Object.values(result.metafile.outputs)[0]
let parts = Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [relative(root, resolve(root, input)), bytesInOutput])
console.log(`bundle: ${code.length} bytes minified, ${whole} gzipped, ${parts.length} modules`)
if (shares) {
  // Without whitespace minification esbuild marks each module's code with a `// path` line.
  const marked = (await build({ ...options, minifyIdentifiers: true, minifySyntax: true, legalComments: 'none' })).outputFiles[0].text
  const pieces = marked.split(/^(?=\/\/ (?:src|node_modules)\/)/m)
  /** Gzipped bytes of the pieces, the entry's export statement left out (it names every module). */
  const gzipped = async (text) => {
    const { code: minified } = await transform(text.replace(/^export\s*\{[^}]*\};?\s*$/m, ''), { minifyWhitespace: true, loader: 'js', logLevel: 'silent' })
    return gzipSync(minified, { level: 9 }).length
  }
  const all = await gzipped(marked)
  parts = []
  for (let i = 0; i < pieces.length; i++) {
    const name = /^\/\/ (\S+)/.exec(pieces[i])?.[1]
    if (name !== undefined) parts.push([name, all - (await gzipped(pieces.filter((_, j) => j !== i).join('')))])
  }
  console.log(`shares of ${all} bytes gzipped (sum ${parts.reduce((sum, [, bytes]) => sum + bytes, 0)}):`)
}
parts.sort((a, b) => b[1] - a[1])
for (const [name, bytes] of parts.slice(0, top)) console.log(`${String(bytes).padStart(7)}  ${name.replace(/^src\//, '')}`)
