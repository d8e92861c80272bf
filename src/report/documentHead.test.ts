import { describe, expect, it } from 'vitest'
import { documentHead } from './documentHead.js'
import { cspHash } from './sha256.js'

describe('documentHead({ title, style, script? })', () => {
  it('allows the inline script and style by hash and nothing else', () => {
    const head = documentHead({ title: 'Report', style: 'body{margin:0}', script: 'void 0' })
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(head)![1]
    expect(policy).toBe(`default-src 'none'; script-src ${cspHash('void 0')}; style-src ${cspHash('body{margin:0}')}; img-src 'none'; base-uri 'none'; form-action 'none'`)
    expect(head).toContain('<style>body{margin:0}</style>\n</head>\n')
  })

  it('leaves script-src out for a page without a script, so no script can run', () => {
    const head = documentHead({ title: 'Changes', style: 'p{}' })
    expect(head).not.toContain('script-src')
    expect(head).toContain(`content="default-src 'none'; style-src ${cspHash('p{}')}; img-src`)
  })

  it('escapes the title and starts with the doctype', () => {
    const head = documentHead({ title: '</title><script>x</script> & "q"', style: '' })
    expect(head.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true)
    expect(head).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</title>')
  })
})
