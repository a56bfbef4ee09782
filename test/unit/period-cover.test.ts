import { describe, expect, it } from 'vitest';
import { periodCover } from '../../surveys/period-cover';
import { addDays } from '../../surveys/time';

/** Which days a cover counts, and how often: every day of the period once, no other day. */
function countedDays(from: string, to: string) {
  const { months, days } = periodCover(from, to);
  const count = new Map<string, number>();
  const bump = (d: string, by: number) => count.set(d, (count.get(d) ?? 0) + by);
  for (const m of months) for (let d = m; d.slice(0, 7) === m.slice(0, 7); d = addDays(d, 1)) bump(d, 1);
  for (const r of days) {
    const inside = r.from >= from && r.to <= to;
    for (let d = r.from; d <= r.to; d = addDays(d, 1)) bump(d, inside ? 1 : -1);
  }
  return [...count.entries()].filter(([, n]) => n !== 0);
}

describe('periodCover', () => {
  it('counts every day of the period exactly once, whatever its edges', () => {
    for (const [from, to] of [
      ['2024-02-03', '2024-04-17'],
      ['2025-12-15', '2026-03-14'],
      ['2026-01-01', '2026-12-31'],
      ['2026-06-10', '2026-06-17'],
      ['2026-06-02', '2026-06-29'],
      ['2024-02-29', '2024-02-29'],
      ['2023-11-30', '2024-01-02'],
    ]) {
      const counted = countedDays(from!, to!);
      const want: [string, number][] = [];
      for (let d = from!; d <= to!; d = addDays(d, 1)) want.push([d, 1]);
      expect(counted.sort(), `${from}…${to}`).toEqual(want);
    }
  });

  it('reads the fewer days: the month less its outside days when they are fewer', () => {
    expect(periodCover('2024-02-03', '2024-04-17')).toEqual({
      months: ['2024-02-01', '2024-03-01', '2024-04-01'],
      days: [
        { from: '2024-02-01', to: '2024-02-02' },
        { from: '2024-04-18', to: '2024-04-30' },
      ],
    });
    expect(periodCover('2026-06-10', '2026-06-17')).toEqual({ months: [], days: [{ from: '2026-06-10', to: '2026-06-17' }] });
  });
});
