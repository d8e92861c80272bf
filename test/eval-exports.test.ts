import { expect, test } from 'vitest'
import * as evaluation from '../src/eval.js'
import * as talkatlas from '../src/index.js'
import { defaultNormalizedMutualInfoOptions } from '../src/eval/normalizedMutualInfo.js'
import { defaultVMeasureOptions } from '../src/eval/vMeasure.js'

test('talkatlas/eval exports the evaluation metrics and the synthetic corpus as functions, talkatlas none of them', () => {
  const names = ['accuracy', 'adjustedRandIndex', 'contingency', 'normalizedMutualInfo', 'pairPurity', 'precisionAtK', 'vMeasure', 'generateCorpus']
  for (const name of names) expect(typeof (evaluation as Record<string, unknown>)[name], name).toBe('function')
  for (const name of names) expect(name in talkatlas, name).toBe(false)
  expect(defaultNormalizedMutualInfoOptions).toEqual({ average: 'arithmetic' })
  expect(defaultVMeasureOptions).toEqual({ beta: 1 })
})
