import type { LocalizedText } from '../../surveys/localized-text';
import { isIsoDay } from '../../surveys/time';
import { UNIT_KIND_WORDS, unitKindOfWord, type CurrentUnitKind } from '../../surveys/unit-kind-words';
import type { Table } from '../imports/read-table';
import type { ReorganisationBody } from './reorganisation-plan';
import type { UnitRowProblem } from './unit-import';
import type { UnitFacts } from './unit-rules';

/**
 * A reorganisation sheet as the Ministry sends it (one line per old unit → new unit), read into
 * the event bodies planReorganisation checks. Lines are grouped into events by the connected
 * components of old code → new code: several old codes and one new code are a merge, one old and
 * several new a split, one old and one new a rename or move (same code) or a recode (new code).
 * Anything else (A → X and Y, B → X) is refused. Only the sheet's own rules live here; the rules of
 * each event (codes free, shares adding up, counters mapped, days…) are planReorganisation's.
 */
export const SHEET_COLUMNS = [
  'old_code',
  'new_code',
  'share',
  'new_name',
  'new_kind',
  'parent_code',
  'effective_on',
  'note',
  'counter_code',
] as const;
type Column = (typeof SHEET_COLUMNS)[number];

/** The Vietnamese headings a column may have instead (accents and case do not matter, spaces or _). */
const ALIASES: Record<string, Column> = {
  mã_cũ: 'old_code',
  mã_đơn_vị_cũ: 'old_code',
  mã_mới: 'new_code',
  mã_đơn_vị_mới: 'new_code',
  tỷ_lệ: 'share',
  tỉ_lệ: 'share',
  tên_mới: 'new_name',
  tên_đơn_vị_mới: 'new_name',
  loại_mới: 'new_kind',
  loại_đơn_vị_mới: 'new_kind',
  mã_cấp_trên: 'parent_code',
  mã_đơn_vị_cấp_trên: 'parent_code',
  ngày_hiệu_lực: 'effective_on',
  ghi_chú: 'note',
  mã_quầy: 'counter_code',
};

const columnOf = (heading: string): Column | null => {
  const word = heading
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
  if ((SHEET_COLUMNS as readonly string[]).includes(word)) return word as Column;
  return ALIASES[word] ?? null;
};

