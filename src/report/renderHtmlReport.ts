/** The self-contained HTML report: map, themes, talks, sessions and search in one file. */
import type { Atlas } from '../atlas/types.js'
import { CLIENT_SCRIPT } from './clientScript.js'
import { collectReport, type CollectedGroup, type CollectedReport, type CollectedTalk, type CollectedTheme } from './collectReport.js'
import { documentHead } from './documentHead.js'
import { escapeHtml, jsonForScript } from './escape.js'
import { projectMap, type MapProjection } from './projectMap.js'
import { REPORT_STYLE } from './reportStyle.js'
import type { ReportOptions } from './types.js'

/** Talk totals up to which theme lists start expanded. */
const EXPAND_THEMES_UP_TO = 200

/**
 * Renders an atlas as one self-contained HTML page that opens from disk: a 2-D map of all
 * talks (canvas, one point per talk coloured by theme, title on hover, click opens the
 * talk's card), the themes with keywords, size and talks (most typical first), a card per
 * talk (abstract, speakers, theme, tags, related talks with their shared terms, session),
 * the session plan by slot and room when given, and a search box filtering talks by text.
 *
 * Safety: every piece of input text is HTML-escaped; the map data is embedded as
 * script-safe JSON in a non-executed `application/json` block; the page carries a
 * Content-Security-Policy that allows only its own inline script and style (by SHA-256) and
 * nothing from the network.
 *
 * @param atlas A built or loaded atlas.
 * @param options See {@link ReportOptions}.
 * @returns The complete HTML document.
 * @throws OptionError for a non-string title, a negative or fractional `related`, or tags
 *   or sessions of the wrong shape.
 * @example writeFileSync('report.html', renderHtmlReport(buildAtlas(talks)))
 */
export function renderHtmlReport(atlas: Atlas, options: ReportOptions = {}): string {
  const report = collectReport(atlas, options, 'renderHtmlReport', true)
  const projection = projectMap(atlas, { method: options.map ?? 'auto', seed: atlas.options.seed, ...(options.onProgress && { onProgress: options.onProgress }) })
  // Titles are read from the cards by the page's script, and related talks travel as
  // positions, scores and term numbers: no string of the page is written twice for them.
  const data = {
    points: Array.from(projection.coordinates, (value) => Math.round(value * 1e4) / 1e4),
    themes: report.talks.map((talk) => talk.theme),
    labels: report.themes.map((theme) => theme.label),
    colors: report.themes.map((theme) => theme.color),
    groups: report.themes.map((theme) => theme.group),
    ...relatedPayload(report),
  }
  const style = REPORT_STYLE + themeColorRules(report.themes)
  const nTalks = report.talks.length
  const nThemes = report.themes.length
  return `${documentHead({ title: report.title, style, script: CLIENT_SCRIPT })}<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<span class="stats">${plural(nTalks, 'talk')} · ${plural(report.groups.length, 'group')} · ${plural(nThemes, 'theme')}${report.hasSessions ? ` · ${plural(report.sessions.length, 'session')}` : ''}</span>
<label class="search">Search <input id="search" type="search" placeholder="words in title, abstract, speakers, tags" autocomplete="off"></label>
<label class="group-filter">Group <select id="group-filter"><option value="">all groups</option>${report.groups.map((group) => `<option value="${group.index}">${escapeHtml(group.label)} (${group.size})</option>`).join('')}</select></label>
<span id="count" aria-live="polite">${plural(nTalks, 'talk')}</span>
</header>
<main>
<div class="map-panel">
<section class="panel" aria-labelledby="map-heading">
<h2 id="map-heading">Map</h2>
<div class="map-wrap">
<canvas id="map" role="img" aria-label="Map of ${nTalks} talks coloured by theme; the talk list below has the same content"></canvas>
<div id="tooltip" hidden></div>
</div>
<p class="note">${mapNote(projection)} Hover for the title, click to open the talk.</p>
<ul class="legend">${report.themes.map(renderLegendItem).join('')}</ul>
</section>
</div>
<div class="lists">
<section class="panel" id="themes" aria-labelledby="themes-heading">
<h2 id="themes-heading">Themes</h2>
${report.groups.map((group) => renderGroup(group, report, nTalks <= EXPAND_THEMES_UP_TO)).join('\n')}
</section>
${report.hasSessions ? renderSessions(report) : ''}
<section class="panel" id="talks" aria-labelledby="talks-heading">
<h2 id="talks-heading">Talks</h2>
${report.talks.map((talk) => renderTalk(talk, report)).join('\n')}
</section>
</div>
</main>
<script type="application/json" id="talkatlas-data">${jsonForScript(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`
}

