/**
 * The `tag` command without its input/output: talks and a parsed themes file in, the JSON
 * document of the command out.
 */
import type { Atlas } from '../atlas/types.js'
import { InputError } from '../errors.js'
import type { Talk, Warning } from '../types.js'
import type { TagTheme } from './resolveThemes.js'
import type { Taxonomy } from './taxonomy.js'
import { tagTalks, type TagOptions } from './tagTalks.js'

/** The JSON document printed by `talkatlas tag`. */
export interface TagJson {
  /** Per talk id, its tags best first. */
  readonly tags: Readonly<Record<string, readonly { readonly theme: string; readonly score: number; readonly evidence: number }[]>>
}

/** Result of {@link runTag}: the document and the warnings to print on stderr. */
export interface RunTagResult {
  readonly json: TagJson
  readonly warnings: readonly Warning[]
}

/**
 * Runs `tag [--themes <file>]`: reads the parsed themes file (an array of themes, or a
 * taxonomy object with a `themes` array, which then also replaces the built-in taxonomy;
 * `undefined` for the built-in taxonomy) and tags the talks. The document maps every talk id to its tags, best first, as
 * `{ "tags": { "<talk id>": [{ "theme": "XDP", "score": 0.83 }] } }`.
 *
 * @param input Talks, or an atlas built from them.
 * @param themesFile Parsed JSON of the themes file, or `undefined`.
 * @param options See {@link TagOptions}.
 * @throws InputError when the themes file has neither shape (field `themes`).
 */
export function runTag(input: Atlas | readonly Talk[], themesFile?: unknown, options: TagOptions = {}): RunTagResult {
  const themes = themesFile === undefined ? undefined : themesOf(themesFile)
  // A taxonomy file replaces the built-in one, also as the source of inherited keywords.
  const isTaxonomy = themesFile !== undefined && !Array.isArray(themesFile)
  // Its themes are then the taxonomy's: talks that name none of them stay untagged.
  const result = isTaxonomy ? tagTalks(input, undefined, { ...options, taxonomy: { ...(themesFile as Taxonomy), themes: themes ?? [] } }) : tagTalks(input, themes, options)
  // No prototype: a talk id "__proto__" must become a key like any other, not vanish.
  const tags: Record<string, { theme: string; score: number; evidence: number }[]> = Object.create(null) as Record<string, { theme: string; score: number; evidence: number }[]>
  for (const talk of result.talks) tags[talk.id] = talk.tags.map(({ theme, score, evidence }) => ({ theme, score, evidence }))
  return { json: { tags }, warnings: result.warnings }
}

/**
 * Themes of a parsed themes file.
 * @param file Parsed JSON.
 */
function themesOf(file: unknown): readonly TagTheme[] {
  if (Array.isArray(file)) return file as TagTheme[]
  if (file !== null && typeof file === 'object' && Array.isArray((file as { themes?: unknown }).themes)) {
    return (file as { themes: TagTheme[] }).themes
  }
  throw new InputError('tag: the themes file must hold an array of themes or an object with a "themes" array', {
    field: 'themes',
    expected: '[{ "name": … }] or { "themes": [{ "name": … }] }',
  })
}
