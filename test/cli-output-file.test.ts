/**
 * -o, --output-file: the report goes to a file (made with its folders,
 * written whole), and not to the terminal; the exit status is unchanged.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, tempDir, write } from './fix/helpers.js'

afterAll(cleanup)

const STORY = 'Defence Minister Sergei Shuigu flew to Pyongyang on Tuesday. Talks in Kiev followed.\n'

describe('--output-file', () => {
  it('writes the report a run would print, in any format, and prints none of it', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    for (const format of ['json', 'sarif', 'stylish']) {
      const printed = await cli(['-f', format, 'a.txt'], { cwd: dir })
      const result = await cli(['-f', format, '-o', `reports/${format}/out`, 'a.txt'], { cwd: dir })
      expect(result.code, format).toBe(printed.code)
      expect(result.stdout, format).toBe('')
      const report = fs.readFileSync(path.join(dir, 'reports', format, 'out'), 'utf8')
      expect(report, format).toBe(format === 'stylish' ? printed.stderr : printed.stdout)
      expect(report, format).toContain('Shuigu')
    }
  })

  it('a report that cannot be written is exit 2 with a message naming the path', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    const result = await cli(['-o', 'a.txt/report.json', 'a.txt'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--output-file: cannot write a.txt/report.json')
  })
})
