import type { ImportedChange, ImportedUnit } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import { isIsoDay } from '../../surveys/time';
import { UNIT_KIND_WORDS, unitKindOfWord } from '../../surveys/unit-kind-words';
import { parentProblem, unitCodeProblem, type UnitKind } from '../../surveys/unit-kinds';
import type { Table } from '../imports/read-table';
import { childrenRefusing, type UnitFacts } from './unit-rules';

/** One thing wrong in a unit list: the line people see (the header is line 1), the column, and what to fix. */
export interface UnitRowProblem {
  line: number;
  column: string;
  message: LocalizedText;
}

export const UNIT_COLUMNS = ['code', 'name', 'kind', 'parent_code', 'valid_from'] as const;
const REQUIRED = ['code', 'name', 'kind', 'parent_code'] as const;
const MAX_NAME = 200;

export interface ImportPlan {
  create: ImportedUnit[];
  update: ImportedChange[];
  unchanged: number;
  problems: UnitRowProblem[];
}

/** Who imports: their subtree (undefined: the whole tenant) and the root unit of their account, if any. */
export interface ImportScope {
  path: string | undefined;
  ownUnitId: number | null;
}

interface Row {
  line: number;
  code: string;
  name: string;
  kind: UnitKind | null;
  parentCode: string;
  validFrom: string | undefined;
  existing: UnitFacts | undefined;
}

/** A node of the tree as it would stand after the import: a unit already there (#id) or one the file adds (+code). */
type Key = string;
const keyOfUnit = (u: { id: number }): Key => `#${u.id}`;

/**
 * A unit list (columns code, name, kind, parent_code, optional valid_from) against the tenant's
 * units in force: what to add, what to change, what is already so, and every problem by line and
 * column. A row whose code names a unit in force is that unit (its name, kind, parent and first
 * day follow the file); any other row is a new unit. A parent is a unit in force or a row of the
 * same file, above or below. The tree as it would stand is checked whole (no loops, kinds fit), so
 * a file is written entirely or not at all, and the same file imported twice changes nothing.
 */
