// The package as a user gets it: `node scripts/packageFigures.mjs [--skip-install]`.
//
//   - import time: `import('talkatlas')` (ESM) and `require('talkatlas')` (CJS) in a fresh
//     Node process, median of 7 interleaved runs, minus the median of `node -e ''`;
//   - browser bundle: an entry using buildAtlas, relatedTalks and searchTalks bundled by
//     esbuild (minified, browser platform), its gzipped size and any `node:` import left;
//   - install footprint: `npm pack`, then `npm install <tarball>` into an empty folder, and
//     the bytes and packages that land in its node_modules.
// Exported for scripts/bench.mjs and test/package.bundle.test.ts.
import { execFileSync, spawnSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** The exports a browser page that builds and queries an atlas uses. */
export const BROWSER_ENTRY = "export { buildAtlas, relatedTalks, searchTalks } from 'talkatlas'"

/**
 * Wall time of one fresh Node process running `code`, in milliseconds.
 * @param {string[]} args Node arguments.
 * @param {string} cwd Folder to run in.
 */
function timeNode(args, cwd = ROOT) {
  const start = process.hrtime.bigint()
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  // The last line is the process's own CPU time (see CPU_PROBE); the rest was printed by the import.
  const lines = run.stdout.trimEnd().split('\n')
  const cpuMs = Number(lines.pop()) / 1000
  return { ms, cpuMs, printed: lines.join('\n') + run.stderr }
}

/** Appended to each timed script: prints the process's CPU time (user + system, µs) on exit. */
const CPU_PROBE = ";process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write('\\n'+(u.user+u.system)+'\\n')})"

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Import time of the package above an empty Node process. Runs are interleaved so that a
 * change in machine load hits all three alike.
 * @param {{ runs?: number, specifier?: string | string[], root?: string }} [options] `root`: the package folder
 *   to import from (its own name resolves to itself).
 * CPU time (user + system of the child) is given too: it moves far less with machine load.
 * @returns {{ baseMs: number, esmMs: number, cjsMs: number, esmCpuMs: number, cjsCpuMs: number, printed: string }}
 */
export function measureImportTime({ runs = 7, specifier = 'talkatlas', root = ROOT } = {}) {
  const specifiers = Array.isArray(specifier) ? specifier : [specifier]
  const cases = {
    base: ['-e', CPU_PROBE],
    esm: ['--input-type=module', '-e', specifiers.map((name) => `await import(${JSON.stringify(name)})`).join(';') + CPU_PROBE],
    cjs: ['--input-type=commonjs', '-e', specifiers.map((name) => `require(${JSON.stringify(name)})`).join(';') + CPU_PROBE],
  }
  const times = { base: [], esm: [], cjs: [] }
  const cpu = { base: [], esm: [], cjs: [] }
  let printed = ''
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(cases)) {
      const result = timeNode(args, root)
      times[name].push(result.ms)
      cpu[name].push(result.cpuMs)
      printed += result.printed
    }
  }
  const baseMs = median(times.base)
  const baseCpuMs = median(cpu.base)
  return {
    baseMs,
    esmMs: median(times.esm) - baseMs,
    cjsMs: median(times.cjs) - baseMs,
    esmCpuMs: median(cpu.esm) - baseCpuMs,
    cjsCpuMs: median(cpu.cjs) - baseCpuMs,
    printed,
  }
}

/**
 * Bundles {@link BROWSER_ENTRY} for browsers with esbuild and reports its size.
 * `node:` specifiers are left external so that any that remain can be listed.
 * @returns {Promise<{ text: string, bytes: number, gzipBytes: number, nodeImports: string[], byPackage: Record<string, number> }>}
 */
export async function measureBrowserBundle(entry = BROWSER_ENTRY) {
  const { build } = await import('esbuild')
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: 'bundle.js',
    write: false,
    metafile: true,
    external: ['node:*'],
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  const output = Object.values(result.metafile.outputs)[0]
  const byPackage = {}
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'talkatlas'
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput
  }
  const nodeImports = output.imports.map((entry) => entry.path).filter((path) => path.startsWith('node:'))
  return { text: result.outputFiles[0].text, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, nodeImports, byPackage }
}

/**
 * Sum of file sizes and number of packages under a node_modules folder.
 * @param {string} dir
 */
function folderFootprint(dir) {
  let packages = 0
  const walk = (path) => {
    let bytes = 0
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== '.bin' && !entry.name.startsWith('@') && /node_modules$/.test(path)) packages++
        bytes += walk(child)
      } else if (entry.isFile()) bytes += lstatSync(child).size
    }
    return bytes
  }
  const byPackage = {}
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.bin') continue
    const names = entry.name.startsWith('@') ? readdirSync(join(dir, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name]
    for (const name of names) {
      if (!name.startsWith('@')) packages++
      byPackage[name] = walk(join(dir, name))
      bytes += byPackage[name]
    }
  }
  return { bytes, packages, byPackage }
}

