import { expect, test } from 'vitest'
import { escapeMarkdown } from '../report/escape.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'

test('escapeTerminalMarkdown(text, true) escapes every syntax character and strips terminal controls', () => {
  expect(escapeTerminalMarkdown('AF_XDP and SEC("xdp") \u001b[31mred\u001b[0m!', true)).toBe('AF\\_XDP and SEC\\("xdp"\\) red\\!')
  expect(escapeTerminalMarkdown('one\ntwo', true)).toBe('one two')
})

test('escapeTerminalMarkdown(text) keeps line breaks and escapes each line start', () => {
  expect(escapeTerminalMarkdown('first\n- item\n+ more')).toBe('first\n\\- item\n\\+ more')
})

test('the report escapeMarkdown keeps identifiers readable where the CLI escapes them', () => {
  expect(escapeMarkdown('AF_XDP and SEC("xdp")')).toBe('AF_XDP and SEC("xdp")')
  expect(escapeTerminalMarkdown('AF_XDP and SEC("xdp")', true)).not.toBe(escapeMarkdown('AF_XDP and SEC("xdp")'))
})

test('markdownCodeId(id) strips bidi overrides and isolates, and turns backticks into apostrophes', () => {
  expect(markdownCodeId('talk-\u202egnp.exe')).toBe('`talk-gnp.exe`')
  expect(markdownCodeId('\u2066iso\u2069 a`b')).toBe("`iso a'b`")
  expect(markdownCodeId('rust-101')).toBe('`rust-101`')
})
