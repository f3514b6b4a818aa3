/** Output formats of the CLI. Each turns linted files into text. */
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { reporterJson } from 'vfile-reporter-json'

export interface FormatOptions {
  quiet?: boolean
  color?: boolean
  cwd: string
}

export const FORMATS = ['stylish', 'json'] as const
export type Format = (typeof FORMATS)[number]

export function format(name: Format, files: VFile[], options: FormatOptions): string {
  switch (name) {
    case 'json':
      return reporterJson(files, { quiet: options.quiet })
    case 'stylish':
    default:
      return reporter(files, { quiet: options.quiet, color: options.color })
  }
}
