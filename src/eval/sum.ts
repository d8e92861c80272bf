/**
 * Compensated summation for the evaluation metrics. Internal to src/eval.
 *
 * Neumaier's improved Kahan–Babuška algorithm (A. Neumaier, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54, 1974), as in d3-array's `fsum`: the
 * low-order bits lost by each addition are kept in `compensation` and added back at the end,
 * so the error does not grow with the number of terms.
 */
export class CompensatedSum {
  private sum = 0
  private compensation = 0

  /**
   * Adds one term.
   * @param x Term to add.
   */
  add(x: number): void {
    const t = this.sum + x
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x
    else this.compensation += x - t + this.sum
    this.sum = t
  }

  /** The sum of every term added so far. */
  valueOf(): number {
    return this.sum + this.compensation
  }
}
