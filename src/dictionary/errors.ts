/** An error in a dictionary or configuration file, naming the file, line and entry. */
export class DictionaryError extends Error {
  readonly file: string
  readonly line: number | undefined
  readonly column: number | undefined
  readonly entry: string | undefined

  constructor(message: string, file: string, line?: number, column?: number, entry?: string) {
    const where = line === undefined ? file : `${file}:${line}${column === undefined ? '' : `:${column}`}`
    super(`${where}: ${entry ? `entry \`${entry}\`: ` : ''}${message}`)
    this.name = 'DictionaryError'
    this.file = file
    this.line = line
    this.column = column
    this.entry = entry
  }
}
