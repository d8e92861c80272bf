/**
 * A map from pairs of non-negative integers (`a`, `b`) to non-negative integers, in an
 * open-addressing table of typed arrays: pair keys such as `a · nUnits + b` outgrow small
 * integers on large vocabularies, and a `Map` keyed by heap numbers is slow per lookup.
 */
export class PairMap {
  private capacity = 1 << 8
  /** First of the pair in each slot, -1 for an empty slot. */
  private first = new Int32Array(this.capacity).fill(-1)
  private second = new Int32Array(this.capacity)
  private values = new Int32Array(this.capacity)
  private size = 0

  /**
   * The value of `(a, b)`, or -1 when absent.
   * @param a First.
   * @param b Second.
   */
  get(a: number, b: number): number {
    const mask = this.capacity - 1
    for (let slot = pairHash(a, b) & mask; ; slot = (slot + 1) & mask) {
      const first = this.first[slot]!
      if (first === -1) return -1
      if (first === a && this.second[slot] === b) return this.values[slot]!
    }
  }

  /**
   * Sets the value of `(a, b)`.
   * @param a First.
   * @param b Second.
   * @param value Value, ≥ 0.
   */
  set(a: number, b: number, value: number): void {
    const mask = this.capacity - 1
    let slot = pairHash(a, b) & mask
    for (;;) {
      const first = this.first[slot]!
      if (first === -1) break
      if (first === a && this.second[slot] === b) {
        this.values[slot] = value
        return
      }
      slot = (slot + 1) & mask
    }
    this.first[slot] = a
    this.second[slot] = b
    this.values[slot] = value
    if (2 * ++this.size > this.capacity) this.grow()
  }

  /** Doubles the table. */
  private grow(): void {
    const { first, second, values } = this
    this.capacity *= 2
    this.first = new Int32Array(this.capacity).fill(-1)
    this.second = new Int32Array(this.capacity)
    this.values = new Int32Array(this.capacity)
    const mask = this.capacity - 1
    for (let old = 0; old < first.length; old++) {
      if (first[old] === -1) continue
      let slot = pairHash(first[old]!, second[old]!) & mask
      while (this.first[slot] !== -1) slot = (slot + 1) & mask
      this.first[slot] = first[old]!
      this.second[slot] = second[old]!
      this.values[slot] = values[old]!
    }
  }
}

/**
 * A hash of a pair of non-negative integers (multiplicative, then mixed).
 * @param a First.
 * @param b Second.
 */
export function pairHash(a: number, b: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)
  return h ^ (h >>> 16)
}
