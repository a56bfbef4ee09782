import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { t } from './i18n';
import { useLang } from './lang-context';
import { nextSort, sortRows, type SortDir, type SortValue } from './table-sort';

export interface Column<R> {
  /** Also the cell's data-col, which tests read. */
  key: string;
  label: string;
  numeric?: boolean;
  /** The raw value: what the column sorts by and what data-value carries. */
  value: (row: R) => SortValue;
  /** What the reader sees; the raw value when absent. */
  render?: (row: R) => ComponentChildren;
  /** Extra attributes (an interval's data-low / data-high). */
  attrs?: (row: R) => Record<string, string | number>;
  /** The row's header cell (the name of the sector, unit, month). */
  rowHeader?: boolean;
  sortable?: boolean;
  /** On a phone, where each row is a card, the cell takes the card's whole width (a row of buttons). */
  fullRow?: boolean;
}

interface Props<R> {
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  rowAttrs?: (row: R) => Record<string, string | number>;
  caption: string;
  testid: string;
}

/**
 * A table whose columns sort on a click of their header. Rows start in the API's order; each cell
 * carries data-col and the unformatted data-value, so a test compares numbers, not locale strings.
 * On a phone each row becomes a card (styles.css, `.stack-on-phone`): the row's name on top, its
 * rate and verdict first, each figure under its column's name (data-label), so nothing is off-screen.
 */
export function SortableTable<R>({ rows, columns, rowKey, rowAttrs, caption, testid }: Props<R>) {
  const { lang } = useLang();
  const [sort, setSort] = useState<{ col: string; dir: SortDir } | null>(null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.col);
    return col && sort ? sortRows(rows, col.value, sort.dir) : [...rows];
  }, [rows, columns, sort]);
  return (
    <div class="table-scroll">
      <table class="stats-table stack-on-phone" data-testid={testid}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const dir = sort?.col === c.key ? sort.dir : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  class={[c.numeric ? 'num' : '', c.sortable === false ? 'no-sort' : ''].join(' ').trim() || undefined}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  data-col={c.key}
                >
                  {c.sortable === false ? (
                    c.label
                  ) : (
                    <button type="button" class="sort-button" onClick={() => setSort(nextSort(sort, c.key, c.numeric ?? false))}>
                      {c.label}
                      <span class="sort-mark" aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                      </span>
                      {dir && <span class="visually-hidden"> ({t(lang, dir === 'asc' ? 'sortAsc' : 'sortDesc')})</span>}
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-key={rowKey(row)} {...(rowAttrs?.(row) ?? {})}>
              {columns.map((c) => {
                const v = c.value(row);
                const attrs = { 'data-col': c.key, 'data-value': v ?? '', 'data-label': c.label, ...(c.attrs?.(row) ?? {}) };
                const body = c.render ? c.render(row) : v;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...attrs}>
                    {body}
                  </th>
                ) : (
                  <td key={c.key} class={[c.numeric ? 'num' : '', c.fullRow ? 'full-row' : ''].join(' ').trim() || undefined} {...attrs}>
                    {body}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
