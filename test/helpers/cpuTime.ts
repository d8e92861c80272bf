/**
 * CPU-time ratios for linear-time tests: how much longer a function takes on a large input
 * than on a small one, in this process's CPU time (unlike wall time, it does not count the
 * time other processes on a loaded machine hold the cores). Absolute times are never asserted.
 */

/** CPU time this process has used, in milliseconds. */
export function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Milliseconds of CPU time per call of `call`, for at least 5 ms of calls.
 * @param call Function under test.
 */
export function timePerCall(call: () => void): number {
  let calls = 0
  const started = cpuMilliseconds()
  let elapsed = 0
  do {
    call()
    calls++
    elapsed = cpuMilliseconds() - started
  } while (elapsed < 5)
  return elapsed / calls
}

/**
 * Time on the large input over time on the small one: the fastest of `rounds` interleaved
 * rounds for each, so that a busy moment slows one round, not one size.
 * @param apply Function under test.
 * @param small Small input.
 * @param large Large input.
 * @param rounds Rounds of both sizes.
 */
export function cpuTimeRatio<T>(apply: (input: T) => unknown, small: T, large: T, rounds: number): number {
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let round = 0; round < rounds; round++) {
    bestSmall = Math.min(bestSmall, timePerCall(() => apply(small)))
    bestLarge = Math.min(bestLarge, timePerCall(() => apply(large)))
  }
  return bestLarge / bestSmall
}
