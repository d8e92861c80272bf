import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'
import * as nodeApi from '../src/node.js'
import { root } from './helpers/cli.js'

describe('io exports', () => {
  it('talkatlas exports the browser-safe io functions', () => {
    for (const name of ['parseTalks', 'detectFormat', 'decodeBytes', 'cleanText', 'makeId', 'formatCsv']) expect(typeof (api as Record<string, unknown>)[name]).toBe('function')
    expect(api.talkFormats).toEqual(['json', 'frab-xml', 'frab-json', 'indico', 'sessionize', 'csv', 'text'])
    expect('readTalksFile' in api).toBe(false)
  })

  it('talkatlas/node adds readTalksFile, writeFileAtomic and readEmbeddingsFile to everything talkatlas exports', () => {
    expect(Object.keys(nodeApi).sort()).toEqual([...Object.keys(api), 'readTalksFile', 'writeFileAtomic', 'readEmbeddingsFile'].sort())
  })

  it('the built talkatlas/node entry loads as ESM and CommonJS', () => {
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "import('talkatlas/node').then((m) => console.log(typeof m.readTalksFile, typeof m.parseTalks))"], { cwd: root, encoding: 'utf8' })
    expect(esm).toBe('function function\n')
    const cjs = execFileSync(process.execPath, ['--input-type=commonjs', '-e', "const m = require('talkatlas/node'); console.log(typeof m.writeFileAtomic)"], { cwd: root, encoding: 'utf8' })
    expect(cjs).toBe('function\n')
  })
})
