import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { readEmbeddingsFile } from '../../src/io/readEmbeddingsFile.js'
import { MAX_INPUT_BYTES, readBytes, readTalksFile } from '../../src/io/readTalksFile.js'
import { root, talkatlas } from '../helpers/cli.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'talkatlas-size-'))

/**
 * A sparse file of `bytes` zero bytes: its length without the disk space.
 * @param path Where.
 * @param bytes Length.
 */
function sparseFile(path: string, bytes: number): string {
  const fd = openSync(path, 'w')
  ftruncateSync(fd, bytes)
  closeSync(fd)
  return path
}

describe('input size limits', () => {
  it('talkatlas convert refuses a regular file above 500 MiB before reading it (exit 2, not an internal error)', () => {
    const file = sparseFile(join(scratch(), 'huge.json'), MAX_INPUT_BYTES + 1)
    const run = talkatlas(['convert', file])
    expect(run.stderr).toBe(`talkatlas: ${file}: more than 500 MiB, the most talkatlas reads from one file\n`)
    expect(run.code).toBe(2)
  })

  it('readTalksFile("-") stops reading a standard input without end at 500 MiB', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20)
    let yielded = 0
    const endless = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          yielded++
          yield chunk
        }
      },
    }
    const error = await readTalksFile('-', { stdin: endless }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe('<stdin>: more than 500 MiB, the most talkatlas reads from one file')
    expect(yielded).toBe(501)
  })

  it.skipIf(!existsSync('/dev/zero'))('--stopwords, --themes and --constraints files without end (/dev/zero) stop at 64 MiB with exit 2', () => {
    const input = join(root, 'fixtures/small/four-topics-20.json')
    for (const args of [['themes', input, '--stopwords', '/dev/zero'], ['tag', input, '--themes', '/dev/zero'], ['sessions', input, '--size', '4', '--constraints', '/dev/zero']]) {
      const run = talkatlas([...args, '--threads', '1', '-q'])
      expect(run.stderr).toBe('talkatlas: /dev/zero: more than 64 MiB, the most talkatlas reads from one file\n')
      expect(run.code).toBe(2)
    }
  })

  // procfs files report a size of 0 and hold more: the limit must hold for what is read.
  it.skipIf(!existsSync('/proc/self/status'))('a file holding more than its reported size is read whole, and only up to the limit', async () => {
    const status = new TextDecoder().decode(await readBytes('/proc/self/status'))
    expect(status).toMatch(/^Name:/)
    expect(status.length).toBeGreaterThan(200)
    const error = await readBytes('/proc/self/status', 100).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe('/proc/self/status: more than 100 bytes, the most talkatlas reads from one file')
  })

  it('a regular file is read whole, and an empty one as no bytes', async () => {
    const dir = scratch()
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251)
    writeFileSync(join(dir, 'bytes.bin'), bytes)
    writeFileSync(join(dir, 'empty.bin'), '')
    expect(new Uint8Array(await readBytes(join(dir, 'bytes.bin')))).toEqual(bytes)
    expect((await readBytes(join(dir, 'empty.bin'))).length).toBe(0)
  })

  it('an embedding file of JSON above 500 MiB is refused by its size, before it is read, with the .npy hint', async () => {
    const file = sparseFile(join(scratch(), 'vectors.json'), 2 ** 31 + 1)
    const error = await readEmbeddingsFile(file, [{ id: 'a' }]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(`${file}: more than 500 MiB of JSON, the most talkatlas reads from one file; save the vectors as .npy`)
  })

  // Looking at a FIFO's size by opening it would take its writer's data and leave the second open waiting.
  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)('an embedding file given as a named pipe is read once, whole', async () => {
    const dir = scratch()
    const vectors = join(dir, 'vectors.json')
    writeFileSync(vectors, JSON.stringify({ a: [1, 0], b: [0, 1] }))
    const fifo = join(dir, 'vectors.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', vectors, fifo])
    const read = await readEmbeddingsFile(fifo, [{ id: 'a' }, { id: 'b' }], { format: 'json' })
    expect(Array.from(read.vectors)).toEqual([1, 0, 0, 1])
    writer.kill()
  })

  it('a directory given as a file is still named as such', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'x'), '')
    const run = talkatlas(['themes', join(root, 'fixtures/small/four-topics-20.json'), '--stopwords', dir, '-q'])
    expect(run.stderr).toBe(`talkatlas: ${dir}: is a directory, expected a file\n`)
    expect(run.code).toBe(2)
  })
})
