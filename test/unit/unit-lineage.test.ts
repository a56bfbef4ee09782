import { describe, expect, it } from 'vitest';
import { lineageOn, type LineageEvent } from '../../surveys/unit-lineage';

// Province 1 with wards 2, 3, 4; on 2026-03-01 wards 2 and 3 merge into 5; on 2026-06-01 ward 5
// splits into 6 (70 %) and 7 (30 %); on 2026-09-01 ward 4 moves under province 8.
const units = [
  { id: 1, parent_id: null, path: '/1/' },
  { id: 8, parent_id: null, path: '/8/' },
  { id: 2, parent_id: 1, path: '/1/2/' },
  { id: 3, parent_id: 1, path: '/1/3/' },
  { id: 4, parent_id: 8, path: '/8/4/' },
  { id: 5, parent_id: 1, path: '/1/5/' },
  { id: 6, parent_id: 1, path: '/1/6/' },
  { id: 7, parent_id: 1, path: '/1/7/' },
];
const events: LineageEvent[] = [
  {
    id: 1,
    effective_on: '2026-03-01',
    links: [
      { from: 2, to: 5, share: 1 },
      { from: 3, to: 5, share: 1 },
    ],
    parentChanges: [],
  },
  {
    id: 2,
    effective_on: '2026-06-01',
    links: [
      { from: 5, to: 6, share: 0.7 },
      { from: 5, to: 7, share: 0.3 },
    ],
    parentChanges: [],
  },
  { id: 3, effective_on: '2026-09-01', links: [{ from: 4, to: 4, share: 1 }], parentChanges: [{ unitId: 4, fromParentId: 1 }] },
];
const rows = (day: string) =>
  lineageOn(day, units, events).map((r) => [r.from_unit_id, r.to_unit_id, Math.round(r.share * 1000) / 1000, r.to_path]);

describe('where earlier answers count in the tree of a day', () => {
  it('before any event: every unit for itself, the later-moved ward under its old province', () => {
    expect(rows('2026-01-15')).toEqual([[4, 4, 1, '/1/4/']]);
  });
  it('after the merge: the merged wards for the new one', () => {
    expect(rows('2026-03-01')).toEqual([
      [2, 5, 1, '/1/5/'],
      [3, 5, 1, '/1/5/'],
      [4, 4, 1, '/1/4/'],
    ]);
  });
  it('after the split: shares multiply along the way', () => {
    expect(rows('2026-07-01')).toEqual([
      [2, 6, 0.7, '/1/6/'],
      [2, 7, 0.3, '/1/7/'],
      [3, 6, 0.7, '/1/6/'],
      [3, 7, 0.3, '/1/7/'],
      [4, 4, 1, '/1/4/'],
      [5, 6, 0.7, '/1/6/'],
      [5, 7, 0.3, '/1/7/'],
    ]);
  });
  it('today: the moved ward is where it is now, so needs no row', () => {
    expect(rows('2026-12-01').filter((r) => r[0] === 4)).toEqual([]);
    const shares = new Map<number, number>();
    for (const r of lineageOn('2026-12-01', units, events)) shares.set(r.from_unit_id, (shares.get(r.from_unit_id) ?? 0) + r.share);
    for (const s of shares.values()) expect(s).toBeCloseTo(1, 12);
  });
});
