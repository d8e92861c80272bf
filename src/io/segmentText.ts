/**
 * Splits a run of lines pasted without blank lines between talks (a track page, a list
 * copied from a conference site) into talks, from cues such pages carry, none specific to
 * one site:
 *
 * - a line that ends with a truncation mark (`...`, `…`, `[…]`, `Read more`) ends a talk;
 * - hard-wrapped lines (a run of lines of similar length, each breaking mid-sentence) are
 *   one piece of text;
 * - a short line without final punctuation followed by a much longer one is the title of
 *   the next talk;
 * - a line opening with a word that refers back (`This`, `We`, `However`, `In this talk`)
 *   continues the talk before it;
 * - where no cue decides, topical cohesion does: the vocabulary before and after the
 *   candidate boundary is compared (a TextTiling-style block comparison, Hearst 1997,
 *   "TextTiling: segmenting text into multi-paragraph subtopic passages") and the
 *   boundary is kept when the similarity is a valley, below the page's own typical
 *   similarity between neighbouring pieces.
 *
 * @internal
 */

/** A piece of text: one line, or a hard-wrapped run of lines. */
export interface Piece {
  /** The lines, as written. */
  readonly lines: readonly string[]
  /** 0-based index of its first line in the input. */
  readonly start: number
}

/** What decided the boundaries, for the notice the CLI prints. */
export type SplitCue = 'truncation marks' | 'wrapped lines' | 'titles' | 'topic shifts'

/** Talks as groups of pieces, and the cues that were used. */
export interface Segmentation {
  readonly talks: Piece[][]
  readonly cues: Set<SplitCue>
}

