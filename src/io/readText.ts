import type { ReaderContext, ReaderOutput, TalkDraft } from './talkDraft.js'

/** Longest first line still read as a title. */
const maxTitleLength = 120

/**
 * Reads plain text: one talk per paragraph (paragraphs separated by blank lines), or one
 * per line with `onePerLine`. The first line of a paragraph is its title when it looks
 * like one: at most 120 characters, not ending in `.`, `,`, `;` or `:`, and not followed
 * by a line starting in lower case (a hard-wrapped sentence). A block that is a single
 * such line is a title with an empty abstract; anything else is all abstract.
 *
 * @param text Plain text.
 * @param context One-per-line switch.
 * @internal
 */
export function readText(text: string, context: ReaderContext): ReaderOutput {
  const lines = text.split(/\r\n?|\n/)
  const drafts: TalkDraft[] = []
  let block: string[] = []
  let blockLine = 0
  const flush = (): void => {
    if (block.length > 0) drafts.push(draftFromBlock(block, blockLine))
    block = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') {
      flush()
      continue
    }
    if (context.onePerLine) {
      drafts.push(draftFromBlock([line], i + 1))
      continue
    }
    if (block.length === 0) blockLine = i + 1
    block.push(line)
  }
  flush()
  return { drafts, warnings: [] }
}

/**
 * One draft from the lines of one paragraph.
 * @param lines Non-blank lines.
 * @param line 1-based line number of the first.
 */
function draftFromBlock(lines: readonly string[], line: number): TalkDraft {
  const first = lines[0]!.trim()
  const next = lines.length > 1 ? lines[1]!.trim() : ''
  const isTitle = first.length <= maxTitleLength && !/[.,;:]$/.test(first) && !/^\p{Ll}/u.test(next)
  const text = lines.join('\n')
  return {
    id: undefined,
    title: isTitle ? first : '',
    abstract: isTitle ? lines.slice(1).join('\n') : text,
    source: text,
    place: { line },
  }
}
