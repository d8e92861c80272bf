import type { Command } from './command.js'

/** A command as `talkatlas --help` lists it; its code is loaded only when it runs. */
export interface CommandEntry {
  /** Name typed on the command line. */
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** Whether the command works in this build; others exit 1 with "not available yet". */
  readonly available: boolean
  /** Loads the command's module (a chunk of its own in dist/). */
  load(): Promise<Command>
}

/** Every command, in the order `talkatlas --help` lists them. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'themes',
    summary: 'Group talks into themes: {"themes":[{"id","label","keywords":[…],"talks":[ids]}]}.',
    available: true,
    load: async () => (await import('./coreCommands.js')).themesCommand,
  },
  {
    name: 'related',
    summary: 'Related talks per talk: {"related":{"<talk id>":[{"id","score","terms"}]}}; with --query, search: {"query":[…]}.',
    available: true,
    load: async () => (await import('./coreCommands.js')).relatedCommand,
  },
  {
    name: 'tag',
    summary: 'Tag talks with named themes: {"tags":{"<talk id>":[{"theme","score"}]}}, best first.',
    available: true,
    load: async () => (await import('./tagCommand.js')).tagCommand,
  },
  {
    name: 'sessions',
    summary: 'Group talks into sessions of --size alike talks: {"sessions":[{"id","label","talks":[ids],"slot","room"}]}.',
    available: true,
    load: async () => (await import('./sessionsCommand.js')).sessionsCommand,
  },
  {
    name: 'report',
    summary: 'Write one self-contained HTML page (map, themes, talks, related talks, sessions, search); --format md for a Markdown summary.',
    available: true,
    load: async () => (await import('./reportCommand.js')).reportCommand,
  },
  {
    name: 'convert',
    summary: 'Read talks from any supported format and write them normalised: {"talks":[{"id","title","abstract","language",…}]}.',
    available: true,
    load: async () => (await import('./convert.js')).convertCommand,
  },
  {
    name: 'evaluate',
    summary: 'Compare themes with a label field of the input (NMI, ARI, V-measure, homogeneity, completeness).',
    available: true,
    load: async () => (await import('./coreCommands.js')).evaluateCommand,
  },
  {
    name: 'compare',
    summary: "What changed between two editions: themes fitted over both, with each theme's talks before and after, the change, new and faded themes.",
    available: true,
    load: async () => (await import('./compareCommand.js')).compareCommand,
  },
]
