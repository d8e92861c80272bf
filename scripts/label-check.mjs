// Share of theme labels that hold a filler, per corpus: the check of the label quality
// issue, run on the built library (`npm run build` first).
//
//   node scripts/label-check.mjs [--list] [--only a,b]
//
// A label term is a filler when it is
//   verb/adverb   a term whose (last) word compromise's full tagger (a dev dependency; the
//                 library only uses a list drawn from its lexicon) tags, in most of the first
//                 three sentences of the theme's talks that use it, as a verb that is not a
//                 gerund, an adverb, an adjective, an expression or a function word; or whose
//                 first word is an expression ("attend Please");
//   adjective     the same, when most of those tags say adjective (`popular`, `solar`): not
//                 named in the issue, counted apart;
//   url           a URL or host fragment (`https`, `www`, `github.com`);
//   boilerplate   an event word: welcome, please, attend(ees), devroom, talk, session…;
//   fragment      a term sharing a word with an earlier term of the same label
//                 (`open source · source software`);
//   spread        a term that more of the corpus's talks contain than a fifth, or than two
//                 themes' worth (2 / k) on corpora of few themes.
// Corpora: the fixtures and, when ../shared/corpora exists, the development corpora, read
// as scripts/eval.mjs reads them (truth removed), themes at the automatic k, seed 42.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import nlp from 'compromise/two'
import { talkatlas } from './loadLibrary.mjs'
import { findSharedCorpora } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const list = process.argv.includes('--list')
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? process.argv[onlyAt + 1].split(',') : null
const SPREAD_SHARE = 0.2
const BOILERPLATE = new Set(['welcome', 'please', 'attend', 'attendees', 'attendee', 'devroom', 'talk', 'talks', 'session', 'sessions', 'speaker', 'speakers', 'presentation', 'honorable', 'mention', 'everybody', 'everyone', 'thanks', 'hello', 'join', 'q&a'])
const NOT_NOUN = /^(Verb|Adverb|Adjective|Expression|Pronoun|Determiner|Preposition|Conjunction|Modal|QuestionWord|Comparative|Superlative)$/

function corpora() {
  const out = []
  for (const name of ['lpc-networking-bpf', 'ml-workshop', 'small/workshop-12', 'small/four-topics-20']) {
    out.push([name.replace('small/', ''), JSON.parse(readFileSync(join(root, 'fixtures', `${name}.json`), 'utf8')).talks])
  }
  const shared = findSharedCorpora()
  if (!shared) {
    console.log('skipped: ../shared/corpora not found (fixtures only)')
    return out
  }
  const parse = (file) => talkatlas.parseTalks(readFileSync(join(shared, file), 'utf8'), { fileName: file, skipInvalid: true }).talks
  // The Linux Plumbers networking track page (15 talks, text reader), when present.
  const seed = join(dirname(shared), 'seeds', '000_5dce5afa520b7278.txt')
  if (existsSync(seed)) out.push(['LPC 2022 track page', talkatlas.parseTalks(readFileSync(seed, 'utf8'), { fileName: seed }).talks])
  out.push(['fosdem-2025', JSON.parse(readFileSync(join(shared, 'fosdem-2025.json'), 'utf8')).talks])
  out.push(['fosdem-2024', parse('fosdem-2024.xml')])
  out.push(['emnlp-2020', parse('emnlp-2020.csv')])
  out.push(['35c3 (topical)', parse('ccc-35c3.schedule.json').filter((t) => typeof t.track === 'string' && !['self organized sessions', 'Music'].includes(t.track))])
  return out
}

const bare = (text) => text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

/**
 * The tags compromise gives `word` in up to three sentences of `texts` that contain the whole
 * term (null when none does).
 */
function tagsInContext(term, word, texts) {
  const needle = term.toLowerCase()
  const found = []
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      if (!sentence.toLowerCase().includes(needle)) continue
      const terms = nlp(sentence).json().flatMap((s) => s.terms)
      const hit = terms.find((t) => bare(t.text) === bare(word))
      if (hit) found.push(hit.tags)
      if (found.length === 3) return found
    }
  }
  return found.length > 0 ? found : null
}

