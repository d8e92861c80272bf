/**
 * HTML clean-up for {@link cleanText}, in time linear in the text: comments and hidden
 * elements are found with `indexOf` scans whose positions only move forward (a regular
 * expression with a lazy `[\s\S]*?` rescans the rest of the text from every unclosed
 * opener), and the tag patterns nest no quantifier.
 */

// Element names we strip. A fixed list, so that `Vec<String>` or `a <= b` survive; one-letter
// names only in lower case because `<T>` and `<A>` are usually generics, not HTML.
const blockElements =
  'address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul'
const inlineElements =
  'a|abbr|b|big|center|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr'
// A tag ends with `>`, `/>` or white space, attributes and `>`; `[^<>]*` stops at the next
// `<`, so attempts from different `<` never scan the same characters.
const tagEnd = '(?:>|\\/>|\\s[^<>]*>)'
const blockTagPattern = new RegExp(`<\\/?(?:${blockElements})${tagEnd}`, 'gi')
const inlineTagPattern = new RegExp(`<\\/?(?:${inlineElements})${tagEnd}`, 'g')
const inlineTagUpperPattern = new RegExp(`<\\/?(?:${inlineElements.split('|').filter((name) => name.length > 1).join('|')})${tagEnd}`, 'gi')
const autolinkPattern = /<((?:https?|mailto|ftp):[^\s<>]+)>/gi
const hiddenOpenPattern = /<(script|style|template)\b/gi
const hiddenClosePatterns: Readonly<Record<string, RegExp>> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  template: /<\/template\s*>/gi,
}

/**
 * Removes comments, hidden elements and known tags; block tags become line breaks.
 * @param text Text containing `<`.
 */
export function stripHtml(text: string): string {
  return removeHiddenElements(removeComments(text))
    .replace(autolinkPattern, '$1')
    .replace(blockTagPattern, '\n')
    .replace(inlineTagPattern, '')
    .replace(inlineTagUpperPattern, '')
}

/**
 * Removes `<!-- … -->`. An opener without a closer after it is kept as text, and so is
 * everything after it (no later opener can close either).
 * @param text Text.
 */
function removeComments(text: string): string {
  let start = text.indexOf('<!--')
  if (start === -1) return text
  let out = ''
  let from = 0
  while (start !== -1) {
    const close = text.indexOf('-->', start + 4)
    if (close === -1) break
    out += text.slice(from, start)
    from = close + 3
    start = text.indexOf('<!--', from)
  }
  return out + text.slice(from)
}

/**
 * Removes `<script>`, `<style>` and `<template>` elements with their content: an opening
 * tag up to its `>`, then everything up to the first closing tag of the same name (any
 * case). An opener without that closer is left alone. The next `>` and each name's next
 * closer are remembered, so runs of unclosed openers cost one pass.
 * @param text Text.
 */
function removeHiddenElements(text: string): string {
  hiddenOpenPattern.lastIndex = 0
  let open = hiddenOpenPattern.exec(text)
  if (open === null) return text
  let out = ''
  let from = 0
  let nextGt = -2 // -2: not searched yet; -1: no `>` after the last search start
  const closers = new Map<string, { searchedFrom: number; start: number; end: number }>()
  while (open !== null) {
    const nameEnd = open.index + open[0].length
    if (nextGt !== -1 && nextGt < nameEnd) nextGt = text.indexOf('>', nameEnd)
    if (nextGt === -1) break
    const contentStart = nextGt + 1
    const name = open[1]!.toLowerCase()
    let closer = closers.get(name)
    if (closer === undefined || closer.searchedFrom > contentStart || (closer.start !== -1 && closer.start < contentStart)) {
      const pattern = hiddenClosePatterns[name]!
      pattern.lastIndex = contentStart
      const found = pattern.exec(text)
      closer = found === null ? { searchedFrom: contentStart, start: -1, end: -1 } : { searchedFrom: contentStart, start: found.index, end: found.index + found[0].length }
      closers.set(name, closer)
    }
    if (closer.start === -1) {
      hiddenOpenPattern.lastIndex = open.index + 1
    } else {
      out += text.slice(from, open.index)
      from = closer.end
      hiddenOpenPattern.lastIndex = from
    }
    open = hiddenOpenPattern.exec(text)
  }
  return out + text.slice(from)
}
