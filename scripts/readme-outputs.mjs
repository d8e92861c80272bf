// README blocks that show output, produced from the real outputs:
// `node scripts/readme-outputs.mjs` rewrites them, `--check` exits 1 when README.md differs
// (test/readme-outputs.test.ts runs the check).
//
// A block is marked by `<!-- readme-output: KIND -->` on the line before its opening fence:
//   - `eval`: a JavaScript block run against the built library, line by line. A line
//     `expression // result` gets the expression's value as its comment; an expression line
//     followed by `// …` comment lines gets its value there (a throw reads `// throws Name:
//     message`). Other lines (imports, `const`, plain comments) run or stay as they are. In
//     scope: every export of talkatlas, talkatlas/report and talkatlas/eval, `talks` (the networking
//     fixture without its labels), `atlas` (buildAtlas(talks)), `xmlText` (a frab XML file).
//   - `markdown-report`: the start of renderMarkdownReport on the fixture.
//   - `tag-cli` and `sessions-cli`: the CLI's output on the fixture, cut as the text says.
//   - `compare-cli`: `talkatlas compare` on the two invented editions of fixtures/compare.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const README = join(ROOT, 'README.md')
const FIXTURE = join(ROOT, 'fixtures', 'lpc-networking-bpf.json')
const WIDTH = 96

/** Everything the `eval` blocks can name. */
async function evalScope() {
  const core = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)
  const report = await import(pathToFileURL(join(ROOT, 'dist', 'report.js')).href)
  const evaluation = await import(pathToFileURL(join(ROOT, 'dist', 'eval.js')).href)
  const talks = JSON.parse(readFileSync(FIXTURE, 'utf8')).talks.map(({ theme: _theme, ...talk }) => talk)
  const atlas = core.buildAtlas(talks)
  const xmlText = readFileSync(join(ROOT, 'test', 'fixtures', 'io', 'schedule.xml'), 'utf8')
  return { ...core, ...report, ...evaluation, talks, atlas, xmlText }
}

/**
 * A value as the README writes it: JavaScript literal syntax, lists of more than six and
 * nested records of more than four entries cut with `…`, the `source` record of a talk as `{…}`.
 * @param {unknown} value
 * @param {number} depth
 */
export function formatValue(value, depth = 0) {
  if (typeof value === 'string') return `'${JSON.stringify(value).slice(1, -1).replaceAll("\\\"", '"').replaceAll("'", "\\'")}'`
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value)
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value)
    const shown = items.slice(0, 6).map((item) => formatValue(item, depth + 1))
    return `[${shown.join(', ')}${items.length > 6 ? ', …' : ''}]`
  }
  if (typeof value === 'object') {
    if (depth > 3) return '{…}'
    // Nested records with many keys (a map of talk ids) show their first three.
    const all = Object.entries(value)
    const cut = depth > 0 && all.length > 4
    const entries = (cut ? all.slice(0, 3) : all).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : formatValue(key)}: ${key === 'source' ? '{…}' : formatValue(item, depth + 1)}`)
    if (cut) entries.push('…')
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  }
  return String(value)
}

/**
 * Comment lines holding `text`, broken at ', ' to fit the README's width.
 * @param {string} text
 * @param {string} indent Text in front of each `//`.
 */
function commentLines(text, indent) {
  const lines = []
  let line = ''
  for (const part of text.split(/(?<=, )/)) {
    if (line !== '' && indent.length + 3 + line.length + part.length > WIDTH) {
      lines.push(line.trimEnd())
      line = '  '
    }
    line += part
  }
  lines.push(line.trimEnd())
  return lines.map((content) => `${indent}// ${content}`)
}

/**
 * Bracket depth change of a line of code (strings are not parsed: the README's code keeps
 * brackets balanced inside them).
 * @param {string} code
 */
function depthChange(code) {
  let depth = 0
  for (const ch of code) depth += '([{'.includes(ch) ? 1 : ')]}'.includes(ch) ? -1 : 0
  return depth
}

/**
 * Re-runs an `eval` block and writes each shown value.
 * @param {string[]} body Lines between the fences.
 * @param {Record<string, unknown>} scope Names the block can use.
 */
function renderEval(body, scope) {
  const names = Object.keys(scope)
  const locals = {}
  const run = (code) => new Function(...names, 'locals', `with (locals) { return (${code}) }`)(...names.map((name) => scope[name]), locals)
  const out = []
  for (let i = 0; i < body.length; i++) {
    const first = body[i]
    if (first.trim().startsWith('//') || first.trim() === '' || /^(import|export)\b/.test(first.trim())) {
      out.push(first)
      continue
    }
    // One statement: lines up to where its brackets close.
    const statement = [first]
    let depth = depthChange(first.replace(/ \/\/ .*$/, ''))
    while (depth > 0 && i + 1 < body.length) {
      statement.push(body[++i])
      depth += depthChange(body[i].replace(/ \/\/ .*$/, ''))
    }
    const last = statement[statement.length - 1]
    const inline = / \/\/ /.exec(last)
    const code = [...statement.slice(0, -1), inline ? last.slice(0, inline.index).trimEnd() : last].join('\n')
    const declared = /^(?:const|let|var)\s+(?:\{([^}]*)\}|(\w+))\s*=\s*([\s\S]+)$/.exec(code.trim())
    if (declared) {
      const value = run(declared[3])
      if (declared[2]) locals[declared[2]] = value
      else for (const name of declared[1].split(',').map((part) => part.trim()).filter(Boolean)) locals[name] = value[name]
      out.push(...statement)
      continue
    }
    const following = body[i + 1]?.trim().startsWith('//') === true
    if (!following && inline === null) {
      out.push(...statement)
      continue
    }
    let shown
    try {
      shown = formatValue(run(code.trim()))
    } catch (error) {
      shown = `throws ${error.name}: ${error.message}`
    }
    const head = code.split('\n')
    if (!following && head.length === 1 && code.length + 4 + shown.length <= WIDTH) {
      out.push(`${code} // ${shown}`)
      continue
    }
    out.push(...head)
    out.push(...commentLines(shown, ''))
    while (body[i + 1]?.trim().startsWith('//')) i++
  }
  return out
}

