import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { writeFileAtomic } from '../../src/io/writeFileAtomic.js'
import { fixturePath } from '../helpers/fixtures.js'
import { talkatlas } from '../helpers/cli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'talkatlas-out-'))

describe('output paths', () => {
  it('writeFileAtomic replaces an existing file and leaves no temporary file behind', async () => {
    const dir = scratch()
    const path = join(dir, 'out.json')
    writeFileSync(path, 'old')
    await writeFileAtomic(path, ['new ', 'content'])
    expect(readFileSync(path, 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('writeFileAtomic writes into a named pipe in place instead of replacing it with a file', async () => {
    const dir = scratch()
    const pipe = join(dir, 'pipe')
    execFileSync('mkfifo', [pipe])
    const reader = new Promise<string>((resolve, reject) => {
      const child = spawn('cat', [pipe])
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
      child.on('error', reject)
      child.on('close', () => resolve(text))
    })
    await writeFileAtomic(pipe, ['through ', 'the pipe'])
    expect(await reader).toBe('through the pipe')
    expect(lstatSync(pipe).isFIFO()).toBe(true)
    expect(readdirSync(dir)).toEqual(['pipe'])
  })

  it('writeFileAtomic keeps the permission bits of the file it replaces', async () => {
    const dir = scratch()
    const path = join(dir, 'out.csv')
    writeFileSync(path, 'old')
    chmodSync(path, 0o640)
    await writeFileAtomic(path, 'new')
    expect(statSync(path).mode & 0o777).toBe(0o640)
  })

  it('writeFileAtomic replaces a symlink at the path instead of writing through it', async () => {
    const dir = scratch()
    const target = join(dir, 'precious.txt')
    writeFileSync(target, 'keep me')
    const link = join(dir, 'out.json')
    symlinkSync(target, link)
    await writeFileAtomic(link, 'output')
    expect(readFileSync(target, 'utf8')).toBe('keep me')
    expect(lstatSync(link).isSymbolicLink()).toBe(false)
    expect(readFileSync(link, 'utf8')).toBe('output')
  })

  it('writeFileAtomic refuses a directory as the path', async () => {
    const dir = scratch()
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(new InputError('is a directory, expected a file path', { file: dir }))
  })

  it('talkatlas --out writes the literal path: no ~ expansion, no directories created', () => {
    const dir = scratch()
    mkdirSync(join(dir, '~'))
    const run = talkatlas(['convert', fixturePath('io/talks.json'), '--out', '~/talks.json'], { cwd: dir })
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, '~', 'talks.json'))).toBe(true)
    const missing = talkatlas(['convert', fixturePath('io/talks.json'), '--out', 'new-dir/talks.json'], { cwd: dir })
    expect(missing.code).toBe(2)
    expect(existsSync(join(dir, 'new-dir'))).toBe(false)
  })

  it('talkatlas --out with a name starting with a dash writes that file', () => {
    const dir = scratch()
    const run = talkatlas(['convert', fixturePath('io/talks.json'), '--out=-rf.json'], { cwd: dir })
    expect(run.code).toBe(0)
    expect(readdirSync(dir)).toEqual(['-rf.json'])
  })

  it('a failed conversion leaves an existing --out file untouched', () => {
    const dir = scratch()
    const out = join(dir, 'talks.json')
    writeFileSync(out, 'previous result')
    const run = talkatlas(['convert', '-', '--out', out], { input: '[{"id":"a"}]' })
    expect(run.code).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('previous result')
    expect(readdirSync(dir)).toEqual(['talks.json'])
  })
})