/** A share as people write it: 0.6, 0,6 or 60%. */
export function parseShare(text: string): number | null {
  const t = text.replace(/\s/g, '');
  const m = /^(\d+(?:[.,]\d+)?|[.,]\d+)(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return m[2] === '%' ? n / 100 : n;
}

export interface SheetLine {
  line: number;
  old: string;
  new: string;
  share: number | undefined;
  newName: string;
  newKind: CurrentUnitKind | undefined;
  parentCode: string;
  note: string;
  counterCode: string;
}

/** One event of the sheet: its body for planReorganisation and which line and column each of its fields came from. */
export interface SheetEvent {
  body: ReorganisationBody;
  lines: number[];
  /** The line and column a field the plan refuses (`from.1`, `into.0.code`, `counters`…) points at. */
  placeOf: (field: string | undefined) => { line: number; column: string };
}

export interface SheetPlan {
  effectiveOn: string | null;
  events: SheetEvent[];
  problems: UnitRowProblem[];
}

/** What the sheet needs to know of the tenant: every unit (retired ones say "already recorded") and the counters in service. */
export interface SheetFacts {
  units: readonly UnitFacts[];
  counters: readonly { id: number; code: string; unit_id: number }[];
}

const MAX_NAME = 200;

export function readReorganisationSheet(table: Table, facts: SheetFacts, formEffectiveOn: string | undefined): SheetPlan {
  const problems: UnitRowProblem[] = [];
  const problem = (line: number, column: string, message: LocalizedText) => problems.push({ line, column, message });
  const refused = (): SheetPlan => ({ effectiveOn: null, events: [], problems: problems.sort((a, b) => a.line - b.line) });

  const columns = new Map<string, Column>();
  for (const heading of table.columns) {
    if (!heading) continue;
    const column = columnOf(heading);
    if (column === null)
      problem(1, heading, {
        vi: `Cột "${heading}" không thuộc bảng sắp xếp đơn vị (các cột: ${SHEET_COLUMNS.join(', ')}).`,
        en: `Column "${heading}" is not part of a reorganisation sheet (columns: ${SHEET_COLUMNS.join(', ')}).`,
      });
    else columns.set(heading, column);
  }
  for (const column of ['old_code', 'new_code'] as const) {
    if (![...columns.values()].includes(column)) problem(1, column, { vi: `Thiếu cột ${column}.`, en: `The ${column} column is missing.` });
  }
  if (table.rows.length === 0) problem(1, 'old_code', { vi: 'Tệp không có dòng nào.', en: 'The file has no lines.' });
  if (problems.length > 0) return refused();

  const inForce = new Map(facts.units.filter((u) => u.valid_to === null).map((u) => [u.code, u]));
  const byId = new Map(facts.units.map((u) => [u.id, u]));
  const counterByCode = new Map(facts.counters.map((c) => [c.code, c]));

  // Each line on its own.
  const lines: SheetLine[] = [];
  const days = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const cell: Partial<Record<Column, string>> = {};
    for (const [heading, value] of Object.entries(cells)) {
      const column = columns.get(heading);
      if (column) cell[column] = value.normalize('NFC').trim();
    }
    const old = cell.old_code ?? '';
    const next = cell.new_code ?? '';
    if (old === '') problem(line, 'old_code', { vi: 'Thiếu mã đơn vị cũ.', en: 'The old unit code is missing.' });
    else if (!inForce.has(old)) {
      const ended = facts.units.filter((u) => u.code === old && u.valid_to !== null).at(-1);
      problem(
        line,
        'old_code',
        ended
          ? {
              vi: `Đơn vị mã ${old} (${ended.name}) đã thôi hoạt động từ sau ngày ${ended.valid_to}: có lẽ đợt sắp xếp này đã được ghi nhận.`,
              en: `Unit ${old} (${ended.name}) already ended on ${ended.valid_to}: this reorganisation was probably recorded already.`,
            }
          : { vi: `Không có đơn vị đang hoạt động mã ${old}.`, en: `No unit in force has the code ${old}.` },
      );
    }
    if (next === '') problem(line, 'new_code', { vi: 'Thiếu mã đơn vị mới.', en: 'The new unit code is missing.' });
    const shareText = cell.share ?? '';
    const share = shareText === '' ? undefined : parseShare(shareText);
    if (share === null)
      problem(line, 'share', {
        vi: `Tỷ lệ "${shareText}" không hợp lệ; ghi như 0,6 hoặc 0.6 hoặc 60%.`,
        en: `Share "${shareText}" is not valid; write it as 0.6, 0,6 or 60%.`,
      });
    else if (share !== undefined && (share <= 0 || share > 1))
      problem(line, 'share', {
        vi: 'Tỷ lệ phải lớn hơn 0 và không quá 1 (100%).',
        en: 'A share must be more than 0 and at most 1 (100%).',
      });
    const kindText = cell.new_kind ?? '';
    const newKind = kindText === '' ? undefined : unitKindOfWord(kindText);
    if (newKind === null)
      problem(line, 'new_kind', {
        vi: `Loại đơn vị "${kindText}" không hợp lệ; dùng một trong: ${UNIT_KIND_WORDS.join(', ')}.`,
        en: `Unit kind "${kindText}" is not valid; use one of: ${UNIT_KIND_WORDS.join(', ')}.`,
      });
    const newName = cell.new_name ?? '';
    if (newName.length > MAX_NAME)
      problem(line, 'new_name', { vi: `Tên dài quá ${MAX_NAME} ký tự.`, en: `The name is longer than ${MAX_NAME} characters.` });
    const parentCode = cell.parent_code ?? '';
    if (parentCode !== '' && !inForce.has(parentCode))
      problem(line, 'parent_code', {
        vi: `Không có đơn vị cấp trên đang hoạt động mã ${parentCode}.`,
        en: `No parent unit in force has the code ${parentCode}.`,
      });
    const counterCode = cell.counter_code ?? '';
    if (counterCode !== '') {
      const counter = counterByCode.get(counterCode);
      const unit = inForce.get(old);
      if (!counter || (unit && counter.unit_id !== unit.id))
        problem(line, 'counter_code', {
          vi: `Quầy ${counterCode} không phải quầy đang phục vụ của đơn vị ${old}.`,
          en: `Counter ${counterCode} is not a counter in service of unit ${old}.`,
        });
    }
    const day = cell.effective_on ?? '';
    if (day !== '' && !isIsoDay(day))
      problem(line, 'effective_on', { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'Write the date as YYYY-MM-DD.' });
    else if (day !== '' && !days.has(day)) days.set(day, line);
    lines.push({
      line,
      old,
      new: next,
      share: share ?? undefined,
      newName,
      newKind: (newKind ?? undefined) as CurrentUnitKind | undefined,
      parentCode,
      note: cell.note ?? '',
      counterCode,
    });
  }

  // One day for the whole file: the form's, or the one the lines give.
  if (formEffectiveOn !== undefined && !isIsoDay(formEffectiveOn))
    problem(1, 'effective_on', { vi: 'Ngày hiệu lực phải có dạng YYYY-MM-DD.', en: 'Write the effective date as YYYY-MM-DD.' });
  const allDays = new Set([...days.keys(), ...(formEffectiveOn ? [formEffectiveOn] : [])]);
  if (allDays.size > 1) {
    const [first, ...others] = [...days.entries()];
    for (const [day, line] of formEffectiveOn ? [...days.entries()].filter(([d]) => d !== formEffectiveOn) : others)
      problem(line, 'effective_on', {
        vi: `Cả tệp phải có một ngày hiệu lực: ${day} khác ${formEffectiveOn ?? first![0]}.`,
        en: `The whole file must have one effective date: ${day} differs from ${formEffectiveOn ?? first![0]}.`,
      });
  }
  if (allDays.size === 0)
    problem(1, 'effective_on', {
      vi: 'Thiếu ngày hiệu lực (cột effective_on hoặc ô Ngày hiệu lực).',
      en: 'The effective date is missing (the effective_on column or the effective date field).',
    });
  if (problems.length > 0) return refused();
  const effectiveOn = formEffectiveOn ?? [...days.keys()][0]!;

  // The same old → new twice is one pair, unless it is a counter line (old, new, counter_code).
  const pairLine = new Map<string, SheetLine>();
  for (const l of lines) {
    const key = `${l.old}→${l.new}`;
    const first = pairLine.get(key);
    if (!first) pairLine.set(key, l);
    else if (l.counterCode === '' && first.counterCode === '')
      problem(l.line, 'new_code', {
        vi: `Dòng ${first.line} đã ghi ${l.old} → ${l.new}.`,
        en: `Line ${first.line} already says ${l.old} → ${l.new}.`,
      });
    else if (first.counterCode !== '' && l.counterCode === '') pairLine.set(key, l);
  }

  // Connected components of old codes and new codes (two name spaces: a new code may reuse an old one).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const join = (a: string, b: string) => {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    parent.set(find(a), find(b));
  };
  for (const l of lines) join(`old:${l.old}`, `new:${l.new}`);
  const groups = new Map<string, SheetLine[]>();
  for (const l of lines) {
    const root = find(`old:${l.old}`);
    groups.set(root, [...(groups.get(root) ?? []), l]);
  }

  const ending = new Set<string>();
  const events: SheetEvent[] = [];
  for (const group of groups.values()) {
    const olds = [...new Set(group.map((l) => l.old))];
    const news = [...new Set(group.map((l) => l.new))];
    const first = group[0]!.line;
    const note = [...new Set(group.map((l) => l.note).filter((n) => n !== ''))].join('; ') || undefined;
    const base = { effectiveOn, note };
    const lineOfOld = (i: number) => group.find((l) => l.old === olds[i])!.line;
    const lineOfNew = (i: number) => group.find((l) => l.new === news[i])!.line;

    /** The successor a new code describes: name, kind and parent as its lines say (they must agree). */
    const described = (code: string) => {
      const own = group.filter((l) => l.new === code);
      const one = <K extends 'newName' | 'newKind' | 'parentCode'>(key: K, column: string) => {
        const given = own.filter((l) => l[key] !== '' && l[key] !== undefined);
        const value = given[0]?.[key];
        for (const l of given)
          if (l[key] !== value)
            problem(l.line, column, {
              vi: `Dòng ${given[0]!.line} ghi khác cho đơn vị mới ${code} (${String(value)}).`,
              en: `Line ${given[0]!.line} says otherwise for new unit ${code} (${String(value)}).`,
            });
        return value;
      };
      return {
        line: own[0]!.line,
        name: one('newName', 'new_name') || undefined,
        kind: one('newKind', 'new_kind') || undefined,
        parentCode: one('parentCode', 'parent_code') || undefined,
      };
    };
    const mustBeWhole = (why: LocalizedText) => {
      for (const l of group) if (l.share !== undefined && Math.abs(l.share - 1) > 1e-9) problem(l.line, 'share', why);
    };
    const needName = (d: { line: number; name: string | undefined }, code: string) => {
      if (d.name === undefined)
        problem(d.line, 'new_name', {
          vi: `Thiếu tên cho đơn vị mới ${code}.`,
          en: `The new unit ${code} needs a name (new_name).`,
        });
      return d.name ?? '';
    };
    const parentIdOf = (d: { line: number; parentCode: string | undefined }, olds: readonly UnitFacts[]) => {
      if (d.parentCode !== undefined) return inForce.get(d.parentCode)!.id;
      const parents = new Set(olds.map((u) => u.parent_id));
      if (parents.size > 1)
        problem(d.line, 'parent_code', {
          vi: 'Các đơn vị cũ thuộc các đơn vị cấp trên khác nhau: xin ghi mã cấp trên (parent_code) của đơn vị mới.',
          en: 'The old units sit under different parents: give the new unit its parent_code.',
        });
      return olds[0]!.parent_id;
    };
    const kindOf = (d: { line: number; kind: CurrentUnitKind | undefined }, olds: readonly UnitFacts[]) => {
      if (d.kind !== undefined) return d.kind;
      const kinds = new Set(olds.map((u) => u.kind));
      if (kinds.size > 1)
        problem(d.line, 'new_kind', {
          vi: 'Các đơn vị cũ khác loại nhau: xin ghi loại (new_kind) của đơn vị mới.',
          en: 'The old units are of different kinds: give the new unit its new_kind.',
        });
      return olds[0]!.kind as CurrentUnitKind;
    };
    const from = olds.map((c) => inForce.get(c)!);
    const counterLines = group.filter((l) => l.counterCode !== '');
    const place = (fieldMap: (parts: string[]) => { line: number; column: string } | undefined) => (field: string | undefined) =>
      (field ? fieldMap(field.split('.')) : undefined) ?? { line: first, column: field === 'effectiveOn' ? 'effective_on' : 'old_code' };
    const columnOfField: Record<string, string> = { code: 'new_code', name: 'new_name', kind: 'new_kind', parentId: 'parent_code' };

    if (olds.length > 1 && news.length > 1) {
      problem(first, 'old_code', {
        vi: `Các dòng ${group.map((l) => l.line).join(', ')} nối các mã cũ ${olds.join(', ')} với các mã mới ${news.join(', ')}: đó không phải một sáp nhập hay một chia tách. Xin tách thành các đợt riêng (mỗi đợt: nhiều mã cũ → một mã mới, hoặc một mã cũ → nhiều mã mới).`,
        en: `Lines ${group.map((l) => l.line).join(', ')} join old codes ${olds.join(', ')} to new codes ${news.join(', ')}: that is neither a merge nor a split. Record them as separate events (many old → one new, or one old → many new).`,
      });
      continue;
    }
    if (olds.length > 1 || news.length > 1 || news[0] !== olds[0]) for (const c of olds) ending.add(c);

    if (olds.length > 1) {
      const code = news[0]!;
      const d = described(code);
      mustBeWhole({ vi: 'Khi sáp nhập, tỷ lệ của mỗi đơn vị cũ là 1 (100%).', en: 'In a merge, each old unit’s share is 1 (100%).' });
      const continuing = olds.includes(code) && d.name === undefined ? inForce.get(code)! : null;
      if (continuing && (d.kind !== undefined || d.parentCode !== undefined)) {
        problem(d.line, d.kind !== undefined ? 'new_kind' : 'parent_code', {
          vi: `Đơn vị ${code} tiếp tục hoạt động giữ loại và cấp trên của nó; để lập đơn vị mới dùng lại mã này, xin ghi tên mới (new_name).`,
          en: `Unit ${code} continues with its own kind and parent; to start a new unit reusing the code, give its new_name.`,
        });
      }
      const into = continuing
        ? { unitId: continuing.id }
        : { code, name: needName(d, code), kind: kindOf(d, from), parentId: parentIdOf(d, from) };
      events.push({
        body: { kind: 'merge', ...base, from: from.map((u) => u.id), into },
        lines: group.map((l) => l.line),
        placeOf: place(([head, i, sub]) => {
          if (head === 'from' && i !== undefined) return { line: lineOfOld(Number(i)), column: 'old_code' };
          if (head === 'into') return { line: d.line, column: columnOfField[sub ?? 'code'] ?? 'new_code' };
          return undefined;
        }),
      });
      continue;
    }

    const old = from[0]!;
    if (news.length > 1) {
      const into = news.map((code) => {
        const d = described(code);
        const share = pairLine.get(`${old.code}→${code}`)!.share;
        return { code, name: needName(d, code), kind: kindOf(d, [old]), parentId: parentIdOf(d, [old]), share: share ?? 1 };
      });
      const counters = counterLines.map((l) => ({ counterId: counterByCode.get(l.counterCode)!.id, to: news.indexOf(l.new) }));
      events.push({
        body: { kind: 'split', ...base, from: old.id, into, ...(counters.length > 0 ? { counters } : {}) },
        lines: group.map((l) => l.line),
        placeOf: place(([head, i, sub]) => {
          if (head === 'into' && i !== undefined) return { line: lineOfNew(Number(i)), column: columnOfField[sub ?? 'code'] ?? 'new_code' };
          if (head === 'into') return { line: first, column: 'share' };
          if (head === 'counters') return { line: counterLines[0]?.line ?? first, column: 'counter_code' };
          return undefined;
        }),
      });
      continue;
    }

    // One old, one new.
    const code = news[0]!;
    const d = described(code);
    mustBeWhole({
      vi: 'Khi đổi tên, đổi mã hay chuyển đơn vị, tỷ lệ là 1 (100%).',
      en: 'A rename, recode or move keeps the whole unit: its share is 1 (100%).',
    });
    if (d.kind !== undefined && d.kind !== old.kind)
      problem(d.line, 'new_kind', {
        vi: 'Đổi loại đơn vị thực hiện trong danh sách đơn vị, không trong đợt sắp xếp.',
        en: 'A unit’s kind is changed in the unit list, not in a reorganisation.',
      });
    const oldParentCode = old.parent_id === null ? undefined : byId.get(old.parent_id)?.code;
    const moves = d.parentCode !== undefined && d.parentCode !== oldParentCode;
    const renames = d.name !== undefined && d.name !== old.name;
    const at = place(([head]) => (head ? { line: d.line, column: columnOfField[head] ?? 'old_code' } : undefined));
    const lineNumbers = group.map((l) => l.line);
    if (code !== old.code) {
      if (moves)
        problem(d.line, 'parent_code', {
          vi: 'Đổi mã và chuyển cấp trên cùng lúc: xin ghi nhận hai đợt riêng.',
          en: 'A recode and a move at once: record them as two events.',
        });
      events.push({
        body: { kind: 'recode', ...base, unitId: old.id, code, ...(renames ? { name: d.name } : {}) },
        lines: lineNumbers,
        placeOf: at,
      });
      continue;
    }
    if (!moves && !renames)
      problem(d.line, 'new_name', {
        vi: `Dòng này không thay đổi gì cho ${old.name} (${old.code}): tên và cấp trên giữ nguyên.`,
        en: `This line changes nothing for ${old.name} (${old.code}): the same name and parent.`,
      });
    if (renames) events.push({ body: { kind: 'rename', ...base, unitId: old.id, name: d.name! }, lines: lineNumbers, placeOf: at });
    if (moves)
      events.push({
        body: { kind: 'move', ...base, unitId: old.id, parentId: inForce.get(d.parentCode!)!.id },
        lines: lineNumbers,
        placeOf: at,
      });
  }

  // A new unit may not be put under a unit the same file ends.
  for (const l of lines)
    if (l.parentCode !== '' && ending.has(l.parentCode))
      problem(l.line, 'parent_code', {
        vi: `Đơn vị cấp trên ${l.parentCode} cũng được sắp xếp lại trong tệp này; xin ghi nhận việc đó trong một tệp riêng trước.`,
        en: `Parent unit ${l.parentCode} is reorganised by this same file; record that in a file of its own first.`,
      });
  if (problems.length > 0) return refused();
  return { effectiveOn, events, problems };
}