/**
 * One CSS class per theme carrying its colour, so no element needs a `style` attribute.
 * Colours come from the library's palette, never from input.
 * @param themes Report themes.
 */
function themeColorRules(themes: readonly CollectedTheme[]): string {
  return themes.map((theme) => `.c${theme.index}{--c:${theme.color}}`).join('\n') + '\n'
}

/**
 * A theme's entry in the map legend.
 * @param theme The theme.
 */
function renderLegendItem(theme: CollectedTheme): string {
  return `<li><a href="#theme-${theme.index}"><span class="swatch c${theme.index}"></span>${escapeHtml(theme.label)} (${theme.members.length})</a></li>`
}

/**
 * A theme group: label, size, keywords, and its themes largest first.
 * @param group The group.
 * @param report All report data.
 * @param open Whether the themes' talk lists start expanded.
 */
function renderGroup(group: CollectedGroup, report: CollectedReport, open: boolean): string {
  const first = group.themes[0] ?? 0
  return `<section class="group" id="group-${group.index}" data-group="${group.index}">
<h3><span class="swatch c${first}"></span>${escapeHtml(group.label)} <span class="size">${plural(group.size, 'talk')} · ${plural(group.themes.length, 'theme')}</span></h3>
<p class="keywords">${group.keywords.length ? escapeHtml(group.keywords.join(' · ')) : 'no distinctive terms'}</p>
${group.themes.map((c) => renderTheme(report.themes[c]!, report, open)).join('\n')}
</section>`
}

/**
 * A theme: label, size, keywords and its talks, most typical first.
 * @param theme The theme.
 * @param report All report data.
 * @param open Whether the talk list starts expanded.
 */
function renderTheme(theme: CollectedTheme, report: CollectedReport, open: boolean): string {
  const members = theme.members
    .map((member) => {
      const talk = report.talks[member.index]
      if (talk === undefined) return ''
      return `<li data-talk="${talk.index}"><a href="#t-${talk.index}">${escapeHtml(talk.title)}</a> <span class="score" title="typicality">${member.score.toFixed(2)}</span></li>`
    })
    .join('')
  return `<details class="theme" id="theme-${theme.index}"${open ? ' open' : ''}>
<summary><span class="swatch c${theme.index}"></span>${escapeHtml(theme.label)} <span class="size">${plural(theme.members.length, 'talk')}</span></summary>
<p class="keywords">${theme.keywords.length ? escapeHtml(theme.keywords.join(' · ')) : 'no distinctive terms'}</p>
<ol class="members">${members}</ol>
</details>`
}

/**
 * A talk's card: collapsed to its title, expanded to abstract, speakers, theme, tags,
 * related talks and session.
 * @param talk The talk.
 * @param report All report data.
 */
function renderTalk(talk: CollectedTalk, report: CollectedReport): string {
  const theme = report.themes[talk.theme]
  const themeLabel = theme === undefined ? '' : theme.label
  const speakers = talk.speakers.length ? `<span data-search>${talk.speakers.map(escapeHtml).join(', ')}</span> · ` : ''
  const tags = talk.tags.length
    ? `<p class="tags" data-search>Tags: ${talk.tags.map((tag) => `<span class="tag">${escapeHtml(tag.theme)} <span class="score">${formatScore(tag.score)}</span></span>`).join('')}</p>`
    : ''
  // Filled from the data block by the page's script when the card opens.
  const related = talk.related.length ? '<h3>Related talks</h3><ol class="related"></ol>' : ''
  const session = talk.session >= 0 ? renderTalkSession(talk.session, report) : ''
  return `<details class="talk" id="t-${talk.index}" data-talk="${talk.index}">
<summary><span class="swatch c${talk.theme}"></span><span class="title" data-search>${escapeHtml(talk.title)}</span><span class="theme-name" data-search>${escapeHtml(themeLabel)}</span></summary>
<div class="talk-body">
<p class="meta">${speakers}id <code>${escapeHtml(talk.id)}</code> · theme <a href="#theme-${talk.theme}">${escapeHtml(themeLabel)}</a></p>
<p class="abstract" data-search>${talk.abstract ? escapeHtml(talk.abstract) : '<em>No abstract.</em>'}</p>
${tags}${related}${session}
</div>
</details>`
}

