/**
 * Names clusters. Keywords are terms that many of a cluster's talks use and few other talks
 * use: score = p_c · ln((p_c + ε) / (p_rest + ε)), where p_c is the share of the cluster's
 * talks containing the term, p_rest the share of the other talks, and ε = 1 / n (a smoothed
 * class-based TF-IDF in the spirit of BERTopic's c-TF-IDF, on document frequencies so that one
 * talk repeating a word cannot name a theme). Only topical nouns and noun phrases name a
 * theme ({@link isLabelTerm}), and not a term that a large share of the whole corpus uses.
 */
import type { CsrMatrix } from '../types.js'
import { isLabelTerm } from './labelTerms.js'
import { verbLikeWords } from './verbUsage.js'
import type { TfidfModel } from '../vectorize/tfidf.js'
import { round } from '../util/round.js'
import { groupByLabel } from '../util/groupByLabel.js'

/** A keyword of a theme with its distinctiveness score. */
export interface ThemeKeyword {
  /** Display form of the term (`XDP`, `stack unwinding`). */
  readonly term: string
  /** Distinctiveness score (higher is more typical of the theme). */
  readonly score: number
}

/** Share of the corpus's talks above which a term is too common to name a theme. */
const SPREAD_SHARE = 0.2

/** Options of {@link labelThemes}. */
export interface LabelOptions {
  /** Keywords kept per theme. @default 10 */
  readonly keywords?: number
  /** Terms in a label. @default 3 */
  readonly labelTerms?: number
  /**
   * Lower-case words that may not stand in a label or keyword, such as the function words of
   * the corpus's other languages (see `foreignStopwords`). @default none
   */
  readonly excludedWords?: ReadonlySet<string>
  /**
   * Text of each row (a talk's title and abstract): when given, a candidate word that the
   * theme's talks mostly use as a verb (`we implement`, `exhibits this`) names nothing.
   * @default none
   */
  readonly text?: (row: number) => string
}

/** Talks of a theme read for the verb check: enough to see how a word is used. */
const VERB_CHECK_TALKS = 10

/** Keywords and a label for every cluster. */
export interface ThemeNames {
  readonly keywords: readonly (readonly ThemeKeyword[])[]
  readonly labels: readonly string[]
}

/**
 * Finds keywords and a short label for every cluster.
 * @param matrix TF-IDF rows (only the pattern of non-zeros is read).
 * @param model Fitted vocabulary (for display forms).
 * @param assignment Cluster per row, -1 for none.
 * @param k Number of clusters.
 * @param options See {@link LabelOptions}.
 */
export function labelThemes(
  matrix: CsrMatrix,
  model: TfidfModel,
  assignment: Int32Array,
  k: number,
  options: LabelOptions = {},
): ThemeNames {
  const nKeywords = options.keywords ?? 10
  const labelTerms = options.labelTerms ?? 3
  const excluded = options.excludedWords
  const { starts, members } = groupByLabel(assignment, k)
  const n = matrix.nRows
  // A term in more of the corpus than two themes' worth of talks (and at least a fifth) is
  // spread over the corpus, not typical of one theme.
  const spread = Math.max(SPREAD_SHARE, 2 / Math.max(k, 1)) * n
  // Per term: 0 not yet asked, 1 may name, 2 may not.
  const nameable = new Uint8Array(model.labels.length)
  const mayName = (term: number) => {
    if (nameable[term] === 0) {
      const label = model.labels[term]!
      nameable[term] = model.docCounts[term] <= spread && isLabelTerm(label) && !(excluded !== undefined && hasExcludedWord(label, excluded)) ? 1 : 2
    }
    return nameable[term] === 1
  }
  const frequencies = new TermFrequencies(model.labels.length)
  const keywords: ThemeKeyword[][] = []
  const labels: string[] = []
  for (let c = 0; c < k; c++) {
    const scored: { term: number; score: number; weight: number }[] = []
    const size = starts[c + 1]! - starts[c]!
    frequencies.count(matrix, members, starts[c]!, starts[c + 1]!)
    for (let t = 0; t < frequencies.length; t++) {
      const term = frequencies.terms[t]!
      const score = distinctiveness(frequencies.docs[term]!, size, model.docCounts[term], n)
      if (score > 0 && mayName(term)) scored.push({ term, score, weight: frequencies.weights[term]! })
    }
    // Equal shares (frequent on small sets: 2 of 8 talks) are told apart by the term's
    // summed TF-IDF weight in the theme: a term the talks repeat, or rarer in the corpus,
    // before one they each say once (`XDP` before `cases`), not by alphabetical order.
    scored.sort((a, b) => b.score - a.score || b.weight - a.weight || a.term - b.term)
    const firstRows = Array.from(members.subarray(starts[c]!, Math.min(starts[c + 1]!, starts[c]! + VERB_CHECK_TALKS)))
    if (options.text !== undefined) dropVerbs(scored, model, firstRows, options.text, 2 * labelTerms + 2)
    const top = scored.slice(0, nKeywords).map(({ term, score }) => ({ term: model.labels[term], score: round(score, 6) }))
    keywords.push(top)
    labels.push(composeLabel(scored.map((s) => model.labels[s.term]), labelTerms))
  }
  return { keywords, labels }
}

