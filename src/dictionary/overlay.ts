/**
 * User dictionaries overlay the built-in one (and each other, in order): an
 * entry whose `id` an earlier dictionary has adds to that entity (lists) or
 * replaces its fields (scalars), and `disabled: true` switches it off. An
 * entry that means to overlay but whose id matches nothing would silently
 * do nothing (`disabled`) or make a new entity called by its id (no `name`):
 * both are errors, naming the file, the line and the entry.
 */
import type { DictionarySource } from './schema.js'
import { DictionaryError } from './errors.js'
import { entryLine } from './load.js'

export interface OverlaySource {
  file: string
  source: DictionarySource
}

/**
 * Check that every entry of the user dictionaries either defines a new
 * entity (with a `name`) or uses the id of an entity defined before it
 * (`known`: the built-in ids, empty without the built-in dictionaries).
 */
export function checkOverlays(user: OverlaySource[], known: ReadonlySet<string>, builtin = true): void {
  const [first] = overlayProblems(user, known, builtin)
  if (first) throw first
}

/** Every entry `checkOverlays` would stop at, in order (`namelint dict check` reports them all). */
export function overlayProblems(user: OverlaySource[], known: ReadonlySet<string>, builtin = true): DictionaryError[] {
  const problems: DictionaryError[] = []
  const defined = new Set<string>()
  for (const { file, source } of user) {
    source.entities.forEach((entry, index) => {
      if (known.has(entry.id) || defined.has(entry.id)) return
      const where = builtin ? 'no built-in or earlier dictionary entity has this id' : 'no earlier dictionary entity has this id (the built-in dictionaries are off)'
      const find = 'check the id for a typo (the curated built-in ids are in the package\'s dictionaries/*.yaml)'
      if (entry.disabled) problems.push(new DictionaryError(`\`disabled: true\`, but ${where}: ${find}, or remove the entry`, file, entryLine(source, index) || undefined, undefined, entry.id))
      else if (entry.name === undefined) problems.push(new DictionaryError(`${where}, and a new entity needs a \`name\`: ${find}, or add a \`name\``, file, entryLine(source, index) || undefined, undefined, entry.id))
      else defined.add(entry.id)
    })
  }
  return problems
}
