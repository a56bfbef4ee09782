/**
 * Disclosure control for published rates (docs/domain.md, "Public results"). A published cell
 * shows a count of answers and how many were satisfied. A cell resting on fewer answers than the
 * threshold is hidden (primary suppression). Published cells also add up: a unit's overall is the
 * sum of its sectors, a parent's figure the sum of its children's (and its own counters'), so a
 * hidden cell could be worked out as a total minus the cells beside it. Complementary suppression
 * hides a second cell until no cell under the threshold can be worked out that way, from any chain
 * of such subtractions: each time the smallest visible cell (by answers, more than none) of the
 * sum that gives the small cell away is hidden too.
 */
export interface DisclosureCell {
  id: string;
  /** Valid answers. */
  n: number;
  satisfied: number;
  /** Whether the page would publish it; a cell never published is unknown to a reader. */
  shown: boolean;
}

/** `total` is exactly the sum of `parts`, in answers and in satisfied answers alike. */
export interface SumRule {
  total: string;
  parts: readonly string[];
}

export type HiddenReason = 'few' | 'complementary';

const isSmall = (cell: DisclosureCell, threshold: number) => cell.n > 0 && cell.n < threshold;

/**
 * What a reader can work out from the visible cells: every cell that is the one unknown of a sum,
 * repeatedly; for each, the sum it came from.
 */
export function derivableCells(visible: ReadonlySet<string>, sums: readonly SumRule[]): Map<string, SumRule> {
  const known = new Set(visible);
  const via = new Map<string, SumRule>();
  for (let changed = true; changed;) {
    changed = false;
    for (const sum of sums) {
      const unknown = [sum.total, ...sum.parts].filter((id) => !known.has(id));
      if (unknown.length === 1) {
        known.add(unknown[0]!);
        via.set(unknown[0]!, sum);
        changed = true;
      }
    }
  }
  return via;
}

/** The cells to hide, and why: fewer answers than the threshold, or to protect such a cell. */
export function suppressCells(cells: readonly DisclosureCell[], sums: readonly SumRule[], threshold: number): Map<string, HiddenReason> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hidden = new Map<string, HiddenReason>();
  for (const c of cells) if (c.shown && isSmall(c, threshold)) hidden.set(c.id, 'few');
  const visibleIds = () => new Set(cells.filter((c) => c.shown && !hidden.has(c.id)).map((c) => c.id));
  // Each round hides one more visible cell, so this ends within as many rounds as there are cells.
  for (;;) {
    const visible = visibleIds();
    const via = derivableCells(visible, sums);
    const exposed = [...via.keys()].find((id) => isSmall(byId.get(id)!, threshold));
    if (exposed === undefined) return hidden;
    hidden.set(breakDerivation(exposed, via, visible, byId), 'complementary');
  }
}

/** The visible cell whose hiding stops `exposed` being worked out through the sum that gave it away. */
function breakDerivation(
  exposed: string,
  via: Map<string, SumRule>,
  visible: ReadonlySet<string>,
  byId: Map<string, DisclosureCell>,
): string {
  const seen = new Set<string>();
  for (let target = exposed; ;) {
    seen.add(target);
    const sum = via.get(target)!;
    const others = [sum.total, ...sum.parts].filter((id) => id !== target);
    const candidates = others.filter((id) => visible.has(id) && byId.get(id)!.n > 0);
    if (candidates.length > 0) return smallest(candidates, byId);
    // The rest of the sum is known through other sums: break the chain one step back.
    const derived = others.find((id) => via.has(id) && !seen.has(id));
    if (derived !== undefined) {
      target = derived;
      continue;
    }
    // Only empty cells are left beside it: hiding one leaves the reader two unknowns.
    const empty = others.filter((id) => visible.has(id));
    return smallest(empty.length > 0 ? empty : [...visible], byId);
  }
}

const smallest = (ids: string[], byId: Map<string, DisclosureCell>) =>
  [...ids].sort((a, b) => byId.get(a)!.n - byId.get(b)!.n || (a < b ? -1 : a > b ? 1 : 0))[0]!;