/**
 * Removes, among the first `count` candidates, the single words the theme's talks mostly use
 * as verbs (see verbLikeWords).
 * @param scored Candidates, best first (changed in place).
 * @param model Vocabulary (display forms).
 * @param rows Rows of the theme's talks to read.
 * @param text Text of a row.
 * @param count Candidates to check.
 */
function dropVerbs(scored: { term: number }[], model: TfidfModel, rows: readonly number[], text: (row: number) => string, count: number): void {
  const words = new Set<string>()
  for (const { term } of scored.slice(0, count)) {
    const label = model.labels[term]!
    if (/^\p{Ll}+$/u.test(label)) words.add(label)
  }
  if (words.size === 0) return
  const verbs = verbLikeWords(rows.map(text), words)
  if (verbs.size === 0) return
  let kept = 0
  for (const entry of scored) if (!verbs.has(model.labels[entry.term]!)) scored[kept++] = entry
  scored.length = kept
}

/** Whether any word of a display form is in `excluded` (compared in lower case). */
function hasExcludedWord(label: string, excluded: ReadonlySet<string>): boolean {
  return label.toLowerCase().split(/[\s-]+/).some((word) => excluded.has(word))
}

/**
 * Class-based score of a term for a group of talks (a theme, a session):
 * `p · ln((p + ε) / (p_rest + ε))`, p the share of the group's talks containing the term,
 * p_rest the share of the other talks, ε = 1 / n. A term in fewer than two talks of a group
 * of three or more scores 0: one talk's word does not describe the group.
 * @param inGroup Talks of the group containing the term.
 * @param size Talks in the group.
 * @param docCount Talks of the corpus containing the term.
 * @param n Talks in the corpus.
 */
export function distinctiveness(inGroup: number, size: number, docCount: number, n: number): number {
  if (size >= 3 && inGroup < 2) return 0
  const epsilon = 1 / Math.max(n, 1)
  const p = inGroup / size
  const pRest = (docCount - inGroup) / Math.max(n - size, 1)
  return p * Math.log((p + epsilon) / (pRest + epsilon))
}

/**
 * Document frequency and summed weight of each term in one group of rows, in arrays over the
 * vocabulary reused from group to group (only the terms seen are reset). Weights are summed
 * in row order, the order of the rows given.
 */
class TermFrequencies {
  readonly docs: Int32Array
  readonly weights: Float64Array
  /** The terms seen in the group, in order of first sight; the first {@link length} are valid. */
  readonly terms: Int32Array
  length = 0

  /** @param nTerms Vocabulary size. */
  constructor(nTerms: number) {
    this.docs = new Int32Array(nTerms)
    this.weights = new Float64Array(nTerms)
    this.terms = new Int32Array(nTerms)
  }

