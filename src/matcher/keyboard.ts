/** The QWERTY keyboard, for slips of the finger: which letters' keys touch. */
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const KEY_POS = new Map<string, [number, number]>()
KEYBOARD.forEach((row, r) => [...row].forEach((c, i) => KEY_POS.set(c, [r, i + r * 0.5])))

/** Are the keys of two lower-case letters next to each other (on one row or the rows above and below)? */
export function adjacentKeys(a: string, b: string): boolean {
  const p = KEY_POS.get(a)
  const q = KEY_POS.get(b)
  if (!p || !q) return false
  return Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1
}