// `...`, `…`, `[…]`, `[...]`, `(more)`, `Read more`, `more »`, each at the very end.
const truncationMark = /(?:\.\.\.|…|\[(?:…|\.\.\.)\]|\(more\)|\bread more\b[\s.»›>→]*|\bmore\s*[»›→])\s*$/iu
// Words that open a sentence referring back to the one before.
const continuation = /^(?:this|these|that|those|it|its|they|their|them|we|our|us|however|thus|therefore|hence|also|moreover|furthermore|additionally|in addition|in this|in the talk|in particular|finally|then|such|both|as a result|thanks to this|to this end|with this|here|there|but|and|or|so|instead|otherwise|meanwhile|besides|still|yet)\b/i
const sentenceEnd = /[.!?:;"'”’)\]]$/u
// Longest line still taken as a hard-wrapped line or a title.
const maxWrapLength = 100
const minWrapLength = 40
const maxTitleLength = 120
// A talk over 1.5 times the page's median talk length, on a page of at least 5 talks, is two.
const overlongFactor = 1.5
const overlongMinTalks = 5
const minPiecesForCohesion = 5
const minTruncatedLength = 60

/**
 * Whether a line ends with a truncation mark.
 * @param line Trimmed line.
 */
export function isTruncated(line: string): boolean {
  // Only the end matters; looking at the last 40 characters keeps the test linear on any line.
  return truncationMark.test(line.length > 40 ? line.slice(-40) : line)
}

/**
 * Whether a line reads as a title: short, with no final punctuation.
 * @param line Trimmed line.
 */
export function isTitleLike(line: string): boolean {
  return line.length > 0 && line.length <= maxTitleLength && !/[.,;:]$/.test(line) && !isTruncated(line)
}

/**
 * Splits consecutive non-blank lines into talks.
 * @param lines Trimmed, non-blank lines.
 * @param start 0-based index of the first line in the input.
 */
export function segmentLines(lines: readonly string[], start: number): Segmentation {
  const cues = new Set<SplitCue>()
  const pieces = joinWrappedRuns(lines, start, cues)
  const n = pieces.length
  if (n <= 1) return { talks: n === 0 ? [] : [pieces], cues }
  // decided[g]: 1 boundary, 0 no boundary, -1 undecided, for the gap between piece g and g + 1.
  const decided = new Int8Array(n - 1).fill(-1)
  for (let g = 0; g < n - 1; g++) {
    const before = lastLine(pieces[g]!)
    const after = pieces[g + 1]!
    const next = pieces[g + 2]
    // A truncation mark ends an excerpt of an abstract, not a short title ("Wait for it...").
    if (isTruncated(before) && pieceLength(pieces[g]!) >= minTruncatedLength) {
      decided[g] = 1
      cues.add('truncation marks')
    } else if (isTitlePiece(pieces[g]!) && (g === 0 || isLongerBody(pieces[g]!, after))) {
      decided[g] = 0
    } else if (isTitlePiece(after) && next !== undefined && isLongerBody(after, next)) {
      decided[g] = 1
      cues.add('titles')
    } else if (continuation.test(after.lines[0]!)) {
      decided[g] = 0
    }
  }
  // Cohesion needs a page of pieces to compare; a short paragraph stays whole.
  if (n < minPiecesForCohesion) {
    for (let g = 0; g < n - 1; g++) if (decided[g] === -1) decided[g] = 0
  }
  const scores = decideByCohesion(pieces, decided, cues)
  splitOverlong(pieces, decided, scores, cues)
  const talks: Piece[][] = [[pieces[0]!]]
  for (let g = 0; g < n - 1; g++) {
    if (decided[g] === 1) talks.push([])
    talks[talks.length - 1]!.push(pieces[g + 1]!)
  }
  return { talks, cues }
}

/**
 * A talk far longer than the page's typical talk holds two whose boundary no cue marked
 * (an abstract short enough to need no truncation mark, followed by the next). Such a talk
 * is split at its weakest cohesion gaps, the way TextTiling places boundaries when the
 * number of segments is known.
 * @param pieces Pieces.
 * @param decided Gap decisions, updated.
 * @param scores Cohesion score of each gap cohesion decided, NaN for the others.
 * @param cues Output: cues used.
 */
function splitOverlong(pieces: readonly Piece[], decided: Int8Array, scores: Float64Array, cues: Set<SplitCue>): void {
  const lengths: number[] = []
  let from = 0
  for (let g = 0; g <= decided.length; g++) {
    if (g === decided.length || decided[g] === 1) {
      lengths.push(spanLength(pieces, from, g))
      from = g + 1
    }
  }
  if (lengths.length < overlongMinTalks) return
  const typical = median(Float64Array.from(lengths))
  from = 0
  for (let g = 0; g <= decided.length; g++) {
    if (g < decided.length && decided[g] !== 1) continue
    splitSpan(pieces, from, g, overlongFactor * typical, decided, scores, cues)
    from = g + 1
  }
}

/**
 * Splits the talk made of pieces from..to, when longer than `limit`, into as many talks as
 * its length asks for (⌈length / limit⌉), at its weakest cohesion gaps: the TextTiling
 * choice when the number of segments is known. O(m log m) in the talk's m pieces.
 * @param pieces Pieces.
 * @param from First piece of the talk.
 * @param to Last piece of the talk.
 * @param limit Longest acceptable talk, in characters.
 * @param decided Gap decisions, updated.
 * @param scores Cohesion scores, NaN where cohesion did not decide.
 * @param cues Output: cues used.
 */
function splitSpan(pieces: readonly Piece[], from: number, to: number, limit: number, decided: Int8Array, scores: Float64Array, cues: Set<SplitCue>): void {
  const length = spanLength(pieces, from, to)
  if (from >= to || length <= limit) return
  const gaps: number[] = []
  for (let k = from; k < to; k++) if (!Number.isNaN(scores[k]!) && decided[k] === 0) gaps.push(k)
  gaps.sort((x, y) => scores[x]! - scores[y]! || x - y)
  const splits = Math.min(gaps.length, Math.ceil(length / limit) - 1)
  for (let i = 0; i < splits; i++) decided[gaps[i]!] = 1
  if (splits > 0) cues.add('topic shifts')
}

/**
 * Characters in pieces from..to (inclusive).
 * @param pieces Pieces.
 * @param from First piece.
 * @param to Last piece.
 */
function spanLength(pieces: readonly Piece[], from: number, to: number): number {
  let n = 0
  for (let k = from; k <= to; k++) n += pieceLength(pieces[k]!)
  return n
}

/**
 * Groups hard-wrapped runs: a line of wrapping length that breaks mid-sentence continues
 * on the next line when that line is not much longer (a long next line is a paragraph of
 * its own, as pasted pages put one abstract per line).
 * @param lines Trimmed lines.
 * @param start Index of the first line.
 * @param cues Output: cues used.
 */
function joinWrappedRuns(lines: readonly string[], start: number, cues: Set<SplitCue>): Piece[] {
  const pieces: Piece[] = []
  const full = fullLineLength(lines)
  let run: string[] = []
  let runStart = start
  let width = 0
  for (let i = 0; i < lines.length; i++) {
    if (run.length === 0) {
      runStart = start + i
      width = 0
    }
    const line = lines[i]!
    run.push(line)
    width = Math.max(width, line.length)
    const next = lines[i + 1]
    // A paragraph's first line is where a title sits: it wraps only into lower case.
    if (next !== undefined && wrapsInto(line, next, run.length, width, i === 0 ? Number.POSITIVE_INFINITY : full)) continue
    if (run.length > 1) cues.add('wrapped lines')
    pieces.push({ lines: run, start: runStart })
    run = []
  }
  return pieces
}

/**
 * Whether `line` is hard-wrapped into `next`.
 * @param line A line.
 * @param next The line after it.
 * @param runLength Lines in the run so far, `line` included.
 * @param width Longest line of the run so far.
 * @param full Length from which a line fills the page's wrapping width (Infinity when the
 *   page shows no wrapping).
 */
function wrapsInto(line: string, next: string, runLength: number, width: number, full: number): boolean {
  if (line.length < minWrapLength || line.length > maxWrapLength || isTruncated(line)) return false
  if (next.length > width * 1.2 + 4) return false
  const lowerNext = /^\p{Ll}/u.test(next)
  const midSentence = !sentenceEnd.test(line)
  // The first line of a run must go on in lower case or fill the wrapping width: a shorter
  // line without final punctuation before a capitalised one is more likely a title.
  if (runLength === 1) return lowerNext || (midSentence && line.length >= full)
  return lowerNext || midSentence
}

/**
 * The length from which a line is "full" on this page: the 90th percentile of the lengths
 * of lines that certainly wrap (of wrapping length, followed by a lower-case line) less 15
 * characters, the room a word that did not fit may take. Infinity with fewer than three
 * such lines.
 * @param lines Trimmed lines.
 */
function fullLineLength(lines: readonly string[]): number {
  const lengths: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const length = lines[i]!.length
    if (length >= minWrapLength && length <= maxWrapLength && /^\p{Ll}/u.test(lines[i + 1]!)) lengths.push(length)
  }
  if (lengths.length < 3) return Number.POSITIVE_INFINITY
  lengths.sort((a, b) => a - b)
  return lengths[Math.floor(0.9 * (lengths.length - 1))]! - 15
}

