/**
 * Fault injection for a child `namelint` (`node --import faults.mjs bin/namelint.js ...`),
 * driven by environment variables. It patches `node:fs`, which the bundled CLI
 * and unified-engine use through the module object (`fs.readFile(...)`), so
 * the real code runs and meets the failure where it would meet a real one.
 *
 *   NAMELINT_FAULT_READ=CODE:name[,CODE:name...]   fs.readFile of a file called `name` fails
 *                                                  with CODE (EACCES: unreadable; ENOENT: deleted
 *                                                  after it was found)
 *   NAMELINT_FAULT_WRITE=CODE                      writing a file's content to a descriptor
 *                                                  (fs.writeFileSync(fd, ...), the atomic writer's
 *                                                  temporary file) fails with CODE (ENOSPC: full
 *                                                  disk), after half of the bytes are written
 *   NAMELINT_FAULT_WRITE_OK=n                      ... but not the first n such writes
 *   NAMELINT_FAULT_SLOW_FSYNC=ms                   every fsync takes this long (blocking), and
 *                                                  says `namelint-fault: fsync N` on standard error
 *                                                  first, so a test can interrupt mid-write
 */
import fs from 'node:fs'
import path from 'node:path'
import { syncBuiltinESMExports } from 'node:module'

const MESSAGES = { EACCES: 'permission denied', ENOENT: 'no such file or directory', ENOSPC: 'no space left on device', EIO: 'i/o error' }

function fault(code, syscall, file) {
  const error = new Error(`${code}: ${MESSAGES[code] ?? 'injected fault'}, ${syscall}${file === undefined ? '' : ` '${file}'`}`)
  error.code = code
  error.syscall = syscall
  if (file !== undefined) error.path = file
  return error
}

const env = process.env

if (env.NAMELINT_FAULT_READ) {
  const rules = env.NAMELINT_FAULT_READ.split(',').map((rule) => {
    const at = rule.indexOf(':')
    return { code: rule.slice(0, at), name: rule.slice(at + 1) }
  })
  const readFile = fs.readFile
  fs.readFile = function (file, ...rest) {
    const callback = rest[rest.length - 1]
    const rule = typeof file === 'string' && typeof callback === 'function' ? rules.find((r) => path.basename(file) === r.name) : undefined
    if (rule) {
      process.nextTick(callback, fault(rule.code, 'open', file))
      return
    }
    return readFile.call(this, file, ...rest)
  }
}

if (env.NAMELINT_FAULT_WRITE) {
  const code = env.NAMELINT_FAULT_WRITE
  let ok = Number(env.NAMELINT_FAULT_WRITE_OK ?? 0)
  const writeFileSync = fs.writeFileSync
  fs.writeFileSync = function (target, data, ...rest) {
    if (typeof target === 'number') {
      if (ok > 0) ok--
      else {
        // Half of the bytes reach the disk, then it is full.
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)
        fs.writeSync(target, bytes, 0, Math.floor(bytes.length / 2))
        throw fault(code, 'write')
      }
    }
    return writeFileSync.call(this, target, data, ...rest)
  }
}

if (env.NAMELINT_FAULT_SLOW_FSYNC) {
  const ms = Number(env.NAMELINT_FAULT_SLOW_FSYNC)
  const fsyncSync = fs.fsyncSync
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  let count = 0
  fs.fsyncSync = function (fd) {
    count++
    fs.writeSync(2, `namelint-fault: fsync ${count}\n`)
    Atomics.wait(sleeper, 0, 0, ms)
    return fsyncSync.call(this, fd)
  }
}

syncBuiltinESMExports()
