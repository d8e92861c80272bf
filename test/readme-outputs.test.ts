// Every README block that shows output is written by scripts/readme-outputs.mjs from the
// built library and CLI; this fails when README.md says something the code does not.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without declarations
import { formatValue, renderReadme } from '../scripts/readme-outputs.mjs'

const readme = new URL('../README.md', import.meta.url)

describe('README.md output blocks', () => {
  it('are what scripts/readme-outputs.mjs produces (run it after a change of output)', async () => {
    const text = readFileSync(readme, 'utf8')
    const rendered: string = await renderReadme(text)
    // Line by line, so that a failure names the block that drifted.
    const differing = text.split('\n').map((line, i) => [i + 1, line, rendered.split('\n')[i]] as const).filter(([, a, b]) => a !== b)
    expect(differing.slice(0, 5)).toEqual([])
    expect(rendered).toBe(text)
  })

  it('are marked: the tour and the eval examples are generated blocks', () => {
    const text = readFileSync(readme, 'utf8')
    expect(text.match(/^<!-- readme-output: [\w-]+ -->$/gm)?.length).toBeGreaterThanOrEqual(20)
  })

  it('formatValue writes literals as the README shows them', () => {
    expect(formatValue({ id: 'a', scores: new Float64Array([0.5, 1]), tags: [1, 2, 3, 4, 5, 6, 7], source: { x: 1 } })).toBe("{ id: 'a', scores: [0.5, 1], tags: [1, 2, 3, 4, 5, 6, …], source: {…} }")
    expect(formatValue("it's \"x\"\n")).toBe("'it\\'s \"x\"\\n'")
  })
})
