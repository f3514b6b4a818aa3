/**
 * A real LSP client for the tests: spawns `bin/namelint-language-server.js
 * --stdio` and talks JSON-RPC to it with vscode-languageserver-protocol.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node'
import { TextDocument } from 'vscode-languageserver-textdocument'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SERVER_BIN = path.join(ROOT, 'bin/namelint-language-server.js')
export const SERVER_BUILT = existsSync(path.join(ROOT, 'dist/src/server/main.js'))

export const uriOf = (file: string) => pathToFileURL(file).href

export interface ClientOptions {
  workspace: string
  /** What the client answers to workspace/configuration for section "namelint". */
  settings?: Record<string, unknown>
  args?: string[]
  /** Offer workspace/configuration (default true); without it, settings are pushed with didChangeConfiguration. */
  pull?: boolean
  initializationOptions?: unknown
}

export class TestClient {
  readonly process: ChildProcess
  readonly connection: ProtocolConnection
  settings: Record<string, unknown>
  readonly published: PublishDiagnosticsParams[] = []
  readonly shown: string[] = []
  registrations: string[] = []
  stderr = ''
  private waiters: Array<() => void> = []
  readonly documents = new Map<string, TextDocument>()

  constructor(readonly options: ClientOptions) {
    this.settings = options.settings ?? {}
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio', ...(options.args ?? [])], { cwd: options.workspace, stdio: ['pipe', 'pipe', 'pipe'] })
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)))
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!))
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params)
      this.wake()
    })
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shown.push(params.message)
    })
    this.connection.onNotification('window/logMessage', () => undefined)
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.shown.push(params.message)
      return null
    })
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'namelint' ? this.settings : null)))
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method))
      return null
    })
    this.connection.listen()
  }

  private wake() {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(this.options.workspace),
      workspaceFolders: [{ uri: uriOf(this.options.workspace), name: 'test' }],
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: this.options.pull ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    })
    await this.connection.sendNotification(InitializedNotification.type, {})
    return result
  }

  open(file: string, text: string, languageId = 'plaintext'): string {
    const uri = uriOf(file)
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text))
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } })
    return uri
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText()
  }

  version(uri: string): number {
    return this.documents.get(uri)!.version
  }

  /** Send incremental changes (applied to the client's copy too); returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const document = this.documents.get(uri)!
    const version = document.version + 1
    this.documents.set(uri, TextDocument.update(document, changes, version))
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes })
    return version
  }

  /** Apply a workspace edit's changes for open documents, the way an editor does, as one didChange per document. */
  applyEdit(edit: WorkspaceEdit): Map<string, number> {
    const versions = new Map<string, number>()
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      // Later edits first, so earlier ranges stay valid.
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
      versions.set(uri, this.change(uri, sorted.map((e: TextEdit) => ({ range: e.range, text: e.newText }))))
    }
    return versions
  }

  close(uri: string) {
    this.documents.delete(uri)
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } })
  }

  async setSettings(settings: Record<string, unknown>) {
    this.settings = settings
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { namelint: settings } })
  }

  async filesChanged(changes: FileEvent[]) {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes })
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>
  }

  hover(uri: string, line: number, character: number) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })
  }

  executeCommand(command: string, args: unknown[]) {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })
  }

  /** The next diagnostics published for `uri` (after `after` publications) that satisfy `accept`. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, options: { after?: number; timeout?: number } = {}): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + (options.timeout ?? 20_000)
    let from = options.after ?? 0
    for (;;) {
      for (; from < this.published.length; from++) {
        const p = this.published[from]
        if (p.uri === uri && accept(p)) return p
      }
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} (published: ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ version: p.version, diagnostics: p.diagnostics.map((d) => d.message) })))})\n${this.stderr}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Diagnostics for the client's current version of `uri`. */
  current(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeout?: number) {
    const version = this.version(uri)
    return this.diagnostics(uri, (p) => p.version === version && (!accept || accept(p)), { timeout })
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))])
      await this.connection.sendNotification(ExitNotification.type)
    } catch {
      // the server is gone already
    }
    const exited = new Promise((resolve) => this.process.once('exit', resolve))
    const timer = setTimeout(() => this.process.kill(), 3000)
    if (this.process.exitCode === null) await exited
    clearTimeout(timer)
    this.connection.dispose()
  }
}
