import type { LocalizedText } from '../../surveys/localized-text';
import { parentProblem, UNIT_KIND_NAMES, unitCodeProblem, type UnitKind } from '../../surveys/unit-kinds';

/** What the unit rules need of a unit: no I/O here, so the same checks serve one change and a whole file. */
export interface UnitFacts {
  id: number;
  tenant_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
}

export const PARENT_NOT_FOUND: LocalizedText = {
  vi: 'Không tìm thấy đơn vị cấp trên trong danh sách đơn vị.',
  en: 'The parent unit is not in the unit list.',
};

export const PARENT_RETIRED: LocalizedText = {
  vi: 'Đơn vị cấp trên đã thôi hoạt động; xin chọn một đơn vị còn hoạt động.',
  en: 'The parent unit is retired; choose one still in force.',
};

export const UNDER_ITSELF: LocalizedText = {
  vi: 'Không thể chuyển một đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.',
  en: 'A unit cannot move under itself or under one of its own units.',
};

export const codeTaken = (code: string, name: string): LocalizedText => ({
  vi: `Mã ${code} đang được dùng cho đơn vị còn hoạt động "${name}".`,
  en: `Code ${code} is already used by "${name}", a unit in force.`,
});

export const notDay = (field: string): LocalizedText => ({
  vi: `${field} phải là một ngày dạng YYYY-MM-DD.`,
  en: `${field} must be a date written YYYY-MM-DD.`,
});

export const ENDS_BEFORE_START: LocalizedText = {
  vi: 'Ngày thôi hoạt động không thể trước ngày bắt đầu hiệu lực.',
  en: 'The last day in force cannot be before the first.',
};

/** The code's shape for its kind, then the parent's kind: the first problem, or null. */
export function shapeProblem(
  kind: UnitKind,
  code: string,
  parentKind: UnitKind | null,
): { field: 'code' | 'parentId'; text: LocalizedText } | null {
  const codeText = unitCodeProblem(kind, code);
  if (codeText) return { field: 'code', text: codeText };
  const parentText = parentProblem(kind, parentKind);
  return parentText ? { field: 'parentId', text: parentText } : null;
}

/** Whether moving `unit` under `parent` would put it inside its own subtree. */
export const movesUnderItself = (unit: Pick<UnitFacts, 'path'>, parent: Pick<UnitFacts, 'path'>) => parent.path.startsWith(unit.path);

/** A unit's children whose kind may not sit under the kind it would become. */
export function childrenRefusing(kind: UnitKind, children: readonly Pick<UnitFacts, 'code' | 'name' | 'kind'>[]): LocalizedText | null {
  const refusing = children.filter((c) => parentProblem(c.kind, kind) !== null);
  if (refusing.length === 0) return null;
  const names = refusing
    .slice(0, 5)
    .map((c) => `${c.name} (${c.code})`)
    .join(', ');
  return {
    vi: `Không đổi được loại thành ${UNIT_KIND_NAMES[kind].vi.toLowerCase()}: các đơn vị trực thuộc sau không thể nằm dưới loại này: ${names}.`,
    en: `Cannot become a ${UNIT_KIND_NAMES[kind].en.toLowerCase()}: these units under it cannot sit under that kind: ${names}.`,
  };
}

const listOf = (items: readonly { code: string; name: string }[]) =>
  items
    .slice(0, 10)
    .map((i) => `${i.name} (${i.code})`)
    .join(', ') + (items.length > 10 ? ` … (+${items.length - 10})` : '');

/** What still serves below a unit about to retire, named, so the administrator knows what to move or retire first. */
export function stillInService(
  units: readonly { code: string; name: string }[],
  counters: readonly { code: string; name: string }[],
): LocalizedText | null {
  if (units.length === 0 && counters.length === 0) return null;
  const vi: string[] = [];
  const en: string[] = [];
  if (units.length > 0) {
    vi.push(`${units.length} đơn vị còn hoạt động: ${listOf(units)}`);
    en.push(`${units.length} unit(s) in force: ${listOf(units)}`);
  }
  if (counters.length > 0) {
    vi.push(`${counters.length} quầy còn phục vụ: ${listOf(counters)}`);
    en.push(`${counters.length} counter(s) in service: ${listOf(counters)}`);
  }
  return {
    vi: `Chưa thể cho đơn vị thôi hoạt động: bên dưới vẫn còn ${vi.join('; ')}. Xin chuyển hoặc cho thôi hoạt động trước.`,
    en: `The unit cannot retire yet: below it there are still ${en.join('; ')}. Move or retire them first.`,
  };
}
