/**
 * The namelint language server (LSP 3.17): diagnostics for plain text and
 * Markdown, quick fixes, "fix all", "add to dictionary", and hovers.
 *
 * It replaces unified-language-server rather than extending it. It lints
 * with unified-engine the way that server does, and the way the CLI does
 * (lint.ts), but unified-language-server cannot take namelint's
 * configuration transform (`.namelintrc` is namelint's own format, not a
 * unified preset), loads its processor from the workspace's node_modules,
 * lints on every keystroke with no debounce and publishes stale results, and
 * has no hover, fix-all, command or configuration hooks to extend. What is
 * added here: debounced linting off the main thread with stale results
 * dropped, the workspace dictionary, hovers, fix-all, and re-linting when
 * settings, configuration or dictionary files change.
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import type { Overrides } from '../config.js'
import { ADD_TO_DICTIONARY_COMMAND, FIX_ALL_KIND, QUICK_FIX, codeActions, type AddToDictionaryArguments } from './actions.js'
import { lintMessageToDiagnostic, type LintMessage } from './diagnostics.js'
import { addToDictionary } from './dictionary-file.js'
import { hoverAt } from './hover.js'
import { InProcessBackend, LintQueue, WorkerBackend, type Backend } from './linter.js'
import { LineIndex } from './positions.js'
import { parseSettings, type ServerSettings } from './settings.js'

export const SERVER_NAME = 'namelint-language-server'
export const STATS_REQUEST = 'namelint/stats'
const LINTED_EXTENSIONS = /\.(txt|text|md|markdown)$/i
const MARKERS = ['.namelintrc', '.namelintrc.json', '.namelintrc.yaml', '.namelintrc.yml', 'package.json', '.git']

export interface ServerOptions {
  /** Lint in a worker thread (default true). */
  worker?: boolean
  /** Override the debounce of the settings (milliseconds). */
  debounce?: number
  version?: string
}

interface Result {
  version: number
  lines: LineIndex
  messages: LintMessage[]
  diagnostics: Diagnostic[]
}

