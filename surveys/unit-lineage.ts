/**
 * Where earlier answers count in a view of the past (issue 16), the rule without I/O.
 *
 * A view is the unit tree in force on one day D (today for "as it is now"). An answer keeps the
 * unit it was given at; in the view of D it counts for the units that unit became through the
 * reorganisations effective on or before D: a merged unit's answers wholly for the unit it merged
 * into, a split unit's answers for each new unit by its share, step after step (a unit merged and
 * later split counts, share times share, for the split's units). A unit no such event ended counts
 * for itself. Subtrees are those of D too: a move effective after D is undone in the view, so a
 * unit moved later still sits under its old parent.
 *
 * Only the units whose answers go elsewhere, or whose place in the tree differs from today's, get
 * rows; every other unit counts for itself at its path of today.
 */
export interface LineageUnit {
  id: number;
  parent_id: number | null;
  path: string;
}

export interface LineageEvent {
  id: number;
  effective_on: string;
  links: readonly { from: number; to: number; share: number }[];
  /** Units the event put under a new parent (a move, or the units under a merged or split unit). */
  parentChanges: readonly { unitId: number; fromParentId: number | null }[];
}

export interface LineageRow {
  from_unit_id: number;
  to_unit_id: number;
  share: number;
  /** The path of to_unit in the tree of the view's day. */
  to_path: string;
}

export function lineageOn(day: string, units: readonly LineageUnit[], events: readonly LineageEvent[]): LineageRow[] {
  const applied = events.filter((e) => e.effective_on <= day);
  const later = events.filter((e) => e.effective_on > day).sort((a, b) => b.effective_on.localeCompare(a.effective_on) || b.id - a.id);

  const successors = new Map<number, { to: number; share: number }[]>();
  for (const e of applied) {
    for (const l of e.links) {
      if (l.from === l.to) continue;
      successors.set(l.from, [...(successors.get(l.from) ?? []), { to: l.to, share: l.share }]);
    }
  }
  const reached = new Map<number, Map<number, number>>();
  const reach = (unit: number): Map<number, number> => {
    const known = reached.get(unit);
    if (known) return known;
    const next = successors.get(unit);
    const result = new Map<number, number>();
    if (!next) result.set(unit, 1);
    else {
      for (const { to, share } of next) {
        for (const [end, s] of reach(to)) result.set(end, (result.get(end) ?? 0) + share * s);
      }
    }
    reached.set(unit, result);
    return result;
  };

  // The parents of the view's day: today's, with every later event's parent changes undone, newest first.
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  for (const e of later) for (const c of e.parentChanges) parent.set(c.unitId, c.fromParentId);
  const pathOnDay = new Map<number, string>();
  const pathOf = (unit: number, seen = new Set<number>()): string => {
    const known = pathOnDay.get(unit);
    if (known !== undefined) return known;
    const up = parent.get(unit) ?? null;
    // A cycle cannot come out of recorded events; should one appear, the unit stands at the top.
    const path = up === null || seen.has(up) ? `/${unit}/` : `${pathOf(up, seen.add(unit))}${unit}/`;
    pathOnDay.set(unit, path);
    return path;
  };

  const rows: LineageRow[] = [];
  for (const u of units) {
    const ends = reach(u.id);
    const self = ends.size === 1 && ends.has(u.id);
    if (self && pathOf(u.id) === u.path) continue;
    for (const [to, share] of ends) rows.push({ from_unit_id: u.id, to_unit_id: to, share, to_path: pathOf(to) });
  }
  return rows;
}
