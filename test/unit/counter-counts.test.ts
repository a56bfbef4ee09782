import { describe, expect, it } from 'vitest';
import { counterCounts, countingStarts } from '../../server/officer/counter-counts';

describe('what a counter officer sees', () => {
  it('counts from the start of today, of this month and of this year', () => {
    expect(countingStarts('2026-04-15')).toEqual({ day: '2026-04-15', month: '2026-04-01', year: '2026-01-01' });
  });

  it('lists the counters in service within the officer’s units, with a count for each period (0 when none)', () => {
    const counters = [
      { id: 1, code: 'desk-a', name: 'Quầy A', unit_id: 10, retired_at: null },
      { id: 2, code: 'desk-b', name: 'Quầy B', unit_id: 11, retired_at: null },
      { id: 3, code: 'desk-old', name: 'Quầy cũ', unit_id: 10, retired_at: new Date('2025-01-01T00:00:00Z') },
    ];
    const units = [
      { id: 10, path: '/1/10/' },
      { id: 11, path: '/1/11/' },
    ];
    const counts = {
      day: [{ key: '1', satisfied: 2, valid: 3 }],
      month: [
        { key: '1', satisfied: 20, valid: 25 },
        { key: '2', satisfied: 1, valid: 4 },
      ],
      year: [
        { key: '1', satisfied: 90, valid: 100 },
        { key: '2', satisfied: 9, valid: 12 },
        { key: '3', satisfied: 5, valid: 7 },
      ],
    };
    expect(counterCounts(counters, units, '/1/10/', counts)).toEqual([{ code: 'desk-a', name: 'Quầy A', today: 3, month: 25, year: 100 }]);
    expect(counterCounts(counters, units, undefined, counts).map((k) => [k.code, k.today, k.month, k.year])).toEqual([
      ['desk-a', 3, 25, 100],
      ['desk-b', 0, 4, 12],
    ]);
  });

  it('shows an officer linked to counters those only, in service and in scope; with none of them left, every counter of its units', () => {
    const counters = [
      { id: 1, code: 'desk-a', name: 'Quầy A', unit_id: 10, retired_at: null },
      { id: 2, code: 'desk-b', name: 'Quầy B', unit_id: 10, retired_at: null },
      { id: 3, code: 'desk-old', name: 'Quầy cũ', unit_id: 10, retired_at: new Date('2025-01-01T00:00:00Z') },
      { id: 4, code: 'desk-far', name: 'Quầy xa', unit_id: 11, retired_at: null },
    ];
    const units = [
      { id: 10, path: '/1/10/' },
      { id: 11, path: '/1/11/' },
    ];
    const none = { day: [], month: [], year: [] };
    const codes = (staffed: number[]) => counterCounts(counters, units, '/1/10/', none, new Set(staffed)).map((k) => k.code);
    expect(codes([2])).toEqual(['desk-b']);
    expect(codes([2, 3, 4])).toEqual(['desk-b']);
    expect(codes([3, 4])).toEqual(['desk-a', 'desk-b']);
    expect(codes([])).toEqual(['desk-a', 'desk-b']);
  });
});
