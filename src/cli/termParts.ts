/**
 * Reading a corpus's text in consecutive parts on several threads. Each part is read into
 * its own token streams (`readTalkTerms`), and the parts' streams are merged in corpus order
 * (`TermStreamsMerger`) into what one thread reads. The parts are claimed one at a time in
 * shared memory: this thread takes them from the front, each worker from the back of its own
 * range, so that a worker that starts late (or has no core) only leaves more parts to this
 * thread, and this thread waits at most for the part each worker is reading when it runs out
 * of parts. A worker is sent the texts of its range alone: each part's text crosses once.
 */
import type { Talk } from '../types.js'
import { readTalkTerms, TermStreamsMerger, type TermStreams, type TfidfOptions } from '../vectorize/tfidf.js'

/** Texts packed for a worker: the titles and abstracts of every talk, in one string. */
export interface TermJob {
  /** Titles and abstracts, concatenated. */
  readonly text: string
  /** Length of each title and abstract in `text`, alternating. */
  readonly lengths: Int32Array
  readonly options: TfidfOptions
}

/** A worker's share of a corpus's reading: where the parts start, who took each, and the texts of the parts it may read. */
export interface SharedReading {
  /** The texts of parts [first, end), for this worker. */
  readonly job: TermJob
  /** The parts this worker may read: [first, end), of the parts after this thread's own (which are not sent). */
  readonly first: number
  readonly end: number
  /** Part p is talks [starts[p], starts[p + 1]). */
  readonly starts: Int32Array
  /** 0 while part p is free, else its reader's mark (`Atomics.compareExchange`): {@link HERE}, or a worker's. */
  readonly claims: Int32Array
  /** 1 once a worker has posted part p's streams (as a {@link ReadPart}). */
  readonly delivered: Int32Array
}

/** A part a worker read, as it posts it. */
export interface ReadPart {
  readonly part: number
  readonly streams: TermStreams
}

/**
 * Parts per thread: several, so that a thread that starts late leaves parts to the others,
 * and the wait for the part a worker is reading is short.
 */
export const PARTS_PER_THREAD = 4

/** The claim mark of the posting thread; worker w claims with `HERE + 1 + w`. */
export const HERE = 1

/**
 * Consecutive [from, to) ranges of nearly equal size covering 0..n.
 * @param n Number of talks.
 * @param parts Number of ranges (≤ n).
 */
export function partBounds(n: number, parts: number): [number, number][] {
  return Array.from({ length: parts }, (_, p) => [Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)])
}

/**
 * Packs texts into one string and their lengths: one string crosses to a worker as a single
 * copy, where thousands of talk objects would be cloned one by one.
 * @param talks Talks of a part.
 * @param options TF-IDF options.
 */
export function packTexts(talks: readonly Pick<Talk, 'title' | 'abstract'>[], options: TfidfOptions): TermJob {
  const lengths = new Int32Array(talks.length * 2)
  const pieces: string[] = []
  talks.forEach((talk, i) => {
    pieces.push(talk.title, talk.abstract)
    lengths[2 * i] = talk.title.length
    lengths[2 * i + 1] = talk.abstract.length
  })
  return { text: pieces.join(''), lengths, options }
}

/**
 * The texts of a {@link TermJob}, unpacked.
 * @param job Packed texts.
 */
export function unpackTexts(job: Pick<TermJob, 'text' | 'lengths'>): { title: string; abstract: string }[] {
  const texts: { title: string; abstract: string }[] = []
  let offset = 0
  for (let i = 0; i < job.lengths.length; i += 2) {
    const title = job.text.slice(offset, (offset += job.lengths[i]!))
    const abstract = job.text.slice(offset, (offset += job.lengths[i + 1]!))
    texts.push({ title, abstract })
  }
  return texts
}