export function startServer(connection: Connection, options: ServerOptions = {}) {
  const documents = new TextDocuments(TextDocument)
  const backend: Backend = options.worker === false ? new InProcessBackend() : new WorkerBackend()
  const queue = new LintQueue(backend)
  const results = new Map<string, Result>()
  const timers = new Map<string, NodeJS.Timeout>()
  const epochs = new Map<string, number>()
  const published = new Set<string>()
  let folders: string[] = []
  let settings: ServerSettings = parseSettings(undefined).settings
  let pullConfiguration = false
  let settingsReady: Promise<void> = Promise.resolve()
  const rootCache = new Map<string, string>()

  const log = (message: string) => connection.console.log(`[namelint] ${message}`)
  const quietly = (promise: Promise<unknown>) => void promise.catch((error: unknown) => connection.console.error(`[namelint] ${(error as Error)?.stack ?? String(error)}`))
  // A plain window/showMessage notification: nothing to wait for, nothing to fail.
  const notify = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined)

  function applySettings(raw: unknown) {
    const { settings: next, problems } = parseSettings(raw)
    if (options.debounce !== undefined) next.debounce = options.debounce
    for (const problem of problems) connection.console.warn(`[namelint] settings: ${problem}`)
    settings = next
  }

  /** Settings from the initialization options: used as long as the client's configuration has no `namelint` section. */
  let initialSettings: unknown

  async function loadSettings(pushed?: unknown) {
    if (pullConfiguration) {
      try {
        const [value] = await connection.workspace.getConfiguration([{ section: 'namelint' }])
        if (value !== null && value !== undefined) {
          applySettings(value)
          return
        }
      } catch (error) {
        connection.console.warn(`[namelint] could not read the configuration: ${(error as Error).message}`)
      }
    }
    applySettings(pushed ?? initialSettings)
  }

  // ---- where a document lives --------------------------------------------------------------

  function isInside(dir: string, file: string) {
    const rel = path.relative(dir, file)
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  }

  function findRoot(file: string): string {
    const start = path.dirname(file)
    const cached = rootCache.get(start)
    if (cached) return cached
    let dir = start
    let found = start
    for (;;) {
      if (MARKERS.some((m) => existsSync(path.join(dir, m)))) {
        found = dir
        break
      }
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
    rootCache.set(start, found)
    return found
  }

  function locate(document: TextDocument): { filePath: string; cwd: string; real: boolean } {
    let filePath: string | undefined
    try {
      if (document.uri.startsWith('file:')) filePath = fileURLToPath(document.uri)
    } catch {
      filePath = undefined
    }
    if (filePath) {
      const folder = folders.filter((f) => isInside(f, filePath!)).sort((a, b) => b.length - a.length)[0]
      return { filePath, cwd: folder ?? findRoot(filePath), real: true }
    }
    const cwd = folders[0] ?? process.cwd()
    const ext = document.languageId === 'markdown' ? '.md' : document.languageId === 'html' ? '.html' : '.txt'
    return { filePath: path.join(cwd, `untitled${ext}`), cwd, real: false }
  }

  function workspaceDictionary(cwd: string): string {
    return path.resolve(cwd, settings.workspaceDictionary)
  }

  function overridesFor(cwd: string): Overrides {
    const dictionaries = [...settings.dictionaries]
    const own = workspaceDictionary(cwd)
    if (existsSync(own) && statSync(own).isFile()) dictionaries.push(own)
    return { rules: { ...settings.rules }, dictionaries, builtin: settings.builtin }
  }

  function shouldLint(document: TextDocument): boolean {
    // A document opened with a malformed uri is kept by TextDocuments, but never linted.
    if (typeof document.uri !== 'string' || typeof document.getText() !== 'string') return false
    return settings.enable && (settings.languages.includes(document.languageId) || LINTED_EXTENSIONS.test(document.uri.split(/[?#]/)[0]))
  }

  // ---- linting -------------------------------------------------------------------------------

  function publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]) {
    if (diagnostics.length > 0) published.add(uri)
    else published.delete(uri)
    quietly(connection.sendDiagnostics({ uri, version, diagnostics }))
  }

  function schedule(uri: string, delay: number) {
    epochs.set(uri, (epochs.get(uri) ?? 0) + 1)
    const previous = timers.get(uri)
    if (previous) clearTimeout(previous)
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        quietly(run(uri))
      }, delay),
    )
  }

  function relintAll() {
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  async function run(uri: string) {
    await settingsReady
    const document = documents.get(uri)
    if (!document) return
    const epoch = epochs.get(uri)
    if (!shouldLint(document)) {
      results.delete(uri)
      if (published.has(uri)) publish(uri, document.version, [])
      return
    }
    const version = document.version
    const text = document.getText()
    const where = locate(document)
    let response
    try {
      response = await queue.lint(uri, {
        text,
        filePath: where.filePath,
        cwd: where.cwd,
        overrides: overridesFor(where.cwd),
        detectConfig: settings.useConfigFiles,
        detectIgnore: settings.useIgnoreFiles && where.real,
      })
    } catch (error) {
      connection.console.error(`[namelint] linting ${uri} failed: ${(error as Error).stack ?? String(error)}`)
      return
    }
    // Superseded before it ran, or the document changed (or closed) while it ran: drop the result.
    if (!response || epochs.get(uri) !== epoch || documents.get(uri)?.version !== version) return
    const diagnostics = response.messages.map(lintMessageToDiagnostic)
    results.set(uri, { version, lines: new LineIndex(text), messages: response.messages, diagnostics })
    publish(uri, version, diagnostics)
  }

  // ---- protocol --------------------------------------------------------------------------------

  let initialized = false
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (initialized) throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is initialized already')
    check('initialize', isObject(params) && isObject(params.capabilities), '{capabilities: {...}}')
    initialized = true
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p))
    if (folders.length === 0) {
      const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined
      if (root) folders = [root]
    }
    // Initialization options: the settings themselves, or {settings: ...}, or {namelint: ...}.
    const init = params.initializationOptions as Record<string, unknown> | undefined
    initialSettings = init && typeof init === 'object' ? ('namelint' in init ? init.namelint : 'settings' in init ? init.settings : init) : undefined
    applySettings(initialSettings)
    const workspace = params.capabilities.workspace
    pullConfiguration = Boolean(workspace?.configuration)
    const watched = Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration)
    const configurationRegistration = Boolean(workspace?.didChangeConfiguration?.dynamicRegistration)
    const folderChanges = Boolean(workspace?.workspaceFolders)
    if (pullConfiguration) {
      let release!: () => void
      settingsReady = new Promise((resolve) => (release = resolve))
      // Settings are read once initialized; linting waits for them (a second at most).
      const timeout = setTimeout(release, 1000)
      connection.onInitialized(async () => {
        if (configurationRegistration) quietly(connection.client.register(DidChangeConfigurationNotification.type, { section: 'namelint' }))
        if (watched) quietly(registerWatchers())
        if (folderChanges) watchFolders()
        await loadSettings()
        clearTimeout(timeout)
        release()
      })
    } else {
      connection.onInitialized(() => {
        if (watched) quietly(registerWatchers())
        if (folderChanges) watchFolders()
      })
    }
    // Load the dictionaries now, so the first document is not the one that pays for it.
    void queue.lint('\u0000warm-up', { text: 'Warm up.', filePath: path.join(folders[0] ?? process.cwd(), 'warm-up.txt'), cwd: folders[0] ?? process.cwd(), overrides: {}, detectConfig: false, detectIgnore: false }).catch(() => undefined)
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [QUICK_FIX, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [ADD_TO_DICTIONARY_COMMAND] },
        workspace: folderChanges ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
      },
      serverInfo: { name: SERVER_NAME, version: options.version },
    }
  })

  async function registerWatchers() {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/.namelintrc{,.json,.yaml,.yml,.js,.cjs,.mjs}' },
        { globPattern: '**/.namelintignore' },
        { globPattern: '**/package.json' },
        { globPattern: '**/*.{yaml,yml,json}' },
      ],
    })
  }

  function watchFolders() {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)))
      folders = folders.filter((f) => !removed.has(f))
      for (const f of event.added) {
        const p = uriToPath(f.uri)
        if (p && !folders.includes(p)) folders.push(p)
      }
      rootCache.clear()
      relintAll()
    })
  }

  connection.onDidChangeConfiguration(async (params) => {
    const pushed = params.settings && typeof params.settings === 'object' && 'namelint' in params.settings ? (params.settings as { namelint: unknown }).namelint : undefined
    const reading = loadSettings(pushed)
    settingsReady = reading
    await reading
    await backend.clearCache().catch(() => undefined)
    relintAll()
  })

  let watchTimer: NodeJS.Timeout | undefined
  connection.onDidChangeWatchedFiles(() => {
    // Dictionaries, configuration or ignore files changed: forget the dictionaries and lint again (once per burst).
    if (watchTimer) clearTimeout(watchTimer)
    watchTimer = setTimeout(async () => {
      watchTimer = undefined
      rootCache.clear()
      await backend.clearCache().catch(() => undefined)
      relintAll()
    }, 50)
  })

  documents.onDidChangeContent((event) => {
    const uri = event.document.uri
    schedule(uri, results.has(uri) ? settings.debounce : 0)
  })

  documents.onDidClose((event) => {
    const uri = event.document.uri
    const timer = timers.get(uri)
    if (timer) clearTimeout(timer)
    timers.delete(uri)
    epochs.set(uri, (epochs.get(uri) ?? 0) + 1)
    queue.cancel(uri)
    results.delete(uri)
    published.delete(uri)
    quietly(connection.sendDiagnostics({ uri, diagnostics: [] }))
  })

  function current(uri: string): { document: TextDocument; result?: Result } | undefined {
    const document = documents.get(uri)
    if (!document) return undefined
    const result = results.get(uri)
    return { document, result: result && result.version === document.version ? result : undefined }
  }

  connection.onCodeAction((params) => {
    check('textDocument/codeAction', hasUri(params) && isRange(params.range) && isObject(params.context) && Array.isArray(params.context.diagnostics), '{textDocument: {uri}, range, context: {diagnostics: [...]}}')
    const found = current(params.textDocument.uri)
    if (!found) return []
    const { document, result } = found
    return codeActions({
      uri: document.uri,
      lines: result?.lines ?? new LineIndex(document.getText()),
      current: result?.diagnostics,
      requested: params.context.diagnostics,
      range: params.range,
      only: params.context.only,
    })
  })

  connection.onHover((params) => {
    check('textDocument/hover', hasUri(params) && isPosition(params.position), '{textDocument: {uri}, position: {line, character}}')
    const result = current(params.textDocument.uri)?.result
    return result ? hoverAt(result.messages, params.position) ?? null : null
  })

  connection.onExecuteCommand(async (params) => {
    check('workspace/executeCommand', isObject(params) && typeof params.command === 'string', '{command, arguments}')
    if (params.command !== ADD_TO_DICTIONARY_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `workspace/executeCommand: unknown command \`${params.command}\` (known: ${ADD_TO_DICTIONARY_COMMAND})`)
    const args = params.arguments?.[0] as AddToDictionaryArguments | undefined
    check(ADD_TO_DICTIONARY_COMMAND, isObject(args) && typeof args.word === 'string' && args.word.trim() !== '' && typeof args.uri === 'string', 'arguments [{word, uri}]')
    const document = documents.get(args.uri)
    const cwd = document ? locate(document).cwd : (uriToPath(args.uri) ? findRoot(uriToPath(args.uri)!) : folders[0] ?? process.cwd())
    const file = workspaceDictionary(cwd)
    try {
      const added = await addToDictionary(file, args.word)
      log(added.added ? `added “${args.word}” to ${file} as ${added.id}` : `“${args.word}” is already in ${file} (${added.id})`)
      if (added.created) notify(MessageType.Info, `namelint: created the workspace dictionary ${path.relative(cwd, file) || file}`)
      await backend.clearCache()
      relintAll()
      return { ...added, uri: pathToFileURL(file).href }
    } catch (error) {
      notify(MessageType.Error, `namelint: could not add “${args.word}” to ${file}: ${(error as Error).message}`)
      return null
    }
  })

  connection.onRequest(STATS_REQUEST, async (params: { gc?: boolean } | undefined) => {
    const collect = (globalThis as { gc?: () => void }).gc
    if (params?.gc && collect) collect()
    return {
      runs: queue.runs,
      lastLintMs: queue.lastElapsed,
      recentLintMs: queue.recent,
      pending: queue.pending,
      documents: documents.all().length,
      server: process.memoryUsage(),
      linter: await backend.memory(params?.gc),
    }
  })

  connection.onShutdown(async () => {
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
    await backend.dispose()
  })

  documents.listen(connection)
  connection.listen()
  return { documents, backend, queue }
}

/* Malformed requests: JSON-RPC's InvalidParams, saying what was expected (the server serves on). */

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && value.line >= 0 && value.character >= 0
}

function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.start) && isPosition(value.end)
}

function hasUri(params: unknown): boolean {
  return isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string'
}

function check(method: string, ok: boolean, expected: string): asserts ok {
  if (!ok) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: invalid params; expected ${expected}`)
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
  } catch {
    return undefined
  }
}
