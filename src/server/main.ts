/**
 * `namelint-language-server --stdio`: the language server over standard input
 * and output (also `--node-ipc` and `--socket=<port>`, which vscode-languageserver
 * reads from the command line itself).
 */
import { readFileSync } from 'node:fs'
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node'
import { startServer } from './server.js'

const HELP = `Usage: namelint-language-server --stdio [--no-worker] [--debounce <ms>]

The namelint language server (LSP 3.17): diagnostics for plain text and
Markdown, quick fixes, "fix all", "add to dictionary" and hovers.
Set-up for editors: docs/editors.md.

Options:
  --stdio            talk LSP over standard input and output
  --no-worker        lint on the main thread (default: a worker thread)
  --debounce <ms>    wait this long after a change before linting (default 50)
  -h, --help         show this help
  -v, --version      show the version`

export function main(argv: string[] = process.argv.slice(2)) {
  const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n')
    return
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(version + '\n')
    return
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stderr.write('namelint-language-server: pass --stdio (or --node-ipc, --socket=<port>)\n' + HELP + '\n')
    process.exitCode = 2
    return
  }
  const at = argv.indexOf('--debounce')
  const debounce = at >= 0 ? Number(argv[at + 1]) : undefined
  if (debounce !== undefined && !(Number.isFinite(debounce) && debounce >= 0)) {
    process.stderr.write('namelint-language-server: --debounce expects milliseconds\n')
    process.exitCode = 2
    return
  }
  // Nothing but protocol messages may reach standard output.
  console.log = console.info = (...args: unknown[]) => console.error(...args)
  // A failed promise is logged, never fatal: the editor keeps its server.
  process.on('unhandledRejection', (reason) => console.error('namelint-language-server:', reason))
  const connection = createConnection(ProposedFeatures.all)
  startServer(connection, { worker: !argv.includes('--no-worker'), debounce, version })
}
