/**
 * One progress line on stderr, shared by every step of a command and redrawn in place; it
 * shows up only once the command has run for a second, so quick runs and pipes stay clean.
 */
import { truncateToWidth } from './terminal.js'

/** Handle returned by {@link startProgress}: one step of the line. */
export interface Progress {
  /** Reports `done` of `total` units. Cheap: draws at most ten times a second. */
  update(done: number, total: number): void
  /** Clears the line, if it was drawn. */
  finish(): void
}

/** The line every step of a command draws on. */
export interface ProgressLine {
  /**
   * Shows `step` at `done` of `total` (no bar when `total` is 0). A new step is drawn at
   * once, the same step at most ten times a second; nothing before the delay.
   */
  show(step: string, done: number, total: number, detail?: string): void
  /** Clears the line, if it was drawn. */
  clear(): void
}

/** Where and whether to draw. */
export interface ProgressOptions {
  /** Stream to draw on. */
  readonly stream: NodeJS.WriteStream
  /** False when stderr is not a terminal, in CI or under `--quiet`. */
  readonly enabled: boolean
  /** Milliseconds from the start before the line first appears. @default 1000 */
  readonly delayMs?: number
}

const barWidth = 24

/**
 * Starts a progress line. Nothing is drawn before `delayMs` has passed since the start,
 * nor at all when disabled.
 * @param options Stream and switches.
 */
export function startProgressLine(options: ProgressOptions): ProgressLine {
  if (!options.enabled) return { show: () => undefined, clear: () => undefined }
  const start = Date.now()
  const delay = options.delayMs ?? 1000
  let lastDraw = 0
  let lastStep = ''
  let drawn = false
  return {
    show(step, done, total, detail = ''): void {
      const now = Date.now()
      const label = detail === '' ? step : `${step} ${detail}`
      if (now - start < delay || (label === lastStep && now - lastDraw < 100)) return
      lastDraw = now
      lastStep = label
      drawn = true
      const columns = options.stream.columns ?? 0
      const width = columns > 20 ? columns - 1 : 79
      options.stream.write(`\r${truncateToWidth(progressText(label, done, total), width)}\u001b[K`)
    },
    clear(): void {
      if (drawn) options.stream.write('\r\u001b[K')
      drawn = false
      lastStep = ''
    },
  }
}

/**
 * `label [####....] 50% 5/10`, or `label…` when there is no count.
 * @param label Step and detail.
 * @param done Units done.
 * @param total Units in all, or 0.
 */
export function progressText(label: string, done: number, total: number): string {
  if (total <= 0) return `${label}…`
  const fraction = Math.min(1, done / total)
  const filled = Math.round(fraction * barWidth)
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}`
}

/**
 * A progress bar labelled `label` on its own line.
 * @param label Short text in front of the bar (`reading`).
 * @param options Stream and switches.
 */
export function startProgress(label: string, options: ProgressOptions): Progress {
  return stepOf(startProgressLine(options), label)
}

/**
 * One step's view of a shared line.
 * @param line The line.
 * @param label The step.
 */
export function stepOf(line: ProgressLine, label: string): Progress {
  return { update: (done, total) => line.show(label, done, total), finish: () => line.clear() }
}

/**
 * Whether the environment says it is a CI run (`CI` set to anything but '', '0' or 'false').
 * @param env Environment variables.
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI']
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}
