/** A progress bar on stderr that shows up only for work taking more than a second. */

/** Handle returned by {@link startProgress}. */
export interface Progress {
  /** Reports `done` of `total` units. Cheap: draws at most ten times a second. */
  update(done: number, total: number): void
  /** Clears the bar, if it was drawn. */
  finish(): void
}

/** Where and whether to draw. */
export interface ProgressOptions {
  /** Stream to draw on. */
  readonly stream: NodeJS.WriteStream
  /** False when stderr is not a terminal or `--quiet` was given. */
  readonly enabled: boolean
  /** Milliseconds before the bar first appears. */
  readonly delayMs?: number
}

const barWidth = 24

/**
 * Starts a progress bar labelled `label`. Nothing is drawn before `delayMs` (1 s) has
 * passed, nor at all when disabled, so quick runs and pipes stay clean.
 * @param label Short text in front of the bar (`reading`).
 * @param options Stream and switches.
 */
export function startProgress(label: string, options: ProgressOptions): Progress {
  if (!options.enabled) return { update: () => undefined, finish: () => undefined }
  const start = Date.now()
  const delay = options.delayMs ?? 1000
  let lastDraw = 0
  let drawn = false
  return {
    update(done: number, total: number): void {
      const now = Date.now()
      if (now - start < delay || now - lastDraw < 100) return
      lastDraw = now
      drawn = true
      const fraction = total > 0 ? Math.min(1, done / total) : 0
      const filled = Math.round(fraction * barWidth)
      options.stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}\u001b[K`)
    },
    finish(): void {
      if (drawn) options.stream.write('\r\u001b[K')
      drawn = false
    },
  }
}
