/**
 * Lint one in-memory document the way the CLI lints a file: unified-engine
 * with the same processor, the same configuration cascade (`.namelintrc`,
 * the `namelint` field of package.json, `.namelintignore`) and the same
 * configuration transform, with the editor's settings as the overrides the
 * CLI takes from its flags.
 */
import { PassThrough } from 'node:stream'
import { engine } from 'unified-engine'
import { unified } from 'unified'
import retextStringify from 'retext-stringify'
import { VFile } from 'vfile'
import retextChunkedLatin from '../parser.js'
import { configTransform, settingsFor, type Overrides } from '../config.js'
import { presetPlugins } from '../processor.js'
import { clearIndexCache } from '../preset-data.js'
import { LineIndex } from './positions.js'
import { toLintMessage, type LintMessage } from './diagnostics.js'

export interface LintRequest {
  text: string
  /** Absolute path the document is linted as (configuration is looked up from its folder). */
  filePath: string
  /** The workspace folder: base of the overrides' relative dictionary paths. */
  cwd: string
  overrides: Overrides
  /** Look for configuration files (default true). */
  detectConfig?: boolean
  /** Honour `.namelintignore` files (default true). */
  detectIgnore?: boolean
}

export interface LintResponse {
  /** The file is ignored by a `.namelintignore`: no diagnostics. */
  ignored: boolean
  messages: LintMessage[]
  /** Milliseconds spent linting. */
  elapsed: number
}

const streams = () => ({ streamError: new PassThrough(), streamOut: new PassThrough() })

export function lintFile(request: LintRequest): Promise<{ file?: VFile; elapsed: number }> {
  const started = performance.now()
  const { cwd, overrides } = request
  const file = new VFile({ cwd, path: request.filePath, value: request.text })
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified().use(retextChunkedLatin).use(retextStringify) as never,
        files: [file],
        cwd,
        out: false,
        output: false,
        rcName: '.namelintrc',
        packageField: 'namelint',
        ignoreName: '.namelintignore',
        detectConfig: request.detectConfig ?? true,
        detectIgnore: request.detectIgnore ?? true,
        configTransform: configTransform(overrides, cwd) as never,
        defaultConfig: { plugins: presetPlugins(settingsFor(undefined, undefined, overrides, cwd)) as never },
        reporter: () => '',
        silentlyIgnore: true,
        quiet: false,
        color: false,
        ...streams(),
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve({ file: context?.files?.[0] as VFile | undefined, elapsed: performance.now() - started })
      },
    )
  })
}

export async function lint(request: LintRequest): Promise<LintResponse> {
  const { file, elapsed } = await lintFile(request)
  if (!file) return { ignored: true, messages: [], elapsed }
  const lines = new LineIndex(request.text)
  return { ignored: false, messages: file.messages.map((m) => toLintMessage(m, lines)), elapsed }
}

export { clearIndexCache }
