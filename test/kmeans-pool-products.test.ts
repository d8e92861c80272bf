// LSA's sparse products on the CLI's k-means pool (the built worker, dist/kmeansWorker.js):
// the bits of one thread, also when a worker dies with a chunk taken (TALKATLAS_TEST_WORKER_FAULT).
import { afterAll, describe, expect, it } from 'vitest'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { fitLsa } from '../src/cluster/lsa.js'
import { sparseTimesDense } from '../src/linalg/dense.js'
import { PRODUCT_CHUNK_ROWS, transposeCsr } from '../src/cluster/sparseProducts.js'
import { randomCsr } from './helpers/randomCsr.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const TIMEOUT = 30_000

const denseOf = (length: number, seed: number) => Float64Array.from({ length }, (_, p) => Math.cos(p * 7.31 + seed) * 2)

/** The LSA model's arrays, for comparing bits. */
const modelBits = (model: ReturnType<typeof fitLsa>) => [Array.from(model.components), Array.from(model.singularValues)]

describe('KmeansPool.sparseTimes', () => {
  const pool = new KmeansPool(2, workerUrl)
  afterAll(() => pool.close())

  it('gives the bits of sparseTimesDense, for a matrix and its transpose', () => {
    const matrix = randomCsr(5 * PRODUCT_CHUNK_ROWS + 9, 300, 0.05, 3)
    for (const x of [matrix, transposeCsr(matrix)]) {
      const m = denseOf(x.nCols * 21, 4)
      expect(Array.from(pool.sparseTimes(x, m, 21))).toEqual(Array.from(sparseTimesDense(x, m, 21)))
    }
  })

  it('fits the LSA model of one thread, with fewer talks than terms and more', () => {
    for (const [rows, cols] of [[400, 900], [900, 250]] as const) {
      const matrix = randomCsr(rows, cols, 0.03, rows)
      const options = { dimensions: 20, seed: 5 }
      expect(modelBits(fitLsa(matrix, options, pool.sparseTimes))).toEqual(modelBits(fitLsa(matrix, options)))
    }
  })
})

describe('KmeansPool.sparseTimes with a worker that dies', () => {
  for (const fault of ['exit', 'throw']) {
    it(`redoes the product on the main thread when the worker stops (${fault}) with a chunk taken`, async () => {
      const warnings: string[] = []
      process.env['TALKATLAS_TEST_WORKER_FAULT'] = `kmeans:${fault}:2`
      let pool: KmeansPool
      try {
        pool = new KmeansPool(2, workerUrl, (message) => warnings.push(message))
      } finally {
        delete process.env['TALKATLAS_TEST_WORKER_FAULT']
      }
      try {
        const matrix = randomCsr(200 * PRODUCT_CHUNK_ROWS, 400, 0.03, 11)
        const m = denseOf(400 * 24, 6)
        const expected = Array.from(sparseTimesDense(matrix, m, 24))
        // Job 1 runs whole (the worker is then ready); job 2 takes a chunk and stops.
        expect(Array.from(pool.sparseTimes(matrix, m, 24))).toEqual(expected)
        expect(warnings).toEqual([])
        expect(Array.from(pool.sparseTimes(matrix, m, 24))).toEqual(expected)
        expect(warnings).toHaveLength(1)
        expect(warnings[0]).toMatch(/^a k-means worker stopped \(.+\); the main thread does its work$/)
        // On without the worker.
        expect(Array.from(pool.sparseTimes(matrix, m, 24))).toEqual(expected)
      } finally {
        await pool.close()
      }
    }, TIMEOUT)
  }
})
