/**
 * `namelint-language-server --stdio`: the language server over standard input
 * and output (also `--node-ipc` and `--socket=<port>`, which vscode-languageserver
 * reads from the command line itself).
 */
import { readFileSync } from 'node:fs'
import { createConnection, ErrorCodes, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type DataCallback, type Disposable } from 'vscode-languageserver/node'
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
  const connection = argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all)
  startServer(connection, { worker: !argv.includes('--no-worker'), debounce, version })
}

/** Notes whether a `shutdown` request came, for the exit status when standard input closes. */
class Reader extends StreamMessageReader {
  shutdown = false
  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as { method?: unknown }).method === 'shutdown') this.shutdown = true
      callback(message)
    })
  }
}

/**
 * The connection over standard input and output, as vscode-languageserver
 * makes it for `--stdio`, except that a message that cannot be read (not
 * JSON, a bad header) gets JSON-RPC's Parse error (id null) and is logged;
 * the server reads on (the library would drop it without a word).
 */
function stdioConnection() {
  const reader = new Reader(process.stdin)
  const writer = new StreamMessageWriter(process.stdout)
  reader.onError((error) => {
    console.error(`namelint-language-server: unreadable message: ${error.message}`)
    writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message}` } } as never).catch(() => undefined)
  })
  // The client went away: exit as vscode-languageserver does (0 after a shutdown request, else 1).
  const exit = () => process.exit(reader.shutdown ? 0 : 1)
  process.stdin.on('end', exit)
  process.stdin.on('close', exit)
  return createConnection(ProposedFeatures.all, reader, writer)
}
