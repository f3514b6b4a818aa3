// Link this package's own bins into node_modules/.bin after a build, so that
// `npx namelint`, editors and hooks find them in a plain checkout (npm links
// the bins of dependencies, never the root package's own).
import { existsSync, mkdirSync, rmSync, symlinkSync, readFileSync, chmodSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const binDir = path.join(root, 'node_modules', '.bin')
if (existsSync(path.join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true })
  for (const [name, target] of Object.entries(pkg.bin ?? {})) {
    const link = path.join(binDir, name)
    rmSync(link, { force: true })
    symlinkSync(path.relative(binDir, path.join(root, target)), link)
    chmodSync(path.join(root, target), 0o755)
  }
}
