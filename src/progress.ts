/**
 * A progress bar on a terminal, for long runs:
 *
 *   namelint [===========>          ]  1042/2000 files  52%
 *
 * Redrawn at most every 100 ms on one line (carriage return), and erased when
 * done, so that the report that follows starts on a clean line.
 */
export interface ProgressStream {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

/** Files from which a terminal gets a progress bar without `--progress`. */
export const PROGRESS_MIN_FILES = 20

export class ProgressBar {
  private done = 0
  private last = 0
  private drawn = false

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly interval = 100,
  ) {}

  tick(count = 1): void {
    this.done = Math.min(this.total, this.done + count)
    const now = Date.now()
    if (this.done === this.total || now - this.last >= this.interval) {
      this.last = now
      this.draw()
    }
  }

  /** The bar as text (without the carriage return). */
  line(): string {
    const columns = this.stream.columns && this.stream.columns > 40 ? this.stream.columns : 80
    const count = `${String(this.done).padStart(String(this.total).length)}/${this.total} files`
    const percent = `${String(this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100)).padStart(3)}%`
    const width = Math.max(10, Math.min(40, columns - count.length - percent.length - 16))
    const filled = this.total === 0 ? width : Math.floor((this.done / this.total) * width)
    const bar = filled >= width ? '='.repeat(width) : '='.repeat(filled) + '>' + ' '.repeat(width - filled - 1)
    return `namelint [${bar}] ${count} ${percent}`
  }

  private draw(): void {
    this.stream.write(`\r${this.line()}`)
    this.drawn = true
  }

  /** Erase the bar. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K')
    this.drawn = false
  }
}