/**
 * The related talks of every card for the page's script: `related[i]` lists, per related talk
 * of talk i, its position, its score in hundredths, the number of shared terms and their
 * numbers in `terms` (each shared term written once for the whole page).
 * @param report All report data.
 */
function relatedPayload(report: CollectedReport): { related: number[][]; terms: string[] } {
  const terms: string[] = []
  const termNumbers = new Map<string, number>()
  const related = report.talks.map((talk) => {
    const flat: number[] = []
    for (const item of talk.related) {
      if (report.talks[item.index] === undefined) continue
      flat.push(item.index, Math.round(item.score * 100), item.terms.length)
      for (const term of item.terms) {
        let number = termNumbers.get(term)
        if (number === undefined) {
          number = terms.length
          terms.push(term)
          termNumbers.set(term, number)
        }
        flat.push(number)
      }
    }
    return flat
  })
  return { related, terms }
}

/**
 * The session line of a talk card.
 * @param s Position of the talk's session.
 * @param report All report data.
 */
function renderTalkSession(s: number, report: CollectedReport): string {
  const session = report.sessions[s]!
  const place = [report.slots[session.slot], report.rooms[session.room]].filter((text): text is string => Boolean(text))
  const where = place.length ? ` (${place.map(escapeHtml).join(', ')})` : ''
  return `<p class="meta">Session: <a href="#session-${s}">${escapeHtml(session.label || session.id)}</a>${where}</p>`
}

/**
 * The session plan: a slot × room table when sessions have slots or rooms, else a list.
 * @param report All report data.
 */
function renderSessions(report: CollectedReport): string {
  const heading = `<h2 id="sessions-heading">Sessions</h2>`
  if (report.sessions.length === 0) {
    return `<section class="panel" id="sessions" aria-labelledby="sessions-heading">${heading}<p>No sessions.</p></section>`
  }
  if (report.slots.length === 1 && report.rooms.length === 1 && !report.slots[0] && !report.rooms[0]) {
    return `<section class="panel" id="sessions" aria-labelledby="sessions-heading">${heading}
<ol class="plan">${report.sessions.map((_, s) => `<li>${renderSession(s, report)}</li>`).join('\n')}</ol>
</section>`
  }
  const header = `<tr><th>Slot</th>${report.rooms.map((room) => `<th>${room ? escapeHtml(room) : 'Room'}</th>`).join('')}</tr>`
  const rows = report.slots.map((slot, s) => {
    const cells = report.rooms.map((_, r) => {
      const here: string[] = []
      report.sessions.forEach((session, index) => {
        if (session.slot === s && session.room === r) here.push(renderSession(index, report))
      })
      return `<td>${here.join('')}</td>`
    })
    return `<tr><th>${slot ? escapeHtml(slot) : `${s + 1}`}</th>${cells.join('')}</tr>`
  })
  return `<section class="panel" id="sessions" aria-labelledby="sessions-heading">${heading}
<div class="plan"><table>${header}${rows.join('\n')}</table></div>
</section>`
}

/**
 * One session: label and talks in running order (not filtered by the search, so the plan
 * keeps its shape).
 * @param s Session position.
 * @param report All report data.
 */
function renderSession(s: number, report: CollectedReport): string {
  const session = report.sessions[s]!
  const talks = session.talks
    .map((talk) => {
      const known = report.talks[talk.index]
      return known === undefined
        ? `<li>${escapeHtml(talk.id)} <em>(not in the atlas)</em></li>`
        : `<li><a href="#t-${known.index}">${escapeHtml(known.title)}</a></li>`
    })
    .join('')
  return `<div class="session" id="session-${s}"><span class="session-label">${escapeHtml(session.label || session.id)}</span><ol>${talks}</ol></div>`
}

/**
 * `1 talk`, `2 talks`.
 * @param count How many.
 * @param noun Singular noun.
 */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * What the map axes mean.
 * @param projection The layout.
 */
function mapNote(projection: MapProjection): string {
  return projection.method === 'umap'
    ? 'UMAP layout of the talk vectors: nearby talks use similar words; axes have no units.'
    : `Principal components 1 and 2 of the talk vectors (${percent(projection.explainedVariance[0])} and ${percent(projection.explainedVariance[1])} of the variance): nearby talks use similar words.`
}

/**
 * A share as a whole percentage.
 * @param share Value in [0, 1].
 */
function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/**
 * A score with two decimals; non-numbers as an em dash.
 * @param score Tag score.
 */
function formatScore(score: number): string {
  return typeof score === 'number' && Number.isFinite(score) ? score.toFixed(2) : '—'
}