/**
 * A piece that is a title: one short line without final punctuation.
 * @param piece Piece.
 */
function isTitlePiece(piece: Piece): boolean {
  return piece.lines.length === 1 && isTitleLike(piece.lines[0]!)
}

/**
 * Whether `body` is much longer than the title-like `title`, as an abstract after its title.
 * @param title Title piece.
 * @param body Following piece.
 */
function isLongerBody(title: Piece, body: Piece): boolean {
  return pieceLength(body) >= Math.max(2 * pieceLength(title), 80)
}

/**
 * Characters in a piece.
 * @param piece Piece.
 */
function pieceLength(piece: Piece): number {
  let n = 0
  for (const line of piece.lines) n += line.length
  return n
}

/**
 * Last line of a piece.
 * @param piece Piece.
 */
function lastLine(piece: Piece): string {
  return piece.lines[piece.lines.length - 1]!
}

/**
 * Decides the remaining gaps by lexical cohesion. Each piece becomes a bag of word stems
 * (6-letter prefixes of words of 4+ letters) weighted by tf × idf over the pieces of the
 * page, so words found in most pieces weigh nothing and no stopword list is needed. The
 * score of a gap is the cosine between the pieces of the talk before it (since the last
 * boundary) and the pieces after it up to the next decided boundary, at most two on each
 * side. A gap is a boundary when its score is below the median score of the gaps between
 * neighbouring pieces of the whole page, halved: a clear valley in cohesion.
 * @param pieces Pieces.
 * @param decided Gap decisions, undecided ones (-1) filled in.
 * @param cues Output: cues used.
 * @returns The score of each gap decided here, NaN for the others.
 */
