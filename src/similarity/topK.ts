/**
 * Keeps the best `size` (index, score) pairs seen; ties go to the lower tie rank (by default
 * the lower index).
 */
export class TopK {
  private readonly indices: Int32Array
  private readonly scores: Float64Array
  private count = 0

  /**
   * @param size Number of pairs kept.
   * @param tieRank Rank of every index for breaking ties (lower wins); defaults to the index.
   */
  constructor(
    private readonly size: number,
    private readonly tieRank?: Int32Array,
  ) {
    this.indices = new Int32Array(size)
    this.scores = new Float64Array(size)
  }

  /**
   * Offers a candidate; kept when it beats the current worst.
   * @param index Candidate index.
   * @param score Candidate score.
   */
  offer(index: number, score: number): void {
    if (this.size === 0) return
    if (this.count === this.size && !this.beats(score, index, this.count - 1)) return
    let position = this.count < this.size ? this.count++ : this.count - 1
    while (position > 0 && this.beats(score, index, position - 1)) {
      this.indices[position] = this.indices[position - 1]
      this.scores[position] = this.scores[position - 1]
      position--
    }
    this.indices[position] = index
    this.scores[position] = score
  }

  /**
   * The score a candidate must reach to be kept: the worst kept score once full, −∞ before,
   * +∞ when nothing is kept at all.
   */
  threshold(): number {
    if (this.size === 0) return Infinity
    return this.count < this.size ? -Infinity : this.scores[this.count - 1]!
  }

  /** Kept pairs, best first. */
  results(): { index: number; score: number }[] {
    const out: { index: number; score: number }[] = []
    for (let t = 0; t < this.count; t++) out.push({ index: this.indices[t], score: this.scores[t] })
    return out
  }

  private beats(score: number, index: number, position: number): boolean {
    const other = this.scores[position]
    if (score !== other) return score > other
    const rank = this.tieRank
    return rank === undefined ? index < this.indices[position]! : rank[index]! < rank[this.indices[position]!]!
  }
}
