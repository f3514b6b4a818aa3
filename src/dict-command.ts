/** `namelint dict check`: lint the curated dictionary data. */
import { checkDictionaries } from './dictionary/check.js'

export async function dictCommand(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (argv[0] !== 'check') return { code: 2, stdout: '', stderr: 'namelint dict: unknown command (use `namelint dict check [folder]`)\n' }
  const report = checkDictionaries(argv[1])
  return { code: report.errors > 0 ? 1 : 0, stdout: report.text, stderr: '' }
}