/**
 * A reading of `talks` in `parts` consecutive parts, none claimed yet, one share per worker:
 * the parts after the first `1 / threads` of them, in consecutive ranges, each worker sent the
 * texts of its range alone (no more text is copied than when each thread's part is fixed,
 * whatever the number of threads). Every share holds the same claims and this thread reads
 * with any of them.
 * @param talks Talks.
 * @param options TF-IDF options.
 * @param parts Number of parts (≤ the number of talks).
 * @param threads Threads reading, this one included (≥ 2).
 */
export function shareReading(talks: readonly Pick<Talk, 'title' | 'abstract'>[], options: TfidfOptions, parts: number, threads: number): SharedReading[] {
  const starts = new Int32Array(parts + 1)
  partBounds(talks.length, parts).forEach(([from], p) => (starts[p] = from))
  starts[parts] = talks.length
  const shared = Math.max(1, Math.floor(parts / threads))
  const claims = new Int32Array(new SharedArrayBuffer(parts * 4))
  const delivered = new Int32Array(new SharedArrayBuffer(parts * 4))
  return partBounds(parts - shared, threads - 1).map(([from, to]) => {
    const [first, end] = [shared + from, shared + to]
    return { job: packTexts(talks.slice(starts[first]!, starts[end]!), options), first, end, starts, claims, delivered }
  })
}

/**
 * Reads every part still free, one at a time, claiming each first: the posting thread
 * ({@link HERE}) all parts from the front, a worker the parts of its share from the back.
 * @param reading The shared reading (on this thread, any worker's share).
 * @param texts On this thread, all the talks; on a worker, the job's {@link unpackTexts}
 * (parts `first` to `end`).
 * @param mark The claimer's mark.
 * @param take Given each part read, at once.
 */
export function readFreeParts(reading: SharedReading, texts: readonly Pick<Talk, 'title' | 'abstract'>[], mark: number, take: (part: number, streams: TermStreams) => void): void {
  const { starts, claims } = reading
  const here = mark === HERE
  const [first, end] = here ? [0, claims.length] : [reading.first, reading.end]
  const offset = starts[first]!
  for (let i = first; i < end; i++) {
    const p = here ? i : end - 1 - (i - first)
    if (Atomics.compareExchange(claims, p, 0, mark) !== 0) continue
    take(p, readPart(reading, texts, p, offset))
  }
}

/**
 * Part p of a shared reading, read on the calling thread.
 * @param reading The shared reading.
 * @param texts Its talks, from talk `offset` on.
 * @param p Part.
 * @param offset The corpus position of `texts[0]` (0: all the talks).
 */
export function readPart(reading: SharedReading, texts: readonly Pick<Talk, 'title' | 'abstract'>[], p: number, offset = 0): TermStreams {
  return readTalkTerms(texts.slice(reading.starts[p]! - offset, reading.starts[p + 1]! - offset), reading.job.options)
}

/** Merges the streams of parts in corpus order as they come. */
export class PartsMerger {
  private readonly byPart: (TermStreams | undefined)[]
  private merger: TermStreamsMerger | undefined
  /** Parts merged so far (0..merged). */
  private merged = 0

  /** @param parts Number of parts. */
  constructor(parts: number) {
    this.byPart = new Array(parts)
  }

  /** Whether part p has come. */
  has(p: number): boolean {
    return p < this.merged || this.byPart[p] !== undefined
  }

  /** Keeps part p (the first copy of it), and merges those that now follow the parts merged. */
  add(p: number, streams: TermStreams): void {
    if (this.has(p)) return
    this.byPart[p] = streams
    for (let next = this.byPart[this.merged]; next !== undefined; next = this.byPart[this.merged]) {
      if (this.merger === undefined) this.merger = new TermStreamsMerger(next)
      else this.merger.append(next)
      this.byPart[this.merged++] = undefined
    }
  }

  /** The streams of the whole corpus, once every part has come: what one thread reads. */
  result(): TermStreams {
    if (this.merged < this.byPart.length) throw new Error(`PartsMerger: part ${this.merged} is missing`)
    return this.merger!.result()
  }
}