export function planUnitImport(table: Table, units: readonly UnitFacts[], scope: ImportScope): ImportPlan {
  const problems: UnitRowProblem[] = [];
  const problem = (line: number, column: string, message: LocalizedText) => problems.push({ line, column, message });
  for (const column of table.columns) {
    if (column && !(UNIT_COLUMNS as readonly string[]).includes(column))
      problem(1, column, {
        vi: `Cột "${column}" không thuộc danh sách đơn vị (các cột: ${UNIT_COLUMNS.join(', ')}).`,
        en: `Column "${column}" is not part of a unit list (columns: ${UNIT_COLUMNS.join(', ')}).`,
      });
  }
  for (const column of REQUIRED) {
    if (!table.columns.includes(column)) problem(1, column, { vi: `Thiếu cột ${column}.`, en: `The ${column} column is missing.` });
  }
  if (table.rows.length === 0) problem(1, 'code', { vi: 'Tệp không có dòng đơn vị nào.', en: 'The file lists no units.' });
  if (problems.length > 0) return { create: [], update: [], unchanged: 0, problems };

  const inForce = units.filter((u) => u.valid_to === null);
  const byCode = new Map(inForce.map((u) => [u.code, u]));
  const inScope = (u: UnitFacts) => scope.path === undefined || u.path.startsWith(scope.path);

  // First pass: each row on its own, and which line first used each code.
  const rows: Row[] = [];
  const lineOfCode = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const code = cells.code ?? '';
    const name = (cells.name ?? '').normalize('NFC');
    const kindText = cells.kind ?? '';
    const kind = unitKindOfWord(kindText);
    const validFromText = cells.valid_from ?? '';
    if (code === '') problem(line, 'code', { vi: 'Thiếu mã đơn vị.', en: 'The unit code is missing.' });
    else if (lineOfCode.has(code)) {
      problem(line, 'code', {
        vi: `Mã ${code} trùng với dòng ${lineOfCode.get(code)}.`,
        en: `Code ${code} is already on line ${lineOfCode.get(code)}.`,
      });
    } else lineOfCode.set(code, line);
    if (name === '') problem(line, 'name', { vi: 'Thiếu tên đơn vị.', en: 'The unit name is missing.' });
    else if (name.length > MAX_NAME)
      problem(line, 'name', { vi: `Tên dài quá ${MAX_NAME} ký tự.`, en: `The name is longer than ${MAX_NAME} characters.` });
    if (kind === null)
      problem(line, 'kind', {
        vi: `Loại đơn vị "${kindText}" không hợp lệ; dùng một trong: ${UNIT_KIND_WORDS.join(', ')}.`,
        en: `Unit kind "${kindText}" is not valid; use one of: ${UNIT_KIND_WORDS.join(', ')}.`,
      });
    else if (code !== '') {
      const codeText = unitCodeProblem(kind, code);
      if (codeText) problem(line, 'code', codeText);
    }
    if (validFromText !== '' && !isIsoDay(validFromText))
      problem(line, 'valid_from', { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'Write the date as YYYY-MM-DD.' });
    const existing = byCode.get(code);
    if (existing && !inScope(existing))
      problem(line, 'code', {
        vi: `Đơn vị ${code} nằm ngoài phạm vi bạn quản lý.`,
        en: `Unit ${code} is outside the units you manage.`,
      });
    rows.push({
      line,
      code,
      name,
      kind,
      parentCode: cells.parent_code ?? '',
      validFrom: validFromText === '' ? undefined : validFromText,
      existing,
    });
  }
  const rowByCode = new Map(rows.filter((r) => lineOfCode.get(r.code) === r.line).map((r) => [r.code, r]));
  const keyOfRow = (r: Row): Key => (r.existing ? keyOfUnit(r.existing) : `+${r.code}`);

  // The tree as it would stand: every unit in force keeps its parent unless the file says otherwise.
  const parentOf = new Map<Key, Key | null>();
  for (const u of inForce) parentOf.set(keyOfUnit(u), u.parent_id === null ? null : keyOfUnit({ id: u.parent_id }));
  const parentKind = new Map<Row, UnitKind | null>();
  for (const r of rowByCode.values()) {
    if (r.parentCode === '') {
      parentOf.set(keyOfRow(r), null);
      parentKind.set(r, null);
      if (scope.path !== undefined && !(r.existing && r.existing.id === scope.ownUnitId))
        problem(r.line, 'parent_code', {
          vi: 'Bạn chỉ được thêm đơn vị bên dưới đơn vị của mình; xin ghi parent_code.',
          en: 'You may only add units below your own unit; fill in parent_code.',
        });
      continue;
    }
    if (r.parentCode === r.code) {
      problem(r.line, 'parent_code', { vi: 'Đơn vị không thể trực thuộc chính nó.', en: 'A unit cannot sit under itself.' });
      continue;
    }
    const inFile = rowByCode.get(r.parentCode);
    const there = byCode.get(r.parentCode);
    if (!inFile && !there) {
      problem(r.line, 'parent_code', {
        vi: `Không có đơn vị cấp trên mã ${r.parentCode}, trong danh sách hiện có hay trong tệp.`,
        en: `No parent unit with code ${r.parentCode}, neither among the units nor in the file.`,
      });
      continue;
    }
    if (!inFile && there && !inScope(there))
      problem(r.line, 'parent_code', {
        vi: `Đơn vị cấp trên ${r.parentCode} nằm ngoài phạm vi bạn quản lý.`,
        en: `Parent unit ${r.parentCode} is outside the units you manage.`,
      });
    parentOf.set(keyOfRow(r), inFile ? keyOfRow(inFile) : keyOfUnit(there!));
    parentKind.set(r, inFile ? inFile.kind : there!.kind);
  }

  // Kinds: each row under its parent, and the units already under a unit whose kind changes.
  for (const r of rowByCode.values()) {
    if (r.kind === null || !parentKind.has(r)) continue;
    const pk = parentKind.get(r)!;
    if (pk === null && r.parentCode !== '') continue;
    const text = parentProblem(r.kind, pk);
    if (text) problem(r.line, r.parentCode === '' ? 'parent_code' : 'kind', text);
  }
  for (const r of rowByCode.values()) {
    if (!r.existing || r.kind === null || r.kind === r.existing.kind) continue;
    const key = keyOfRow(r);
    const stayingChildren = inForce.filter((u) => !rowByCode.has(u.code) && parentOf.get(keyOfUnit(u)) === key);
    const text = childrenRefusing(r.kind, stayingChildren);
    if (text) problem(r.line, 'kind', text);
  }

  // Loops: walking up from any row must reach the top.
  const depth = new Map<Key, number>();
  for (const r of rowByCode.values()) {
    const seen: Key[] = [];
    let at: Key | null | undefined = keyOfRow(r);
    while (at !== null && at !== undefined && !seen.includes(at)) {
      seen.push(at);
      at = parentOf.get(at);
    }
    if (at !== null && at !== undefined) {
      problem(r.line, 'parent_code', {
        vi: `Mã cấp trên tạo thành vòng lặp (${r.code} nằm dưới chính nó qua ${r.parentCode}).`,
        en: `The parent codes make a loop (${r.code} ends up under itself through ${r.parentCode}).`,
      });
    } else depth.set(keyOfRow(r), seen.length);
  }

  // The scoped administrator's own unit may be renamed, not moved or changed in kind.
  for (const r of rowByCode.values()) {
    if (!r.existing || r.existing.id !== scope.ownUnitId) continue;
    const parentNow = r.existing.parent_id === null ? null : keyOfUnit({ id: r.existing.parent_id });
    if (parentOf.get(keyOfRow(r)) !== parentNow || (r.kind !== null && r.kind !== r.existing.kind))
      problem(r.line, 'parent_code', {
        vi: 'Bạn chỉ được đổi tên đơn vị của chính mình, không chuyển hay đổi loại.',
        en: 'You may rename your own unit only, not move it or change its kind.',
      });
  }

  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    return { create: [], update: [], unchanged: 0, problems };
  }

  const parentRef = (r: Row): ImportedUnit['parent'] => {
    if (r.parentCode === '') return null;
    const inFile = rowByCode.get(r.parentCode);
    if (inFile?.existing || !inFile) return { id: (inFile?.existing ?? byCode.get(r.parentCode)!).id };
    return { code: inFile.code };
  };
  const ordered = [...rowByCode.values()].sort((a, b) => depth.get(keyOfRow(a))! - depth.get(keyOfRow(b))! || a.line - b.line);
  const create: ImportedUnit[] = [];
  const update: ImportedChange[] = [];
  let unchanged = 0;
  for (const r of ordered) {
    const parent = parentRef(r);
    if (!r.existing) {
      create.push({ code: r.code, name: r.name, kind: r.kind!, parent, valid_from: r.validFrom ?? null });
      continue;
    }
    const change: ImportedChange = { id: r.existing.id };
    if (r.name !== r.existing.name) change.name = r.name;
    if (r.kind !== r.existing.kind) change.kind = r.kind!;
    const samePlace = parent === null ? r.existing.parent_id === null : 'id' in parent && parent.id === r.existing.parent_id;
    if (!samePlace) change.parent = parent;
    if (r.validFrom !== undefined && r.validFrom !== r.existing.valid_from) change.valid_from = r.validFrom;
    if (Object.keys(change).length > 1) update.push(change);
    else unchanged += 1;
  }
  return { create, update, unchanged, problems };
}
