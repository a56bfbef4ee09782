import { describe, expect, it } from 'vitest';
import { derivableCells, suppressCells, type DisclosureCell, type SumRule } from '../../surveys/disclosure-control';

const cell = (id: string, n: number, satisfied = Math.floor(n / 2), shown = true): DisclosureCell => ({ id, n, satisfied, shown });

/** What a reader could work out: every hidden cell's counts, by subtracting visible ones. */
function attack(cells: DisclosureCell[], sums: SumRule[], hidden: Map<string, unknown>) {
  const visible = new Set(cells.filter((c) => c.shown && !hidden.has(c.id)).map((c) => c.id));
  return derivableCells(visible, sums);
}

describe('suppressCells', () => {
  it('hides nothing when every cell rests on enough answers', () => {
    const cells = [cell('all', 60), cell('land', 30), cell('health', 30)];
    expect(suppressCells(cells, [{ total: 'all', parts: ['land', 'health'] }], 10).size).toBe(0);
  });

  it('hides a small cell and the smallest other cell of its sum, not the large ones', () => {
    const cells = [cell('all', 87), cell('land', 4), cell('health', 40), cell('tax', 25), cell('justice', 18)];
    const sums = [{ total: 'all', parts: ['land', 'health', 'tax', 'justice'] }];
    const hidden = suppressCells(cells, sums, 10);
    expect(Object.fromEntries(hidden)).toEqual({ land: 'few', justice: 'complementary' });
    expect(attack(cells, sums, hidden).has('land')).toBe(false);
  });

  it('never picks an empty cell as the second one: it would leave the small one worked out', () => {
    const cells = [cell('all', 54), cell('land', 4), cell('health', 0), cell('tax', 50)];
    const sums = [{ total: 'all', parts: ['land', 'health', 'tax'] }];
    const hidden = suppressCells(cells, sums, 10);
    expect(hidden.get('tax')).toBe('complementary');
    expect(hidden.has('health')).toBe(false);
  });

  it('follows sums across a table: children against their parent and sectors against each overall', () => {
    // Two communes under a district, two sectors each; commune A's land cell is small.
    const cells = [
      cell('D', 100),
      cell('D|land', 44),
      cell('D|health', 56),
      cell('A', 40),
      cell('A|land', 6),
      cell('A|health', 34),
      cell('B', 60),
      cell('B|land', 38),
      cell('B|health', 22),
    ];
    const sums: SumRule[] = [
      { total: 'D', parts: ['D|land', 'D|health'] },
      { total: 'A', parts: ['A|land', 'A|health'] },
      { total: 'B', parts: ['B|land', 'B|health'] },
      { total: 'D', parts: ['A', 'B'] },
      { total: 'D|land', parts: ['A|land', 'B|land'] },
      { total: 'D|health', parts: ['A|health', 'B|health'] },
    ];
    const hidden = suppressCells(cells, sums, 10);
    expect(hidden.get('A|land')).toBe('few');
    expect(hidden.size).toBeGreaterThanOrEqual(4);
    expect(attack(cells, sums, hidden).has('A|land')).toBe(false);
  });

  it('protects a small cell that is never published but could be worked out (a unit`s own counters)', () => {
    const cells = [cell('D', 50), cell('A', 25), cell('B', 20), cell('D:own', 5, 2, false)];
    const sums = [{ total: 'D', parts: ['A', 'B', 'D:own'] }];
    const hidden = suppressCells(cells, sums, 10);
    expect(hidden.get('B')).toBe('complementary');
    expect(attack(cells, sums, hidden).has('D:own')).toBe(false);
  });

  it('uses the threshold given', () => {
    const cells = [cell('all', 60), cell('land', 15), cell('health', 45)];
    const sums = [{ total: 'all', parts: ['land', 'health'] }];
    expect(suppressCells(cells, sums, 10).size).toBe(0);
    expect(Object.fromEntries(suppressCells(cells, sums, 20))).toEqual({ land: 'few', health: 'complementary' });
  });
});

describe('derivableCells', () => {
  it('chains subtractions', () => {
    const sums = [
      { total: 'a', parts: ['b', 'c'] },
      { total: 'c', parts: ['d', 'e'] },
    ];
    expect([...derivableCells(new Set(['a', 'b', 'd']), sums).keys()].sort()).toEqual(['c', 'e']);
  });
});
