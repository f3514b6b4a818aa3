/** Test workspaces: a folder with a `.namelintrc` and a small user dictionary, and texts with corrupted names. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A fictional person, known only to the workspace's own dictionary (so the tests do not depend on the
// built-in data), next to names the built-in dictionary knows (North Korean, Beijing).
export const NAMES_YAML = `entities:
  - id: test-valentina-korchagina
    type: person
    name: Valentina Korchagina
    forms: [Korchagina]
    description: Mayor of the fictional town of Testograd
    country: RU
`

/** "Valentina Korchagena" (line 1, characters 6-26) is a corruption of a name the same text spells right. */
export const TEXT = [
  "Russia's Security Council Secretary Sergei Shoigu and Mayor Valentina Korchagina met North Korean leader Kim Jong Un in Pyongyang.",
  'Later Valentina Korchagena flew home, and the North Quaran delegation left for Beijjing.',
  '',
].join('\n')

export const CORRUPTED = { start: { line: 1, character: 6 }, end: { line: 1, character: 26 } }

export function makeWorkspace(files: Record<string, string> = {}): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'namelint-ls-'))
  const all = { '.namelintrc': JSON.stringify({ dictionaries: ['names.yaml'] }), 'names.yaml': NAMES_YAML, ...files }
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
