import { defineConfig } from 'vitest/config'

/**
 * Tests that run the built package (dist/cli.js, the workers, the examples, the packed
 * tarball, a browser), the whole-pipeline property tests and the real corpora: `npm test`
 * runs them after building, `npm run test:unit` leaves them out for a quick edit-test loop.
 */
const integration = [
  'test/cli*.test.ts',
  'test/report.browser.test.ts',
  'test/examples.test.ts',
  'test/package*.test.ts',
  'test/kmeans-pool*.test.ts',
  'test/related-coarse-pool.test.ts',
  'test/taxonomy-fit-worker.test.ts',
  'test/parallel-terms-worker.test.ts',
  'test/io-exports.test.ts',
  'test/adversarial/json.test.ts',
  'test/adversarial/output-paths.test.ts',
  'test/adversarial/input-size.test.ts',
  'test/adversarial/option-files.test.ts',
  'test/adversarial/text.test.ts',
  'test/*.property.test.ts',
  'test/fixture-quality.test.ts',
  'test/edge-corpora.test.ts',
  'test/readme-outputs.test.ts',
]

const shared = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' } as const

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: integration } },
      { test: { ...shared, name: 'integration', include: integration, globalSetup: ['test/globalSetup.ts'] } },
    ],
  },
})
