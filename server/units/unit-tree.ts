import type { UnitKind } from '../../surveys/unit-kinds';
import type { UnitFacts } from './unit-rules';

export interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  parentCode: string | null;
  /** Levels below the top of the tree shown (0: a top unit of the caller's view). */
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  /** A unit is retired once it has a last day (valid_to): its code is free again for a unit in force. */
  retired: boolean;
}

/** One unit as the API shows it; depth counted from the tenant's top. */
export function unitView(u: UnitFacts, parentCode: string | null, depth = u.path.split('/').filter(Boolean).length - 1): UnitView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parent_id,
    parentCode,
    depth,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    retired: u.valid_to !== null,
  };
}

/**
 * Units in tree order (parents before children, siblings by code), each with its depth in the tree
 * shown; a unit whose parent is not shown (outside the caller's subtree, or retired and left out)
 * starts a tree of its own. Without `retired`, retired units are left out.
 */
export function unitTree(units: readonly UnitFacts[], options: { retired: boolean }): UnitView[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const shown = options.retired ? units : units.filter((u) => u.valid_to === null);
  const ids = new Set(shown.map((u) => u.id));
  const children = new Map<number | null, UnitFacts[]>();
  for (const u of shown) {
    const parent = u.parent_id !== null && ids.has(u.parent_id) ? u.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitView[] = [];
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
    for (const u of list) {
      out.push(unitView(u, u.parent_id === null ? null : (byId.get(u.parent_id)?.code ?? null), depth));
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