  /** Counts the rows `members[from … to)`. */
  count(matrix: CsrMatrix, members: Int32Array, from: number, to: number): void {
    for (let t = 0; t < this.length; t++) {
      this.docs[this.terms[t]!] = 0
      this.weights[this.terms[t]!] = 0
    }
    this.length = 0
    for (let r = from; r < to; r++) {
      const i = members[r]!
      for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p++) {
        const term = matrix.indices[p]!
        if (this.docs[term] === 0) this.terms[this.length++] = term
        this.docs[term]++
        this.weights[term] += matrix.data[p]!
      }
    }
  }
}

/**
 * Joins the best terms into `A · B · C` without saying a word twice: a term that repeats a
 * word already chosen is skipped (`XDP` after `XDP hints`, `queueing` after `queue`,
 * `embedded devices` after `Embedded Swift`); a phrase that contains a chosen word takes
 * that word's place (`digital · European · digital sovereignty` becomes
 * `digital sovereignty · European · …`); two phrases that overlap end to start are said once
 * (`open source` and `source software` become `open source software`, `language models` and
 * `large language` become `large language models`).
 * @param ranked Display forms, best first.
 * @param count Terms wanted.
 */
export function composeLabel(ranked: readonly string[], count: number): string {
  const chosen: string[][] = []
  const labels: string[] = []
  // Phrases may still replace a chosen word a little below the cut, not from far down the list.
  const lookahead = 2 * count
  for (let rank = 0; rank < ranked.length; rank++) {
    const term = ranked[rank]
    if (chosen.length === count && rank >= lookahead) break
    const parts = term.toLowerCase().split(/[\s-]+/)
    const covers = (words: readonly string[]) => words.every((word) => parts.some((part) => sameWord(part, word)))
    const contained = parts.length > 1 ? chosen.flatMap((words, index) => (covers(words) && words.length < parts.length ? [index] : [])) : []
    if (contained.length > 0) {
      // Not when its other words repeat another chosen term (`classical computing` beside
      // `quantum computing`, `public sector` beside `public administration`).
      if (parts.some((part) => chosen.some((words, index) => !contained.includes(index) && words.some((word) => sameWord(word, part))))) continue
      // The phrase replaces the first word it contains and drops any other it contains.
      labels[contained[0]] = term
      chosen[contained[0]] = parts
      for (const index of contained.slice(1).reverse()) {
        labels.splice(index, 1)
        chosen.splice(index, 1)
      }
      continue
    }
    const joined = chainPhrases(labels, term)
    if (joined) {
      labels[joined.index] = joined.label
      chosen[joined.index] = joined.label.toLowerCase().split(/[\s-]+/)
      continue
    }
    if (chosen.length === count) break
    if (parts.some((part) => chosen.some((words) => words.some((word) => sameWord(word, part))))) continue
    chosen.push(parts)
    labels.push(term)
  }
  return labels.length > 0 ? labels.join(' · ') : 'Miscellaneous'
}

/**
 * The chosen phrase that `term` continues or precedes by one shared word, joined with it
 * (`open source` + `source software` → `open source software`), or undefined.
 */
function chainPhrases(labels: readonly string[], term: string): { index: number; label: string } | undefined {
  const words = term.split(/\s+/)
  if (words.length < 2) return undefined
  for (let index = 0; index < labels.length; index++) {
    const other = labels[index]!.split(/\s+/)
    if (other.length < 2 || other.length + words.length > 4) continue
    if (sameWord(other[other.length - 1]!.toLowerCase(), words[0]!.toLowerCase())) return { index, label: [...other, ...words.slice(1)].join(' ') }
    if (sameWord(words[words.length - 1]!.toLowerCase(), other[0]!.toLowerCase())) return { index, label: [...words.slice(0, -1), ...other].join(' ') }
  }
  return undefined
}

function sameWord(a: string, b: string): boolean {
  return a === b || sharesStem(a, b)
}

function sharesStem(a: string, b: string): boolean {
  const shortest = Math.min(a.length, b.length)
  if (shortest < 4) return a === b
  let common = 0
  while (common < shortest && a[common] === b[common]) common++
  return common >= Math.max(4, shortest - 2)
}
