/** writeFileAtomic and readUtf8Exact. */
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readUtf8Exact, writeFileAtomic } from '../../src/fix.js'

const dir = fs.mkdtempSync(path.join(tmpdir(), 'namelint-atomic-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function fresh(name: string): string {
  const folder = fs.mkdtempSync(path.join(dir, name + '-'))
  return path.join(folder, name)
}

describe('writeFileAtomic', () => {
  it('replaces the content by renaming a new file over the old one, leaving no temporary file', () => {
    const file = fresh('a.txt')
    fs.writeFileSync(file, 'In Kiev.\n')
    const before = fs.statSync(file)
    writeFileAtomic(file, 'In Kyiv.\n')
    expect(fs.readFileSync(file, 'utf8')).toBe('In Kyiv.\n')
    // A rename gives a new inode: readers see the old file or the new one, never a half-written one.
    expect(fs.statSync(file).ino).not.toBe(before.ino)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.txt'])
  })

  it('keeps the file mode', () => {
    for (const mode of [0o640, 0o755, 0o600, 0o444]) {
      const file = fresh(`m${mode.toString(8)}.txt`)
      fs.writeFileSync(file, 'x')
      fs.chmodSync(file, mode)
      writeFileAtomic(file, 'y')
      expect(fs.statSync(file).mode & 0o7777).toBe(mode)
      expect(fs.readFileSync(file, 'utf8')).toBe('y')
    }
  })

  it('writes the exact text: BOM, CRLF and non-ASCII bytes', () => {
    const file = fresh('bom.txt')
    const text = '\uFEFFZelensky met \u00c9douard in Kyiv.\r\nEnd 😀\r\n'
    fs.writeFileSync(file, 'old')
    writeFileAtomic(file, text)
    expect(fs.readFileSync(file)).toEqual(Buffer.from(text, 'utf8'))
    expect([...fs.readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('follows a symbolic link: the link stays, its target gets the content', () => {
    const target = fresh('target.txt')
    fs.writeFileSync(target, 'old')
    const link = path.join(path.dirname(target), 'link.txt')
    fs.symlinkSync(target, link)
    writeFileAtomic(link, 'new')
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(target, 'utf8')).toBe('new')
  })

  it('leaves the original and no temporary file behind when the rename fails', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'fail-'))
    const target = path.join(folder, 'article.txt')
    fs.mkdirSync(target) // a folder where the file should be: rename cannot replace it
    fs.writeFileSync(path.join(target, 'inside'), 'keep')
    expect(() => writeFileAtomic(target, 'text')).toThrow()
    expect(fs.readdirSync(folder)).toEqual(['article.txt'])
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('keep')
  })

  it('creates a file that does not exist yet', () => {
    const file = path.join(fs.mkdtempSync(path.join(dir, 'new-')), 'new.txt')
    writeFileAtomic(file, 'hello')
    expect(fs.readFileSync(file, 'utf8')).toBe('hello')
  })
})

describe('readUtf8Exact', () => {
  it('reads UTF-8 (keeping a BOM) and refuses other encodings', () => {
    const utf8 = fresh('u.txt')
    fs.writeFileSync(utf8, Buffer.from('\uFEFFKiev\r\n', 'utf8'))
    expect(readUtf8Exact(utf8)).toBe('\uFEFFKiev\r\n')
    const latin1 = fresh('l.txt')
    fs.writeFileSync(latin1, Buffer.from('Caf\u00e9 in Kiev\n', 'latin1'))
    expect(readUtf8Exact(latin1)).toBeUndefined()
    const utf16 = fresh('w.txt')
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kiev', 'utf16le')]))
    expect(readUtf8Exact(utf16)).toBeUndefined()
  })
})
