import { buildAtlasThreaded, readWithEarlyPool } from './threadedAtlas.js'
import { InputError, OptionError } from '../errors.js'
import { groupSessions, MAX_SESSION_SIZE, type SessionConstraints, type SessionsResult } from '../sessions/groupSessions.js'
import { integerOption } from './args.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { parseK, parseRestarts, restartsOption } from './coreCommands.js'
import { outputWidth, printWarnings, progressCallback, progressLine, resolveOutputFormat, writeOutput } from './context.js'
import { inFile, readJsonFile } from './readJsonFile.js'
import { readInput } from './readInput.js'
import { renderSessions } from './renderSessions.js'
import { groupsOption, parseGroups } from './groupsOption.js'
import { readStopwordsOption, stopwordsOption } from './stopwordsFile.js'
import { embeddingsOption, embeddingWeightOption, readEmbeddingsOption } from './embeddingsFile.js'

/** `talkatlas sessions`. */
export const sessionsCommand: Command = {
  name: 'sessions',
  usage: 'talkatlas sessions <input> --size <n> [--parallel <rooms>] [--constraints <file>] [options]',
  options: {
    size: { type: 'string', value: '<n>', help: `talks per session, 1 to ${MAX_SESSION_SIZE} (required); the talks left over form one shorter session` },
    parallel: { type: 'string', value: '<rooms>', help: 'rooms per time slot: parallel sessions are unlike and share no speaker (default 1)' },
    constraints: { type: 'string', value: '<file>', help: 'JSON {"together":[[ids]],"apart":[[ids]]}: talks that must or must not share a session' },
    k: { type: 'string', short: 'k', value: '<n|auto>', help: 'number of themes the schedule spreads over slots, or auto (default auto)' },
    restarts: restartsOption,
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
    'by-group': { type: 'boolean', help: 'keep each session within one theme group and run each group as a track: one room, consecutive slots where the rooms allow' },
    groups: groupsOption,
  },
  async run(common, values, context) {
    if (values['size'] === undefined) throw new UsageError('talkatlas sessions: missing --size <n> (talks per session)')
    const size = integerOption('sessions', 'size', values['size'], 4, 1, MAX_SESSION_SIZE)
    const parallel = integerOption('sessions', 'parallel', values['parallel'], 1, 1, 100_000)
    const k = parseK('sessions', values['k'])
    const restarts = parseRestarts('sessions', values['restarts'])
    const groups = parseGroups('sessions', values['groups'])
    const byGroup = values['by-group'] === true
    const constraintsPath = values['constraints']
    if (constraintsPath === true || constraintsPath === '') throw new UsageError('talkatlas sessions: --constraints needs a file name')
    const constraints = typeof constraintsPath === 'string' ? await readConstraintsFile(constraintsPath) : {}
    const stopwords = await readStopwordsOption('sessions', values['stopwords'])
    const { talks, embeddings } = await readWithEarlyPool(common.input, common.threads, async () => {
      const { talks } = await readInput(common, context)
      return { talks, embeddings: await readEmbeddingsOption('sessions', values, talks) }
    })
    const atlas = await buildAtlasThreaded(talks, { seed: common.seed, k, restarts, groups, onProgress: progressCallback(common, context), ...stopwords, ...embeddings }, common.threads)
    printWarnings(atlas.warnings, common, context)
    let plan: SessionsResult
    try {
      progressLine(common, context).show('sessions', 0, 0)
      plan = groupSessions(atlas, { size, parallel, constraints, byGroup })
    } catch (error) {
      throw typeof constraintsPath === 'string' ? constraintsError(error, constraintsPath) : error
    }
    printWarnings(plan.warnings, common, context)
    const text = renderSessions(plan, atlas.talks, resolveOutputFormat(common, context), outputWidth(common, context))
    await writeOutput([text], common, context)
  },
}

/**
 * Reads a constraints file and checks its shape before any talk is read; talk ids are
 * checked later, against the talks.
 * @param path File path.
 * @throws {InputError} Naming the file and the field.
 */
async function readConstraintsFile(path: string): Promise<SessionConstraints> {
  const file = await readJsonFile(path)
  if (file === null || typeof file !== 'object' || Array.isArray(file)) {
    throw new InputError('expected an object {"together": [[talk ids]], "apart": [[talk ids]]}', { file: path, actual: file === null ? 'null' : Array.isArray(file) ? 'array' : typeof file })
  }
  for (const [key, groups] of Object.entries(file)) {
    if (key !== 'together' && key !== 'apart') throw new InputError(`unknown field ${JSON.stringify(key)}, expected "together" or "apart"`, { file: path, field: key })
    if (!Array.isArray(groups)) throw new InputError('must be an array of arrays of talk ids', { file: path, field: key })
    groups.forEach((group: unknown, g) => {
      if (!Array.isArray(group)) throw new InputError('must be an array of talk ids', { file: path, field: `${key}[${g}]` })
      group.forEach((id: unknown, t) => {
        if (typeof id !== 'string') throw new InputError(`must be a talk id (a string), found ${id === null ? 'null' : typeof id}`, { file: path, field: `${key}[${g}][${t}]` })
      })
    })
  }
  return file as SessionConstraints
}

/**
 * A constraint the talks or the size cannot satisfy, with the constraints file named.
 * @param error Thrown by `groupSessions`.
 * @param path Constraints file.
 */
function constraintsError(error: unknown, path: string): unknown {
  if (error instanceof InputError) return inFile(error, path, 'constraints.')
  // The command line names its command (`sessions:`), not the library function.
  if (error instanceof OptionError && error.option.startsWith('constraints')) return new InputError(error.message.replace(/^groupSessions: /, 'sessions: '), { file: path }, error)
  return error
}
