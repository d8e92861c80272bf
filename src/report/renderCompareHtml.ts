/**
 * The self-contained page of `compare`: a dumbbell chart of every theme's size before and
 * after, and a table of the themes with their example titles and talks.
 */
import type { CompareResult, ThemeChange } from '../compare/types.js'
import { OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { documentHead } from './documentHead.js'
import { escapeHtml } from './escape.js'

/** Options of {@link renderCompareHtml}. */
export interface CompareHtmlOptions {
  /** Page title. @default 'What changed: <before> → <after>' */
  readonly title?: string
  /** Names of the two editions (file names, years). @default { before: 'before', after: 'after' } */
  readonly names?: { readonly before: string; readonly after: string }
  /** The editions' talks, to list every talk's title under its theme; ids are listed when absent. */
  readonly talks?: { readonly before: readonly Talk[]; readonly after: readonly Talk[] }
}

const ROW = 18
const LABEL_WIDTH = 300
const PLOT_WIDTH = 520
const RIGHT_MARGIN = 70
const TOP = 46
const MAX_LABEL = 44

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px 20px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9}
h1{font-size:19px;margin:0 0 4px}
h2{font-size:15px;margin:0 0 8px}
.stats,.note{color:#59636e}
.note{font-size:12px}
.panel{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:12px 14px;margin:14px 0;overflow-x:auto}
svg{display:block;font-size:12px}
svg text{fill:#1f2328}
.axis{stroke:#d8dee4}
.tick{fill:#59636e}
.mark line{stroke-width:2}
.mark circle{stroke-width:1.5}
.mark .before{fill:#fff}
.up line,.up circle{stroke:#1a7f37}.up .after{fill:#1a7f37}
.down line,.down circle{stroke:#c0392b}.down .after{fill:#c0392b}
.flat line,.flat circle{stroke:#6e7781}.flat .after{fill:#6e7781}
.legend .before{fill:#fff;stroke:#1f2328}.legend .after{fill:#1f2328}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-top:1px solid #eaeef2}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.kind-new,.kind-grew{color:#1a7f37}.kind-faded,.kind-shrank{color:#c0392b}
details summary{cursor:pointer;color:#59636e}
ul{margin:4px 0;padding-left:18px}
`

/**
 * Renders what changed between two editions as one HTML page that opens from disk: a
 * dumbbell chart with one mark per theme (a hollow dot at its talk count before, a filled
 * dot at its count after, green when it grew, red when it shrank), in the order of the
 * result (by change), then a table of the themes with kind, counts, change in talks and in
 * share of the edition, example titles and every talk of each edition.
 *
 * Safety: every piece of input text is HTML-escaped; the page has no script and carries a
 * Content-Security-Policy that allows only its own inline style (by SHA-256) and nothing
 * from the network.
 * @param result What `compare` returned.
 * @param options Title, edition names and the talks.
 * @returns The complete HTML document.
 * @throws OptionError for a non-string title or edition name.
 * @example writeFileSync('changes.html', renderCompareHtml(compare(talks2024, talks2025), { names: { before: '2024', after: '2025' } }))
 */
export function renderCompareHtml(result: CompareResult, options: CompareHtmlOptions = {}): string {
  const names = options.names ?? { before: 'before', after: 'after' }
  for (const [field, value] of [['title', options.title ?? ''], ['names.before', names.before], ['names.after', names.after]] as const) {
    if (typeof value !== 'string') throw new OptionError('renderCompareHtml', field, value, 'a string')
  }
  const title = options.title ?? `What changed: ${names.before} → ${names.after}`
  const titles = titleLookup(options.talks)
  const kinds = (['new', 'grew', 'steady', 'shrank', 'faded'] as const).map((kind) => `${result.themes.filter((theme) => theme.kind === kind).length} ${kind}`).join(', ')
  return `${documentHead({ title, style: STYLE })}<body>
<h1>${escapeHtml(title)}</h1>
<p class="stats">${escapeHtml(names.before)}: ${result.editions.before} talks · ${escapeHtml(names.after)}: ${result.editions.after} talks · ${result.themes.length} themes fitted over both: ${kinds}</p>
<section class="panel" id="chart">
<h2>Theme sizes, ${escapeHtml(names.before)} → ${escapeHtml(names.after)}</h2>
${chart(result, names)}
<p class="note">Talks per theme in each edition; themes by change, largest growth first. New: (nearly) absent in ${escapeHtml(names.before)}; faded: (nearly) absent in ${escapeHtml(names.after)}.</p>
</section>
<section class="panel" id="themes">
<h2>Themes</h2>
<table>
<thead><tr><th>theme</th><th>kind</th><th>${escapeHtml(names.before)}</th><th>${escapeHtml(names.after)}</th><th>change</th><th>share change (points)</th><th>examples ${escapeHtml(names.before)}</th><th>examples ${escapeHtml(names.after)}</th></tr></thead>
<tbody>
${result.themes.map((theme) => themeRow(theme, names, titles)).join('\n')}
</tbody>
</table>
</section>
</body>
</html>
`
}

/**
 * The dumbbell chart: one `<g class="mark">` per theme.
 * @param result What `compare` returned.
 * @param names Edition names.
 */
function chart(result: CompareResult, names: { readonly before: string; readonly after: string }): string {
  const max = Math.max(1, ...result.themes.map((theme) => Math.max(theme.before, theme.after)))
  const x = (count: number): number => round(LABEL_WIDTH + (count / max) * PLOT_WIDTH)
  const height = TOP + result.themes.length * ROW + 10
  const width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN
  const ticks = niceTicks(max).map((tick) => `<line class="axis" x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${height - 6}"/><text class="tick" x="${x(tick)}" y="${TOP - 10}" text-anchor="middle">${tick}</text>`)
  const legend = `<g class="legend"><circle class="before" cx="8" cy="10" r="4.5"/><text x="18" y="14">${escapeHtml(names.before)}</text><circle class="after" cx="${34 + 8 * Math.min(names.before.length, 40)}" cy="10" r="4.5"/><text x="${44 + 8 * Math.min(names.before.length, 40)}" y="14">${escapeHtml(names.after)}</text></g>`
  const marks = result.themes.map((theme, row) => {
    const y = TOP + row * ROW + ROW / 2
    const direction = theme.change > 0 ? 'up' : theme.change < 0 ? 'down' : 'flat'
    const characters = Array.from(theme.label)
    const label = characters.length > MAX_LABEL ? `${characters.slice(0, MAX_LABEL - 1).join('')}…` : theme.label
    const tip = `${theme.label}: ${names.before} ${theme.before} → ${names.after} ${theme.after} (${theme.kind})`
    return `<g class="mark ${direction}" data-theme="${escapeHtml(theme.id)}" data-kind="${theme.kind}"><title>${escapeHtml(tip)}</title>`
      + `<text x="${LABEL_WIDTH - 10}" y="${y + 4}" text-anchor="end">${escapeHtml(label)}</text>`
      + `<line x1="${x(theme.before)}" y1="${y}" x2="${x(theme.after)}" y2="${y}"/>`
      + `<circle class="before" cx="${x(theme.before)}" cy="${y}" r="4.5"/><circle class="after" cx="${x(theme.after)}" cy="${y}" r="4.5"/>`
      + `<text class="tick" x="${Math.max(x(theme.before), x(theme.after)) + 9}" y="${y + 4}">${theme.change > 0 ? '+' : ''}${theme.change}</text></g>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Talks per theme before and after" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${legend}${ticks.join('')}\n${marks.join('\n')}\n</svg>`
}

/**
 * Axis ticks at a round step, about five of them.
 * @param max Largest count.
 */
function niceTicks(max: number): number[] {
  const raw = max / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10)
  const ticks: number[] = []
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick)
  return ticks
}

/**
 * One table row: counts, examples and every talk of the theme.
 * @param theme A theme's change.
 * @param names Edition names.
 * @param titles Talk titles per edition, when known.
 */
function themeRow(theme: ThemeChange, names: { readonly before: string; readonly after: string }, titles: TitleLookup): string {
  const list = (items: readonly string[]): string => items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')
  const all = (edition: 'before' | 'after', ids: readonly string[]): string =>
    ids.length === 0 ? '' : `<details><summary>all ${ids.length} in ${escapeHtml(names[edition])}</summary><ul>${list(ids.map((id) => titles(edition, id)))}</ul></details>`
  const change = `${theme.change > 0 ? '+' : ''}${theme.change}`
  const share = `${theme.shareChange > 0 ? '+' : ''}${theme.shareChange.toFixed(2)}`
  return `<tr id="${escapeHtml(theme.id)}"><td>${escapeHtml(theme.label)}</td><td class="kind-${theme.kind}">${theme.kind}</td><td class="n">${theme.before}</td><td class="n">${theme.after}</td><td class="n">${change}</td><td class="n">${share}</td>`
    + `<td><ul>${list(theme.beforeTalks.examples)}</ul>${all('before', theme.beforeTalks.talks)}</td><td><ul>${list(theme.afterTalks.examples)}</ul>${all('after', theme.afterTalks.talks)}</td></tr>`
}

type TitleLookup = (edition: 'before' | 'after', id: string) => string

/**
 * A talk's title by edition and id, or the id when the talks were not given.
 * @param talks The editions' talks.
 */
function titleLookup(talks: CompareHtmlOptions['talks']): TitleLookup {
  if (talks === undefined) return (_, id) => id
  const maps = { before: new Map(talks.before.map((talk) => [talk.id, talk.title])), after: new Map(talks.after.map((talk) => [talk.id, talk.title])) }
  return (edition, id) => maps[edition].get(id) || id
}

/** A coordinate to one decimal. */
function round(value: number): number {
  return Math.round(value * 10) / 10
}
