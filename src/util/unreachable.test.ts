import { expect, test } from 'vitest'
import { unreachable } from './unreachable.js'

test('unreachable(value, kind) throws "unknown <kind> <value>" for a value that slipped past the types', () => {
  expect(() => unreachable('xml' as never, 'format')).toThrow(/^unknown format xml$/)
})
