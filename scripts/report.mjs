// Writes the talkatlas report for a talks file, until the `talkatlas report` CLI command lands.
//
//   node scripts/report.mjs <talks.json> [--out report.html] [--format html|md] [--title T]
//                           [--k N] [--seed N] [--tags tags.json] [--sessions sessions.json]
//                           [--size N]
//
// Input: `{ "talks": [...] }` or a bare array of talks. `--tags` takes `{ [talkId]: [{ theme,
// score }] }`, `--sessions` takes `{ sessions: [{ id, label, talks, slot?, room? }] }`.
// `--size N` plans sessions of N talks with the library's groupSessions when it is exported;
// until then it uses a plain stand-in (each theme's talks, most typical first, cut in runs of
// N and laid out over three rooms), clearly named as such on stderr.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as talkatlas from '../dist/index.js'
import { renderHtmlReport } from '../dist/report.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', default: 'html' },
    title: { type: 'string' },
    k: { type: 'string' },
    seed: { type: 'string' },
    tags: { type: 'string' },
    sessions: { type: 'string' },
    size: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help || positionals.length !== 1) {
  process.stderr.write('usage: node scripts/report.mjs <talks.json> [--out file] [--format html|md] [--title T] [--k N] [--seed N] [--tags f] [--sessions f] [--size N]\n')
  process.exit(values.help ? 0 : 2)
}
if (values.format !== 'html' && values.format !== 'md') {
  process.stderr.write(`report: --format=${values.format} is invalid, expected html or md\n`)
  process.exit(2)
}

const input = JSON.parse(readFileSync(positionals[0], 'utf8'))
const talks = Array.isArray(input) ? input : input.talks
const atlasOptions = {}
if (values.k !== undefined) atlasOptions.k = values.k === 'auto' ? 'auto' : Number(values.k)
if (values.seed !== undefined) atlasOptions.seed = Number(values.seed)
const atlas = talkatlas.buildAtlas(talks, atlasOptions)
for (const warning of atlas.warnings) process.stderr.write(`warning: ${warning.message}\n`)

const options = {}
if (values.title !== undefined) options.title = values.title
if (values.tags !== undefined) options.tags = JSON.parse(readFileSync(values.tags, 'utf8'))
if (values.sessions !== undefined) options.sessions = JSON.parse(readFileSync(values.sessions, 'utf8'))
else if (values.size !== undefined) options.sessions = planSessions(atlas, Number(values.size))

const text = values.format === 'md' ? talkatlas.renderMarkdownReport(atlas, options) : renderHtmlReport(atlas, options)
if (values.out) writeFileSync(values.out, text)
else process.stdout.write(text)

/**
 * Sessions of `size` talks: the library's groupSessions when present, else a stand-in.
 * @param atlas The atlas.
 * @param size Talks per session.
 */
function planSessions(atlas, size) {
  if (!Number.isInteger(size) || size < 1) {
    process.stderr.write(`report: --size=${size} is invalid, expected an integer ≥ 1\n`)
    process.exit(2)
  }
  if (typeof talkatlas.groupSessions === 'function') return talkatlas.groupSessions(atlas, { size })
  process.stderr.write('report: groupSessions is not in this build; using runs of each theme as a stand-in plan\n')
  const rooms = ['Room A', 'Room B', 'Room C']
  const sessions = []
  for (const theme of atlas.themes) {
    for (let start = 0; start < theme.talks.length; start += size) {
      const s = sessions.length
      sessions.push({
        id: `session-${s + 1}`,
        label: theme.label,
        talks: theme.talks.slice(start, start + size).map((member) => member.id),
        slot: `Slot ${Math.floor(s / rooms.length) + 1}`,
        room: rooms[s % rooms.length],
      })
    }
  }
  return { sessions }
}
