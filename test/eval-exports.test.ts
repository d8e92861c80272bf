import { expect, test } from 'vitest'
import * as talkatlas from '../src/index.js'

test('the package exports the evaluation metrics as functions', () => {
  const names = ['accuracy', 'adjustedRandIndex', 'contingency', 'normalizedMutualInfo', 'pairPurity', 'precisionAtK', 'vMeasure']
  for (const name of names) expect(typeof (talkatlas as Record<string, unknown>)[name], name).toBe('function')
  expect(talkatlas.defaultNormalizedMutualInfoOptions).toEqual({ average: 'arithmetic' })
  expect(talkatlas.defaultVMeasureOptions).toEqual({ beta: 1 })
})
