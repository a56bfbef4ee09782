import type { LocalizedText, Meta, MetaUnit } from './api-types';
import { isUnitKind, UNIT_KIND_NAMES } from '../../surveys/unit-kinds';

export interface UnitOption {
  id: number;
  name: string;
  depth: number;
  /** The last day in force of a unit that ended. */
  validTo: string | null;
}

/**
 * Units in tree order (province, then each district with its wards beneath it), with their depth
 * so a plain <select> can indent them. Units whose parent is not visible to the user start a tree.
 */
export function unitOptions(units: readonly MetaUnit[]): UnitOption[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, MetaUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const out: UnitOption[] = [];
  const walk = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const u of list) {
      out.push({ id: u.id, name: u.name, depth, validTo: u.validTo ?? null });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A unit and everything beneath it: choosing a unit means its whole subtree (the API's rule too). */
export function subtreeIds(units: readonly MetaUnit[], root: number): Set<number> {
  const out = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

const KIND_NAMES: Record<string, LocalizedText> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  city: { vi: 'Thành phố', en: 'City' },
  district: { vi: 'Huyện', en: 'District' },
  town: { vi: 'Thị xã', en: 'Town' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  service_body: { vi: 'Cơ quan, đơn vị', en: 'Service body' },
};

export function unitKindName(kind: string, lang: 'vi' | 'en'): string {
  return KIND_NAMES[kind]?.[lang] ?? kind;
}

/**
 * The lists an account may choose from: its own unit's subtree and the counters in it. The server
 * refuses any other unit anyway; offering only these keeps every unit picker to what can be shown.
 */
export function scopedMeta<M extends Pick<Meta, 'units' | 'counters'>>(meta: M, scopeUnitId: number | null): M {
  if (scopeUnitId === null) return meta;
  const inScope = subtreeIds(meta.units, scopeUnitId);
  return {
    ...meta,
    units: meta.units.filter((u) => inScope.has(u.id)),
    counters: meta.counters.filter((k) => inScope.has(k.unitId)),
  };
}

/** A unit in a picker that names each unit fully: indented by depth, with its code and (unless its name says it) its kind. */
export interface UnitTreeOption {
  id: number;
  depth: number;
  label: string;
}

// The words a unit's name starts with when it already says its kind ("Phường An Tảo", "Tỉnh Hưng Yên").
const KIND_IN_NAME: Partial<Record<string, readonly string[]>> = {
  province: ['Tỉnh', 'Thành phố'],
  commune: ['Xã'],
  ward: ['Phường'],
  special_zone: ['Đặc khu'],
  city: ['Thành phố', 'Thị xã'],
  district: ['Huyện', 'Quận', 'Thị xã', 'Thành phố'],
};

/**
 * The unit tree for a plain <select>, each unit on its own line in tree order: "— " once per level
 * below the top, the name, the code in brackets, and the kind after a dot when the name does not
 * already begin with it: "— Phường Phố Hiến (11953)", "— Bộ phận Một cửa (HY-TP-MOT-CUA) · Service body".
 */
export function unitTreeOptions(units: readonly MetaUnit[], lang: 'vi' | 'en'): UnitTreeOption[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return unitOptions(units).map(({ id, depth }) => {
    const u = byId.get(id)!;
    const saysKind = (KIND_IN_NAME[u.kind] ?? []).some((word) => u.name.startsWith(`${word} `));
    const kind = isUnitKind(u.kind) ? UNIT_KIND_NAMES[u.kind][lang] : u.kind;
    return { id, depth, label: `${'— '.repeat(depth)}${u.name} (${u.code})${saysKind ? '' : ` · ${kind}`}` };
  });
}

/** How many units lie beneath a unit (its subtree without itself), among the units given. */
export function unitsBeneath(units: readonly MetaUnit[], root: number): number {
  return subtreeIds(units, root).size - 1;
}