function decideByCohesion(pieces: readonly Piece[], decided: Int8Array, cues: Set<SplitCue>): Float64Array {
  const scores = new Float64Array(decided.length).fill(Number.NaN)
  let undecided = 0
  for (let g = 0; g < decided.length; g++) if (decided[g] === -1) undecided++
  if (undecided === 0) return scores
  const bags = weightedBags(pieces)
  const neighbour = new Float64Array(decided.length)
  for (let g = 0; g < decided.length; g++) neighbour[g] = cosine([bags[g]!], [bags[g + 1]!])
  const threshold = median(neighbour) / 2
  for (let g = 0; g < decided.length; g++) {
    if (decided[g] !== -1) continue
    const before: Array<Map<string, number>> = []
    for (let k = g; k >= 0 && before.length < 2; k--) {
      before.push(bags[k]!)
      if (k > 0 && decided[k - 1] === 1) break
    }
    const after: Array<Map<string, number>> = []
    for (let k = g + 1; k < pieces.length && after.length < 2; k++) {
      after.push(bags[k]!)
      if (k < decided.length && decided[k] !== 0) break
    }
    const score = cosine(before, after)
    scores[g] = score
    decided[g] = score <= threshold ? 1 : 0
    if (decided[g] === 1) cues.add('topic shifts')
  }
  return scores
}

/**
 * tf × idf bags of word stems, one per piece.
 * @param pieces Pieces.
 */
function weightedBags(pieces: readonly Piece[]): Array<Map<string, number>> {
  const counts = pieces.map((piece) => {
    const bag = new Map<string, number>()
    for (const word of piece.lines.join(' ').toLowerCase().match(/\p{L}[\p{L}\p{N}]{3,}/gu) ?? []) {
      const stem = word.slice(0, 6)
      bag.set(stem, (bag.get(stem) ?? 0) + 1)
    }
    return bag
  })
  const df = new Map<string, number>()
  for (const bag of counts) for (const stem of bag.keys()) df.set(stem, (df.get(stem) ?? 0) + 1)
  const n = pieces.length
  for (const bag of counts) for (const [stem, tf] of bag) bag.set(stem, tf * Math.log(n / df.get(stem)!))
  return counts
}

/**
 * Cosine between the sums of two groups of bags.
 * @param left Bags on one side.
 * @param right Bags on the other.
 */
function cosine(left: ReadonlyArray<ReadonlyMap<string, number>>, right: ReadonlyArray<ReadonlyMap<string, number>>): number {
  const a = sumBags(left)
  const b = sumBags(right)
  let dot = 0
  let na = 0
  let nb = 0
  for (const [stem, w] of a) {
    na += w * w
    const v = b.get(stem)
    if (v !== undefined) dot += w * v
  }
  for (const w of b.values()) nb += w * w
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

/**
 * Sum of bags.
 * @param bags Bags.
 */
function sumBags(bags: ReadonlyArray<ReadonlyMap<string, number>>): Map<string, number> {
  const out = new Map<string, number>()
  for (const bag of bags) for (const [stem, w] of bag) out.set(stem, (out.get(stem) ?? 0) + w)
  return out
}

/**
 * Median of numbers.
 * @param values Values.
 */
function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