/** The start of the Markdown report of the fixture at k = 12. */
function renderMarkdownStart(scope) {
  const text = scope.renderMarkdownReport(scope.buildAtlas(scope.talks, { k: 12 }), { title: 'LPC' })
  return text.split('\n').slice(0, 15)
}

/** `talkatlas tag` on the fixture with five themes: its first line, three talks, its last line. */
function renderTagCli() {
  const themes = JSON.stringify([{ name: 'XDP' }, { name: 'tc' }, { name: 'seccomp' }, { name: 'profiling' }, { name: 'Multipath TCP' }])
  const dir = mkdtempSync(join(tmpdir(), 'talkatlas-readme-'))
  let lines
  try {
    writeFileSync(join(dir, 'themes.json'), themes)
    lines = cli(['tag', FIXTURE, '--themes', join(dir, 'themes.json'), '--format', 'json', '--quiet']).trimEnd().split('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const pick = ['"xdp-rx-metadata-kfuncs"', '"xdp-syn-flood-scrubbing"', '"clsact-direct-action-pitfalls"']
  const chosen = pick.map((id) => lines.find((line) => line.startsWith(id))).map((line, i, all) => (i === all.length - 1 ? line.replace(/,$/, '') : line))
  return [lines[0], ...chosen, lines[lines.length - 1]]
}

/** `talkatlas sessions` on the fixture: the first session and the summary, reflowed. */
function renderSessionsCli() {
  const plan = JSON.parse(cli(['sessions', FIXTURE, '--size', '4', '--parallel', '3', '--format', 'json', '--quiet']))
  const [first] = plan.sessions
  const json = (value) => JSON.stringify(value).replaceAll('","', '", "').replaceAll(',"', ', "').replaceAll('":', '": ').replaceAll('{"', '{ "').replace(/}$/, ' }')
  return [
    '{',
    ' "sessions": [',
    `  { "id": ${JSON.stringify(first.id)}, "label": ${JSON.stringify(first.label)},`,
    `    "talks": ${JSON.stringify(first.talks).replaceAll('","', '", "')},`,
    `    "similarity": ${first.similarity}, "slot": ${first.slot}, "room": ${first.room} }`,
    ' ],',
    ` "remainder": ${JSON.stringify(plan.remainder)},`,
    ` "objective": ${json(plan.objective)}`,
    '}',
  ]
}

/**
 * Output of the built CLI.
 * @param {string[]} args
 * @param {string} [input] Standard input.
 */
function cli(args, input = '') {
  return execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
}

/**
 * README text with every marked block regenerated.
 * @param {string} text README.md as it is.
 */
export async function renderReadme(text) {
  const scope = await evalScope()
  const lines = text.split('\n')
  const out = []
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i])
    const marker = /^<!-- readme-output: ([\w-]+) -->$/.exec(lines[i])
    if (marker === null) continue
    const open = i + 1
    let close = open + 1
    while (close < lines.length && !lines[close].startsWith('```')) close++
    if (!lines[open]?.startsWith('```') || close >= lines.length) throw new Error(`README.md:${i + 1}: a readme-output marker must come right before a fenced block`)
    const body = lines.slice(open + 1, close)
    const kind = marker[1]
    const generated =
      kind === 'eval' ? renderEval(body, scope)
      : kind === 'markdown-report' ? renderMarkdownStart(scope)
      : kind === 'tag-cli' ? renderTagCli()
      : kind === 'sessions-cli' ? renderSessionsCli()
      : kind === 'compare-cli' ? cli(['compare', 'fixtures/compare/before.json', 'fixtures/compare/after.json', '--k', '4', '--format', 'table', '--quiet']).trimEnd().split('\n')
      : (() => { throw new Error(`README.md:${i + 1}: unknown readme-output kind ${kind}`) })()
    out.push(lines[open], ...generated, lines[close])
    i = close
  }
  return out.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(README, 'utf8')
  const rendered = await renderReadme(text)
  if (process.argv.includes('--check')) {
    if (rendered !== text) {
      console.error('README.md: marked output blocks differ from the real outputs; run node scripts/readme-outputs.mjs')
      process.exit(1)
    }
  } else if (rendered !== text) {
    writeFileSync(README, rendered)
    console.log('README.md: output blocks regenerated')
  }
}
