/**
 * Theme definitions for tagging: user themes checked, and completed from a taxonomy when
 * their name matches a taxonomy theme or one of its aliases.
 */
import { InputError } from '../errors.js'
import { BUILTIN_TAXONOMY, type Taxonomy } from './taxonomy.js'

/** A theme to tag talks with. Only `name` is required. */
export interface TagTheme {
  /** Display name, also the main evidence in zero-shot tagging (`XDP`, `Traffic control`). */
  readonly name: string
  /** Other names of the theme; matched like the name. */
  readonly aliases?: readonly string[]
  /** Words and phrases typical of the theme. */
  readonly keywords?: readonly string[]
  /**
   * A sentence or two on what the theme covers, as someone of the field would write it: its
   * words (stemmed) that no other theme uses count as weak evidence (see `descriptionEvidence`).
   */
  readonly description?: string
  /** Ids of talks already labelled with this theme (few-shot tagging). */
  readonly examples?: readonly string[]
}

/** A theme after resolution: every list present, inherited entries merged in. */
export interface ResolvedTagTheme {
  readonly name: string
  readonly aliases: readonly string[]
  readonly keywords: readonly string[]
  readonly examples: readonly string[]
  /** The theme's description, else the one of the taxonomy theme it inherited from; '' when none. */
  readonly description: string
  /** Name of the taxonomy theme this theme inherited from, when any. */
  readonly inherited?: string
}

/** Options of {@link resolveThemes}. */
export interface ResolveThemesOptions {
  /**
   * Taxonomy whose themes user themes inherit from when their name matches a taxonomy
   * theme's name or alias; `null` for no inheritance.
   * @default BUILTIN_TAXONOMY
   */
  readonly taxonomy?: Taxonomy | null
}

/**
 * Resolves theme definitions. Without themes (`undefined` or an empty list) the taxonomy's
 * own themes are used. A user theme whose name matches a taxonomy theme's name or one of
 * its aliases, compared without case, spaces and punctuation (`tc`, `TC`, `traffic-control`
 * and `Traffic Control` all match `Traffic control`), keeps its name and examples and gains
 * that theme's name (as an alias), aliases and keywords.
 *
 * @param themes User themes, or `undefined` for the taxonomy.
 * @param options See {@link ResolveThemesOptions}.
 * @returns One resolved theme per input theme, in input order.
 * @throws InputError on a theme without a non-empty string name, on a duplicate name, or
 *   on a list field that is not an array of strings.
 */
export function resolveThemes(themes?: readonly TagTheme[], options: ResolveThemesOptions = {}): ResolvedTagTheme[] {
  const taxonomy = options.taxonomy === undefined ? BUILTIN_TAXONOMY : options.taxonomy
  if (themes === undefined || themes.length === 0) {
    if (taxonomy === null) throw new InputError('tag: no themes given and no taxonomy to fall back on', { field: 'themes' })
    return taxonomy.themes.map((theme, t) => resolveOne(checkTheme(theme, `taxonomy.themes[${t}]`), null))
  }
  if (!Array.isArray(themes)) throw new InputError('tag: themes must be an array', { field: 'themes', actual: typeof themes })
  const index = taxonomy === null ? new Map<string, TagTheme>() : indexTaxonomy(taxonomy)
  const seen = new Set<string>()
  return themes.map((theme, t) => {
    const checked = checkTheme(theme, `themes[${t}]`)
    if (seen.has(checked.name)) throw new InputError(`tag: duplicate theme name ${JSON.stringify(checked.name)}`, { field: `themes[${t}].name` })
    seen.add(checked.name)
    return resolveOne(checked, index.get(matchKey(checked.name)) ?? null)
  })
}

/**
 * The key names are matched by: lower case, letters and digits only (`AF_XDP` → `afxdp`,
 * `Traffic control` → `trafficcontrol`). A name without letters or digits keeps its
 * lower-cased form so that `/dev/random`-like names still match themselves.
 * @param name Theme name or alias.
 */
export function matchKey(name: string): string {
  const lower = name.normalize('NFKC').toLowerCase()
  const key = lower.replace(/[^\p{L}\p{N}]+/gu, '')
  return key === '' ? lower.trim() : key
}

/**
 * Name and alias keys of a taxonomy; the first theme claiming a key wins.
 * @param taxonomy Taxonomy to index.
 */
function indexTaxonomy(taxonomy: Taxonomy): Map<string, TagTheme> {
  const index = new Map<string, TagTheme>()
  taxonomy.themes.forEach((theme, t) => {
    const checked = checkTheme(theme, `taxonomy.themes[${t}]`)
    for (const name of [checked.name, ...(checked.aliases ?? [])]) {
      const key = matchKey(name)
      if (!index.has(key)) index.set(key, checked)
    }
  })
  return index
}

/**
 * Merges a theme with the taxonomy theme it matched.
 * @param theme Checked user theme.
 * @param base Matched taxonomy theme, or null.
 */
function resolveOne(theme: TagTheme, base: TagTheme | null): ResolvedTagTheme {
  const aliases = [...(theme.aliases ?? [])]
  const keywords = [...(theme.keywords ?? [])]
  if (base !== null) {
    if (base.name !== theme.name) aliases.push(base.name)
    aliases.push(...(base.aliases ?? []))
    keywords.push(...(base.keywords ?? []))
  }
  const nameKey = matchKey(theme.name)
  return {
    name: theme.name,
    aliases: unique(aliases.filter((alias) => matchKey(alias) !== nameKey)),
    keywords: unique(keywords),
    examples: unique(theme.examples ?? []),
    description: theme.description ?? base?.description ?? '',
    ...(base === null ? {} : { inherited: base.name }),
  }
}

/**
 * Checks the shape of one theme.
 * @param theme Value to check.
 * @param field Where it sits, for messages (`themes[2]`).
 */
function checkTheme(theme: unknown, field: string): TagTheme {
  if (theme === null || typeof theme !== 'object') throw new InputError('tag: a theme must be an object', { field, actual: theme === null ? 'null' : typeof theme })
  const { name } = theme as { name?: unknown }
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InputError('tag: a theme needs a non-empty string name', { field: `${field}.name`, actual: typeof name })
  }
  for (const list of ['aliases', 'keywords', 'examples'] as const) {
    const value = (theme as Record<string, unknown>)[list]
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      throw new InputError(`tag: ${list} must be an array of strings`, { field: `${field}.${list}` })
    }
  }
  const { description } = theme as { description?: unknown }
  if (description !== undefined && typeof description !== 'string') throw new InputError('tag: description must be a string', { field: `${field}.description`, actual: typeof description })
  return theme as TagTheme
}

/**
 * Items in first-seen order without repeats.
 * @param items Strings.
 */
function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}
