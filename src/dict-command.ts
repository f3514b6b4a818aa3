/**
 * `namelint dict check`: lint dictionary data.
 *
 *   namelint dict check                    the built-in curated data (CI runs it)
 *   namelint dict check FOLDER             a folder of curated data laid out like dictionaries/
 *   namelint dict check FILE... [--no-builtin]
 *                                          user dictionaries, as --dictionary loads them (in order,
 *                                          over the built-in data unless --no-builtin)
 *
 * Exit 0 without errors (warnings do not fail), 1 with errors, 2 for a usage error.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { checkDictionaries, checkUserDictionaries } from './dictionary/check.js'

const USAGE = 'usage: namelint dict check [FOLDER | FILE... [--no-builtin]]'

export async function dictCommand(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  if (argv[0] !== 'check') return { code: 2, stdout: '', stderr: `namelint dict: unknown command \`${argv[0] ?? ''}\` (${USAGE})\n` }
  const args = argv.slice(1)
  const builtin = !args.includes('--no-builtin')
  const unknown = args.find((a) => a.startsWith('-') && a !== '--no-builtin')
  if (unknown) return { code: 2, stdout: '', stderr: `namelint dict check: unknown option \`${unknown}\` (${USAGE})\n` }
  const paths = args.filter((a) => !a.startsWith('-'))
  if (paths.length === 0) {
    if (!builtin) return { code: 2, stdout: '', stderr: `namelint dict check: --no-builtin needs dictionary files to check (${USAGE})\n` }
    return report(checkDictionaries())
  }
  const kinds = paths.map((p) => {
    try {
      return statSync(path.resolve(cwd, p)).isDirectory() ? 'folder' : 'file'
    } catch {
      return 'missing'
    }
  })
  const missing = paths.filter((_, i) => kinds[i] === 'missing')
  if (missing.length > 0) return { code: 2, stdout: '', stderr: missing.map((p) => `namelint dict check: no such file or folder: ${p}\n`).join('') }
  if (kinds.includes('folder')) {
    if (paths.length > 1 || !builtin) return { code: 2, stdout: '', stderr: `namelint dict check: a folder of curated data is checked alone (${USAGE})\n` }
    return report(checkDictionaries(path.resolve(cwd, paths[0])))
  }
  // Named as given, so each line points at the file the user wrote.
  return report(checkUserDictionaries(paths, { builtin, cwd }))
}

function report(result: { errors: number; text: string }): { code: number; stdout: string; stderr: string } {
  return { code: result.errors > 0 ? 1 : 0, stdout: result.text, stderr: '' }
}
