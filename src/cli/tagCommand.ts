import { buildAtlasThreaded } from './threadedAtlas.js'
import { InputError } from '../errors.js'
import { resolveThemes, type TagTheme } from '../tag/resolveThemes.js'
import { tagTalks, type TagResult } from '../tag/tagTalks.js'
import type { Taxonomy } from '../tag/taxonomy.js'
import { integerOption } from './args.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { outputWidth, printWarnings, progressCallback, resolveOutputFormat, writeOutput } from './context.js'
import { inFile, readJsonFile } from './readJsonFile.js'
import { readInput } from './readInput.js'
import { renderTags } from './renderTags.js'
import { readStopwordsOption, stopwordsOption } from './stopwordsFile.js'
import { embeddingsOption, embeddingWeightOption, readEmbeddingsOption } from './embeddingsFile.js'

/** Atlas warnings about themes, which tagging does not use. */
const THEME_WARNINGS = new Set(['fewer-clusters', 'unclassified-talks'])

/** `talkatlas tag`. */
export const tagCommand: Command = {
  name: 'tag',
  usage: 'talkatlas tag <input> [--themes <file>] [options]',
  options: {
    themes: { type: 'string', value: '<file>', help: 'JSON: [{"name","aliases","keywords","description","examples"}] or a taxonomy {"name","themes":[…]} (default: the built-in Linux networking and BPF taxonomy when the talks are about that field, else no tags)' },
    top: { type: 'string', short: 'n', value: '<n>', help: 'at most this many tags per talk, 1 to 100 (default 3)' },
    threshold: { type: 'string', value: '<score>', help: 'keep tags scoring at least this, 0 to 1; the best tag with evidence is always kept (default 0.2)' },
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
  },
  async run(common, values, context) {
    const top = integerOption('tag', 'top', values['top'], 3, 1, 100)
    const threshold = fractionOption('tag', 'threshold', values['threshold'], 0.2)
    const themesPath = values['themes']
    if (themesPath === true || themesPath === '') throw new UsageError('talkatlas tag: --themes needs a file name')
    const themesFile = typeof themesPath === 'string' ? await readThemesFile(themesPath) : {}
    const stopwords = await readStopwordsOption('tag', values['stopwords'])
    const { talks } = await readInput(common, context)
    // Tags use the TF-IDF rows and the embedding, never the themes, so k = 1 skips the k
    // search (4× faster on 1,093 talks) without changing a tag.
    const atlas = await buildAtlasThreaded(talks, { seed: common.seed, k: 1, onProgress: progressCallback(common, context), ...stopwords, ...(await readEmbeddingsOption('tag', values, talks)) }, common.threads)
    printWarnings(atlas.warnings.filter((warning) => !THEME_WARNINGS.has(warning.code)), common, context)
    let result: TagResult
    try {
      // As `runTag` does, but kept as a list so that the output follows the input order.
      // A taxonomy file is tagged like the built-in taxonomy (talks naming none of its themes
      // stay untagged); a list of themes is a classification (every talk gets its best).
      result = themesFile.taxonomy === undefined ? tagTalks(atlas, themesFile.themes, { top, threshold }) : tagTalks(atlas, undefined, { top, threshold, taxonomy: themesFile.taxonomy })
    } catch (error) {
      // Talks were checked by buildAtlas; what is left to reject is the themes file.
      throw error instanceof InputError && typeof themesPath === 'string' ? inFile(error, themesPath, themesFile.root) : error
    }
    printWarnings(result.warnings, common, context)
    const text = renderTags(result.talks, atlas.talks, resolveOutputFormat(common, context), outputWidth(common, context))
    await writeOutput([text], common, context)
  },
}

/** A parsed themes file: its themes, and the taxonomy it replaces the built-in one with. */
export interface ThemesFile {
  readonly themes?: readonly TagTheme[]
  readonly taxonomy?: Taxonomy
  /** Field prefix the library puts in front of fields of this file, removed in messages. */
  readonly root?: string
}

/**
 * Reads a themes file, an array of themes or a taxonomy object (which also replaces the
 * built-in taxonomy, as in `runTag`), and checks its themes before any talk is read, so a
 * typo in it is reported at once. Example ids are checked later, against the talks.
 * @param path File path.
 * @throws {InputError} Naming the file and the field.
 */
export async function readThemesFile(path: string): Promise<ThemesFile> {
  const file = await readJsonFile(path)
  // The library names fields `themes[1]` (the themes) and `taxonomy.themes[1]` (the taxonomy):
  // in an array file the themes are the top; in a taxonomy file both are its `themes`.
  const root = Array.isArray(file) ? 'themes' : 'taxonomy.'
  try {
    if (Array.isArray(file)) {
      resolveThemes(file)
      return { themes: file as TagTheme[], root }
    }
    if (file !== null && typeof file === 'object' && Array.isArray((file as { themes?: unknown }).themes)) {
      const taxonomy = file as Taxonomy
      resolveThemes(taxonomy.themes, { taxonomy })
      return { themes: taxonomy.themes, taxonomy, root }
    }
    throw new InputError('expected an array of themes or a taxonomy object with a "themes" array', { actual: file === null ? 'null' : typeof file })
  } catch (error) {
    throw error instanceof InputError ? inFile(error, path, root) : error
  }
}

/**
 * A number option in [0, 1], or its default.
 * @param command Command name.
 * @param name Option name.
 * @param value Raw value.
 * @param fallback Default.
 */
function fractionOption(command: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  const text = String(value).trim()
  const number = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN
  if (!(number >= 0 && number <= 1)) throw new UsageError(`talkatlas ${command}: --${name}=${JSON.stringify(String(value))} is invalid, expected a number from 0 to 1`)
  return number
}
