export type SortDir = 'asc' | 'desc';
export type SortValue = number | string | null;

/**
 * Rows in the order of one column. Empty values (no rate yet) go last in both directions: they
 * are not the worst or the best, they are unknown. Ties keep the API's order, so a re-sort is stable.
 */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, dir: SortDir): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'vi');
      return c === 0 ? a.index - b.index : sign * c;
    })
    .map((x) => x.row);
}

/** A click on the sorted column flips it; a click on another starts where readers expect (figures high first). */
export function nextSort(current: { col: string; dir: SortDir } | null, col: string, numeric: boolean): { col: string; dir: SortDir } {
  if (current?.col === col) return { col, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { col, dir: numeric ? 'desc' : 'asc' };
}
