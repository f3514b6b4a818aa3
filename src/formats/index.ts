/** Output formats of the CLI. Each turns linted files into text. */
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { reporterJson } from 'vfile-reporter-json'
import { formatGithub } from './github.js'
import { formatLsp } from './lsp.js'
import { formatSarif } from './sarif.js'

export interface FormatOptions {
  quiet?: boolean
  color?: boolean
  cwd: string
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'lsp'] as const
export type Format = (typeof FORMATS)[number]

export function format(name: Format, files: VFile[], options: FormatOptions): string {
  switch (name) {
    case 'json':
      return reporterJson(files, { quiet: options.quiet })
    case 'sarif':
      return formatSarif(files, options)
    case 'github':
      return formatGithub(files, options)
    case 'lsp':
      return formatLsp(files, options)
    case 'stylish':
    default:
      return reporter(files, { quiet: options.quiet, color: options.color })
  }
}
