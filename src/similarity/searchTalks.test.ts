import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../atlas/serializeAtlas.js'
import { OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { findTalks, searchTalks } from './searchTalks.js'

/** Invented talks: Rust talks that repeat "Rust", one about embedded Rust, and others. */
const talks: Talk[] = [
  { id: 'rust-async', title: 'Async Rust in practice', abstract: 'Rust futures, Rust executors and Rust pinning: how async Rust code is compiled and scheduled. Rust, Rust and more Rust.' },
  { id: 'rust-borrow', title: 'The Rust borrow checker explained', abstract: 'Lifetimes, borrows and moves in Rust. Why the Rust compiler rejects your Rust program, and how Rust programmers fix it.' },
  { id: 'rust-macros', title: 'Procedural macros in Rust', abstract: 'Writing Rust macros that generate Rust code; Rust token streams, Rust syntax trees and testing Rust macros.' },
  { id: 'rust-embedded', title: 'Using Rust on microcontrollers', abstract: 'An embedded firmware project moved from C to Rust: interrupts, peripherals and memory-mapped registers on a small board.' },
  { id: 'c-embedded', title: 'Embedded C toolchains', abstract: 'Cross compilers, linker scripts and firmware images for embedded boards written in C.' },
  { id: 'film', title: 'Making an animated film with free software', abstract: 'The Quillfeather studio drew every frame of its animated film with free painting software; colour, light and sound.' },
  { id: 'python-typing', title: 'Typing Python at scale', abstract: 'Gradual typing, type checkers and annotations in a large Python code base.' },
  { id: 'python-packaging', title: 'Python packaging today', abstract: 'Wheels, build backends and lock files for Python projects.' },
  { id: 'go-generics', title: 'Generics in Go', abstract: 'Type parameters in Go: constraints, inference and the compiler.' },
  { id: 'go-scheduler', title: 'Inside the Go scheduler', abstract: 'Goroutines, threads and the Go runtime scheduler; preemption and work stealing.' },
]
const atlas = buildAtlas(talks, { seed: 42 })

describe('searchTalks(atlas, text, options?)', () => {
  test('finds a talk by a word only it contains, though the vocabulary dropped that word', () => {
    expect(atlas.model.terms.some((term) => term.startsWith('quillfeath'))).toBe(false)
    const hits = searchTalks(atlas, 'Quillfeather')
    expect(hits.map((hit) => hit.id)).toEqual(['film'])
    expect(hits[0]!.terms).toEqual(['Quillfeather'])
  })

  test('finds a talk by its exact title at rank 1, whatever the case and punctuation', () => {
    for (const talk of talks) expect(searchTalks(atlas, talk.title.toUpperCase(), { top: 1 })[0]!.id).toBe(talk.id)
  })

  test('ranks the talk with both words of "rust embedded" above talks that repeat "Rust"', () => {
    const hits = searchTalks(atlas, 'rust embedded', { top: 5 })
    expect(hits[0]!.id).toBe('rust-embedded')
    expect(hits[0]!.terms).toEqual(expect.arrayContaining(['rust', 'embedded']))
    // Then talks with one of the words, the semantic part ordering them.
    expect(hits.slice(1).every((hit) => hit.terms.length === 1)).toBe(true)
  })

  test('finds a word whose stem other talks share by its exact form first', () => {
    // "scheduler" in go-scheduler; "scheduled" (same stem) in rust-async.
    expect(searchTalks(atlas, 'scheduled', { top: 1 })[0]!.id).toBe('rust-async')
  })

  test('takes top from 0 to 100, as relatedTalks does, and throws an OptionError naming the function beyond', () => {
    expect(searchTalks(atlas, 'Rust', { top: 0 })).toEqual([])
    expect(searchTalks(atlas, 'Rust', { top: 100 }).length).toBe(searchTalks(atlas, 'Rust', { top: 10 }).length)
    expect(() => searchTalks(atlas, 'Rust', { top: 101 })).toThrow(OptionError)
    expect(() => searchTalks(atlas, 'Rust', { top: 101 })).toThrow(/^searchTalks: top=101 is invalid, expected an integer from 0 to 100$/)
    expect(() => findTalks(atlas, 'Rust', { top: 1e9 })).toThrow(/^findTalks: top=1000000000 is invalid, expected an integer from 0 to 100$/)
    expect(() => searchTalks(atlas, 'Rust', { top: -1 })).toThrow(/^searchTalks: top=-1 is invalid, expected an integer from 0 to 100$/)
    expect(() => findTalks(atlas, 'Rust', { explainTerms: 1.5 })).toThrow(/^findTalks: explainTerms=1.5 is invalid, expected an integer ≥ 0$/)
  })

  test('a loaded atlas searches like the built one', () => {
    const loaded = loadAtlas(JSON.parse(JSON.stringify(serializeAtlas(atlas))))
    for (const query of ['Quillfeather', 'rust embedded', 'Generics in Go']) expect(searchTalks(loaded, query)).toEqual(searchTalks(atlas, query))
  })
})

describe('findTalks(atlas, text, options?)', () => {
  test('says no talk mentions a word none contains, and returns no talk', () => {
    expect(findTalks(atlas, 'quantum')).toEqual({ talks: [], warnings: [{ code: 'no-match', message: 'search: no talk mentions "quantum"' }] })
  })

  test('names the missing word and still answers with the words that occur', () => {
    const result = findTalks(atlas, 'quantum goroutines')
    expect(result.talks[0]!.id).toBe('go-scheduler')
    expect(result.warnings).toEqual([{ code: 'no-match', message: 'search: no talk mentions "quantum"' }])
  })

  test('a query of stopwords only has no searchable word', () => {
    expect(findTalks(atlas, 'the and of').warnings.map((w) => w.message)).toEqual(['search: "the and of" has no searchable word'])
  })

  test('never returns a talk with score 0', () => {
    for (const hit of findTalks(atlas, 'Python', { top: 10 }).talks) expect(hit.score).toBeGreaterThan(0)
  })
})
