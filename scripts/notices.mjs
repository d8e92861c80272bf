// THIRD_PARTY_NOTICES.md: the licences of the packages bundled into dist/ that are not
// installed with talkatlas (fast-xml-parser, csv-parse, stemmer and what they depend on).
// `node scripts/notices.mjs` writes it; `--check` exits 1 when it is out of date
// (test/package.notices.test.ts).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'THIRD_PARTY_NOTICES.md')
/** Packages bundled into the library entries (tsup.config.ts `noExternal`). */
export const BUNDLED = ['fast-xml-parser', 'csv-parse', 'stemmer']

/** The bundled packages and everything they depend on, sorted by name. */
function bundledTree() {
  const seen = new Set()
  const visit = (name) => {
    if (seen.has(name)) return
    seen.add(name)
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency)
  }
  for (const name of BUNDLED) visit(name)
  return [...seen].sort()
}

/** The notices text. */
export function renderNotices() {
  const parts = ['# Third-party notices', '', 'dist/ includes code from these packages (under their licences below), so that the', 'library loads one file instead of their many modules.', '']
  for (const name of bundledTree()) {
    const dir = join(ROOT, 'node_modules', name)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry))
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name
    parts.push(`## ${name} ${manifest.version} (${manifest.license})`, '')
    if (file !== undefined && existsSync(join(dir, file))) parts.push('```', readFileSync(join(dir, file), 'utf8').trim(), '```', '')
    else parts.push(`The package ships no licence file; its package.json declares ${manifest.license}${author ? `, author ${author}` : ''}.`, '')
  }
  return parts.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = renderNotices()
  if (process.argv.includes('--check')) {
    if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) {
      console.error('THIRD_PARTY_NOTICES.md is out of date: run node scripts/notices.mjs')
      process.exit(1)
    }
  } else writeFileSync(OUT, text)
}