/**
 * `npm pack` the package and install the tarball into an empty folder (from the npm cache
 * where it can). The package must be built first.
 * @returns {{ tarballBytes: number, installedBytes: number, packages: number, byPackage: Record<string, number>, replaced: string[], bytesWithoutReplaced: number }}
 */
export function measureInstallFootprint() {
  const work = mkdtempSync(join(tmpdir(), 'talkatlas-install-'))
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    const tarball = join(work, packed[0].filename)
    const project = join(work, 'project')
    execFileSync('mkdir', ['-p', project])
    writeFileSync(join(project, 'package.json'), '{ "name": "empty", "private": true }\n')
    execFileSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, stdio: 'ignore' })
    const modules = join(project, 'node_modules')
    const { bytes, packages, byPackage } = folderFootprint(modules)
    const bytesWithout = (dropped) => {
      // Packages reachable from talkatlas's dependencies once `dropped` are gone (flat install).
      const kept = new Set(['talkatlas'])
      const visit = (name) => {
        const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'))
        for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
          if (kept.has(dependency) || dropped.includes(dependency) || byPackage[dependency] === undefined) continue
          kept.add(dependency)
          visit(dependency)
        }
      }
      visit('talkatlas')
      return [...kept].reduce((sum, name) => sum + byPackage[name], 0)
    }
    const replaced = ['natural', 'stopword'].filter((name) => byPackage[name] !== undefined)
    return { tarballBytes: lstatSync(tarball).size, installedBytes: bytes, packages, byPackage, replaced, bytesWithoutReplaced: bytesWithout(replaced) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

/**
 * Measures everything and returns printable rows [figure, value, target].
 * @param {{ skipInstall?: boolean }} [options]
 */
export async function packageFigures({ skipInstall = false } = {}) {
  const rows = []
  const imports = measureImportTime()
  rows.push(['import("talkatlas") above node -e ""', `${imports.esmMs.toFixed(0)} ms wall, ${imports.esmCpuMs.toFixed(0)} ms CPU (node -e "" ${imports.baseMs.toFixed(0)} ms)`, '< 40 ms'])
  rows.push(['require("talkatlas") above node -e ""', `${imports.cjsMs.toFixed(0)} ms wall, ${imports.cjsCpuMs.toFixed(0)} ms CPU`, '< 40 ms'])
  // The stemmer and the stopword lists are loaded by the core today; say what they cost alone.
  const { dependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const text = ['natural/lib/natural/stemmers/porter_stemmer.js', 'stopword'].filter((name) => dependencies[name.split('/')[0]] !== undefined)
  if (text.length > 0) {
    const alone = measureImportTime({ specifier: text })
    rows.push([`  ${text.map((name) => name.split('/')[0]).join(' + ')} alone`, `${alone.esmMs.toFixed(0)} ms wall, ${alone.esmCpuMs.toFixed(0)} ms CPU ESM; ${alone.cjsMs.toFixed(0)} ms wall, ${alone.cjsCpuMs.toFixed(0)} ms CPU CJS`, ''])
  }
  if (imports.printed !== '') rows.push(['printed on import', JSON.stringify(imports.printed.slice(0, 60)), 'nothing'])
  const bundle = await measureBrowserBundle()
  const largest = Object.entries(bundle.byPackage).sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')
  rows.push(['browser bundle (buildAtlas, relatedTalks, searchTalks)', `${kb(bundle.gzipBytes)} gzipped, ${kb(bundle.bytes)} minified`, '< 40 KB gzipped'])
  rows.push(['  of which', largest, ''])
  rows.push(['  node: imports in the bundle', bundle.nodeImports.length === 0 ? 'none' : bundle.nodeImports.join(', '), 'none'])
  const everyLanguage = await measureBrowserBundle(`${BROWSER_ENTRY}; export { registerLanguages } from 'talkatlas'; export { allLanguages } from 'talkatlas/languages'`)
  rows.push(['  with every language registered (talkatlas/languages)', `${kb(everyLanguage.gzipBytes)} gzipped, ${kb(everyLanguage.bytes)} minified`, ''])
  if (!skipInstall) {
    const install = measureInstallFootprint()
    rows.push(['npm install of the packed tarball', `${mb(install.installedBytes)} in ${install.packages} packages (tarball ${kb(install.tarballBytes)})`, '< 10 MB'])
    if (install.replaced.length > 0) {
      rows.push([`  without ${install.replaced.join(' and ')} and what only they pull in`, mb(install.bytesWithoutReplaced), '< 10 MB'])
    }
    const largest = Object.entries(install.byPackage).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', ')
    rows.push(['  largest', largest, ''])
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await packageFigures({ skipInstall: process.argv.includes('--skip-install') })
  for (const [figure, value, target] of rows) console.log(`${figure.padEnd(56)} ${value}${target ? `   (target ${target})` : ''}`)
}
