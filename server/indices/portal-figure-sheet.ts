import type { Kysely } from 'kysely';
import type { PortalFigureInput } from '../../db/portal-figures';
import type { Database } from '../../db/types';
import { listUnitsInForce } from '../../db/units';
import type { RowProblem } from '../imports/import-rows';
import type { Table } from '../imports/read-table';
import { inScope } from '../http/unit-scope';
import { checkFigure } from './portal-figure-check';
import { PF } from './portal-figure-texts';

const MAX_ROWS = 2000;

/** Each column by its English name and the Vietnamese heading a province's sheet may use instead. */
const COLUMNS = {
  unit_code: ['unit_code', 'mã đơn vị'],
  indicator: ['indicator', 'chỉ số'],
  from: ['from', 'từ ngày'],
  to: ['to', 'đến ngày'],
  value: ['value', 'giá trị'],
  note: ['note', 'ghi chú'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['unit_code', 'indicator', 'from', 'to', 'value'];

const heading = (h: string) => h.normalize('NFC').trim().toLowerCase();

/**
 * A sheet of portal figures checked line by line: every figure, or none with the list of what is
 * wrong where (line, column as the sheet names it, why). Units are named by code, in force, in
 * the sender's subtree; one line per unit, indicator and period.
 */
export async function planFigureSheet(
  db: Kysely<Database>,
  tenantId: number,
  scope: string | undefined,
  table: Table,
): Promise<{ figures: (PortalFigureInput & { line: number; unitCode: string })[]; problems: RowProblem[] }> {
  const columnOf = new Map<Column, string>();
  for (const c of table.columns) {
    const found = (Object.keys(COLUMNS) as Column[]).find((k) => (COLUMNS[k] as readonly string[]).includes(heading(c)));
    if (found && !columnOf.has(found)) columnOf.set(found, c);
  }
  const missing = REQUIRED.filter((c) => !columnOf.has(c));
  if (missing.length > 0) return { figures: [], problems: [{ line: 1, column: missing[0]!, message: PF.missingColumns(missing) }] };
  if (table.rows.length === 0) return { figures: [], problems: [{ line: 1, column: 'value', message: PF.empty }] };
  if (table.rows.length > MAX_ROWS) return { figures: [], problems: [{ line: 1, column: 'value', message: PF.tooMany(MAX_ROWS) }] };

  const units = new Map((await listUnitsInForce(db, tenantId)).map((u) => [u.code, u]));
  const problems: RowProblem[] = [];
  const figures: (PortalFigureInput & { line: number; unitCode: string })[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const cell = (c: Column) => {
      const name = columnOf.get(c);
      return name === undefined ? '' : (cells[name] ?? '').trim();
    };
    const name = (c: Column) => columnOf.get(c) ?? c;
    const before = problems.length;
    const unitCode = cell('unit_code');
    const unit = units.get(unitCode);
    if (!unit) problems.push({ line, column: name('unit_code'), message: PF.unitCode(unitCode) });
    else if (!inScope(scope, unit.path)) problems.push({ line, column: name('unit_code'), message: PF.outOfScope(unitCode) });
    const checked = checkFigure({
      indicator: cell('indicator'),
      from: cell('from'),
      to: cell('to'),
      value: cell('value'),
      note: cell('note'),
    });
    if ('problems' in checked) {
      for (const [field, message] of Object.entries(checked.problems)) {
        const column =
          field === 'indicator' || field === 'from' || field === 'to' || field === 'value' || field === 'note' ? name(field) : field;
        problems.push({ line, column, message });
      }
      continue;
    }
    if (problems.length > before || !unit) continue;
    const f = checked.figure;
    const key = `${unit.id}|${f.indicator}|${f.from}|${f.to}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, column: name('unit_code'), message: PF.twice(first) });
      continue;
    }
    seen.set(key, line);
    figures.push({ line, unitCode, unitId: unit.id, ...f });
  }
  return { figures: problems.length > 0 ? [] : figures, problems };
}