/** 'adjective' or 'verb/adverb' when most of a word's tag sets say it is not a noun, else null. */
function mostlyNotNoun(tagSets) {
  if (!tagSets) return null
  const not = tagSets.filter(notNoun)
  if (not.length * 2 <= tagSets.length) return null
  return not.filter((tags) => tags.includes('Adjective')).length * 2 > not.length ? 'adjective' : 'verb/adverb'
}

function notNoun(tags) {
  if (!tags || tags.length === 0) return false
  if (tags.includes('Gerund') || tags.includes('Noun') || tags.includes('Acronym')) return false
  return tags.some((tag) => NOT_NOUN.test(tag))
}

function fillersOf(term, earlier, texts, themeTexts, k) {
  const found = []
  const lower = term.toLowerCase()
  const words = lower.split(/[\s-]+/)
  const spaced = term.split(/\s+/)
  if (/^(https?|www)$/.test(lower) || /\.(com|org|net|io|dev|eu|info|edu|gov|co|uk|de|fr|nl|be|ch|me|app|html?)$/.test(lower) || lower.includes('://')) found.push('url')
  if (words.some((w) => BOILERPLATE.has(w))) found.push('boilerplate')
  const expression = spaced.length > 1 && (tagsInContext(term, spaced[0], themeTexts) ?? []).some((tags) => tags.includes('Expression'))
  const kind = expression ? 'verb/adverb' : mostlyNotNoun(tagsInContext(term, spaced[spaced.length - 1], themeTexts))
  if (kind && !found.includes('url')) found.push(kind)
  if (earlier.some((other) => other.some((w) => words.includes(w)))) found.push('fragment')
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u')
  let containing = 0
  for (const text of texts) if (pattern.test(text)) containing++
  if (containing > Math.max(SPREAD_SHARE, 2 / k) * texts.length) found.push('spread')
  return found
}

const categories = ['verb/adverb', 'adjective', 'url', 'boilerplate', 'fragment', 'spread']
const rows = []
for (const [name, raw] of corpora()) {
  if (only && !only.some((o) => name.includes(o))) continue
  const talks = raw.map(({ theme: _t, track: _k, source: _s, ...talk }) => talk)
  const original = talks.map((t) => `${t.title}.\n${t.abstract}`)
  const texts = original.map((t) => t.toLowerCase())
  const atlas = talkatlas.buildAtlas(talks, { seed: 42 })
  const counts = Object.fromEntries(categories.map((c) => [c, 0]))
  let withFiller = 0
  let withAny = 0
  for (const [t, theme] of atlas.themes.entries()) {
    const themeTexts = original.filter((_, i) => atlas.assignments[i] === t)
    const terms = theme.label.split(' · ')
    const earlier = []
    const flagged = new Set()
    const notes = []
    for (const term of terms) {
      const found = fillersOf(term, earlier, texts, themeTexts, atlas.themes.length)
      for (const f of found) flagged.add(f)
      if (found.length) notes.push(`${term} [${found.join(', ')}]`)
      earlier.push(term.toLowerCase().split(/[\s-]+/))
    }
    for (const f of flagged) counts[f]++
    if ([...flagged].some((f) => f !== 'adjective')) withFiller++
    if (flagged.size > 0) withAny++
    if (list && notes.length) console.log(`${name}: ${theme.label}  <-  ${notes.join('; ')}`)
  }
  const n = atlas.themes.length
  const share = (count) => `${count} (${((100 * count) / n).toFixed(1)} %)`
  rows.push([name, n, share(withFiller), share(withAny), ...categories.map((c) => String(counts[c]))])
}
const header = ['corpus', 'labels', 'with a filler', 'or an adjective', ...categories]
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => String(r[j]).length)))
const line = (cells) => cells.map((c, j) => String(c).padEnd(widths[j])).join('  ')
console.log(line(header))
for (const r of rows) console.log(line(r))
