/**
 * The start of a self-contained page, shared by the HTML report and the compare page: the
 * doctype and a `<head>` whose Content-Security-Policy allows only the page's own inline
 * style and script (by SHA-256) and nothing from the network.
 */
import { escapeHtml } from './escape.js'
import { cspHash } from './sha256.js'

/** What a page puts in its head. */
export interface DocumentHead {
  /** Page title, escaped here. */
  readonly title: string
  /** The exact text of the one inline `<style>`. */
  readonly style: string
  /** The exact text of the one inline `<script>`, if the page has one. */
  readonly script?: string
}

/**
 * `<!doctype html>` through `</head>`, each line ending in a newline.
 * @param head Title, style and optional script of the page.
 */
export function documentHead(head: DocumentHead): string {
  const policy = [
    "default-src 'none'",
    ...(head.script === undefined ? [] : [`script-src ${cspHash(head.script)}`]),
    `style-src ${cspHash(head.style)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="talkatlas">
<title>${escapeHtml(head.title)}</title>
<style>${head.style}</style>
</head>
`
}
