/**
 * Writes the first line at once and at most one line per interval after it, saying how many were
 * held back: a database restart fails every connection and request within a second, and one line
 * tells the operator as much as a thousand.
 */
export function throttledLog(write: (line: string) => void, intervalMs: number, now: () => number = Date.now) {
  let lastAt = -Infinity;
  let heldBack = 0;
  return (line: string) => {
    const at = now();
    if (at - lastAt < intervalMs) {
      heldBack += 1;
      return;
    }
    write(heldBack > 0 ? `${line} (+${heldBack} more like it since the last report)` : line);
    lastAt = at;
    heldBack = 0;
  };
}
