import { describe, expect, it } from 'vitest'
import { parseDictionary } from '../src/dictionary/load.js'
import { DictionaryError } from '../src/dictionary/errors.js'

function errorOf(text: string): DictionaryError {
  try {
    parseDictionary(text, 'names.yaml')
  } catch (error) {
    if (error instanceof DictionaryError) return error
    throw error
  }
  throw new Error('expected a DictionaryError')
}

describe('dictionary validation', () => {
  it('accepts a well-formed dictionary', () => {
    const d = parseDictionary('entities:\n  - id: place-kyiv\n    type: place\n    name: Kyiv\n    deprecated:\n      - spelling: Kiev\n        since: "2019"\n', 'ok.yaml')
    expect(d.entities[0].name).toBe('Kyiv')
  })
  it('names the file, line and entry of a wrong type', () => {
    const e = errorOf('entities:\n  - id: person-a\n    name: A Person\n  - id: person-b\n    type: persn\n    name: B\n')
    expect(e.file).toBe('names.yaml')
    expect(e.line).toBe(5)
    expect(e.entry).toBe('person-b')
    expect(e.message).toMatch(/names\.yaml:5/)
  })
  it('reports unknown keys', () => {
    const e = errorOf('entities:\n  - id: x\n    name: X\n    nickname: Y\n')
    expect(e.message).toMatch(/unknown key `nickname`/)
  })
  it('reports duplicate ids with the line of the second', () => {
    const e = errorOf('entities:\n  - id: x\n    name: X\n  - id: x\n    name: Y\n')
    expect(e.message).toMatch(/duplicate id/)
    expect(e.line).toBe(4)
  })
  it('reports malformed YAML and JSON with a position', () => {
    expect(errorOf('entities:\n  - id: [x\n').message).toMatch(/cannot parse/)
    expect(errorOf('{"entities": [{"id": "x",}').line).toBeGreaterThan(0)
  })
})
