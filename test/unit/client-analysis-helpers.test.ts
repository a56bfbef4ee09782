import { describe, expect, it } from 'vitest';
import type { FactorIndex, Trend } from '../../client/dashboard/dashboard-types';
import type { MetaUnit, StatsRow } from '../../client/app/api-types';
import { levelShares, versionMarks } from '../../client/dashboard/charts/chart-data';
import { satisfiedShare } from '../../client/dashboard/distribution-page';
import { ratingOutOf, ratingTone, ratingWords, shownLevels } from '../../client/dashboard/rating-levels';
import { factorAxisFrom } from '../../client/dashboard/factor-chart';
import { hourRange, MIN_CELL_N, rateLook, volumeLook } from '../../client/dashboard/heatmap-grid';
import { weakestFactor } from '../../client/dashboard/factors-page';
import { nextSort, sortRows } from '../../client/app/table-sort';
import { subtreeIds } from '../../client/app/unit-options';
import { rankUnits } from '../../client/dashboard/unit-ranking';

const row = (key: string, over: Partial<StatsRow> = {}): StatsRow => ({
  key,
  label: key,
  n: 100,
  satisfied: 90,
  rate: 90,
  interval: { low: 82, high: 95 },
  target: 90,
  verdict: 'met',
  confidence: 'not_conclusive',
  ...over,
});

describe('sorting a table', () => {
  it('sorts both ways and keeps rows without a figure last', () => {
    const rows = [row('a', { rate: 80 }), row('b', { rate: null }), row('c', { rate: 95 }), row('d', { rate: 80 })];
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.key)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.key)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortRows(rows, (r) => r.key, 'desc').map((r) => r.key)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('flips the sorted column and starts figures high first', () => {
    expect(nextSort(null, 'rate', true)).toEqual({ col: 'rate', dir: 'desc' });
    expect(nextSort({ col: 'rate', dir: 'desc' }, 'rate', true)).toEqual({ col: 'rate', dir: 'asc' });
    expect(nextSort({ col: 'rate', dir: 'desc' }, 'unit', false)).toEqual({ col: 'unit', dir: 'asc' });
  });
});

describe('ranking units', () => {
  it('ranks by rate, shares ranks on ties, and leaves units with too few answers unranked at the end', () => {
    const ranked = rankUnits([
      row('ward-a', { rate: 88 }),
      row('commune-b', { rate: 100, n: 12, verdict: 'too_few', confidence: null }),
      row('ward-c', { rate: 93 }),
      row('ward-d', { rate: 88, n: 300 }),
    ]);
    expect(ranked.map((r) => [r.row.key, r.rank])).toEqual([
      ['ward-c', 1],
      ['ward-d', 2],
      ['ward-a', 2],
      ['commune-b', null],
    ]);
  });
});

describe('chart inputs', () => {
  it('marks a version change on its month, joining changes in the same month and skipping months off the chart', () => {
    const trend: Trend = {
      rows: [row('2026-01'), row('2026-02'), row('2026-03')],
      versionChanges: [
        { month: '2026-02', survey: 'sipas-counter-short', version: 2, title: { vi: 'A', en: 'A' } },
        { month: '2026-02', survey: 'education', version: 3, title: { vi: 'B', en: 'B' } },
        { month: '2025-07', survey: 'education', version: 2, title: { vi: 'B', en: 'B' } },
      ],
    };
    expect(versionMarks(trend, (c) => `${c.survey} v${c.version}`)).toEqual([{ index: 1, label: 'sipas-counter-short v2; education v3' }]);
  });

  it('splits each row into level shares that add to 100', () => {
    const shares = levelShares([
      { key: 'land', label: 'Đất đai', counts: { '1': 1, '2': 1, '3': 2, '4': 4, '5': 2 }, total: 10 },
      { key: 'none', label: 'x', counts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, total: 0 },
    ]);
    expect(shares['4']).toEqual([40, 0]);
    expect(['1', '2', '3', '4', '5'].reduce((s, l) => s + shares[l]![0]!, 0)).toBeCloseTo(100);
  });

  it('splits a 3-level row into its three levels only', () => {
    const shares = levelShares(
      [{ key: 'land', label: 'Đất đai', scale: 'scale3', counts: { '1': 1, '2': 2, '3': 1 }, total: 4 }],
      ['1', '2', '3'],
    );
    expect(shares).toEqual({ '1': [25], '2': [50], '3': [25] });
  });

  it('starts the factor axis ten points below the lowest interval, rounded down to ten', () => {
    const f = (index: number | null, low?: number): FactorIndex => ({
      key: String(index),
      label: { vi: '', en: '' },
      satisfied: 0,
      valid: 0,
      index,
      interval: low === undefined ? null : { low, high: 99 },
    });
    expect(factorAxisFrom([f(91, 86.3), f(93, 90)])).toBe(70);
    expect(factorAxisFrom([f(12, 5)])).toBe(0);
    expect(factorAxisFrom([f(null)])).toBe(0);
    expect(weakestFactor([f(91, 86), f(null), f(87, 84), f(95, 90)])?.index).toBe(87);
  });
});

describe('heat map cells', () => {
  it('shows office hours at least, stretched to every hour that has answers', () => {
    expect(hourRange([])).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const cells = [
      { weekday: 6, hour: 19, n: 3, satisfied: 3, rate: 100 },
      { weekday: 1, hour: 6, n: 0, satisfied: 0, rate: null },
    ];
    expect(hourRange(cells)[0]).toBe(7);
    expect(hourRange(cells).at(-1)).toBe(19);
  });

  it('colours volume by share of the busiest hour and rate by distance below 100, faintly when the cell is small', () => {
    expect(volumeLook(0, 200).strength).toBe(0);
    expect(volumeLook(200, 200).strength).toBe(1);
    expect(volumeLook(200, 200).ink).toBe('#ffffff');
    expect(rateLook(100, 100).strength).toBe(0);
    expect(rateLook(70, 100).strength).toBeCloseTo(1);
    expect(rateLook(85, 100).strength).toBeCloseTo(0.5);
    expect(rateLook(50, MIN_CELL_N - 1).strength).toBeLessThanOrEqual(0.2);
    expect(rateLook(null, 0).strength).toBe(0);
  });
});

describe('unit subtree', () => {
  it('is the unit and everything beneath it', () => {
    const u = (id: number, parentId: number | null): MetaUnit => ({ id, parentId, code: String(id), name: String(id), kind: 'ward' });
    const units = [u(1, null), u(2, 1), u(3, 2), u(4, 2), u(5, 1), u(6, null)];
    expect([...subtreeIds(units, 2)].sort()).toEqual([2, 3, 4]);
    expect(subtreeIds(units, 1).size).toBe(5);
  });
});

describe('rating levels on either scale', () => {
  it('shows the 3-level scale with its own words, and 2 and 3 as satisfied', () => {
    expect(shownLevels('scale3', 'vi').map((l) => [l.label, l.satisfied])).toEqual([
      ['1 · Không hài lòng', false],
      ['2 · Hài lòng', true],
      ['3 · Rất hài lòng', true],
    ]);
    expect(
      shownLevels('scale5', 'en')
        .filter((l) => l.satisfied)
        .map((l) => l.key),
    ).toEqual(['4', '5']);
  });

  it('reads a comment’s 2 as 2/3 Hài lòng (good) on the 3-level scale and 2/5 Không hài lòng (bad) on the 5-level', () => {
    expect([ratingOutOf(2, 'scale3'), ratingWords(2, 'scale3', 'vi'), ratingTone(2, 'scale3')]).toEqual(['2/3', 'Hài lòng', 'good']);
    expect([ratingOutOf(2, 'scale5'), ratingWords(2, 'scale5', 'vi'), ratingTone(2, 'scale5')]).toEqual(['2/5', 'Không hài lòng', 'bad']);
    expect([ratingTone(3, 'scale5'), ratingTone(1, 'scale3'), ratingTone(null, 'scale3')]).toEqual(['neutral', 'bad', 'none']);
  });

  it('the distribution’s satisfied share uses the row’s scale, also without the API’s satisfied count', () => {
    expect(satisfiedShare({ key: 'x', label: 'x', scale: 'scale3', counts: { '1': 1, '2': 2, '3': 1 }, total: 4 })).toBe(75);
    expect(satisfiedShare({ key: 'x', label: 'x', counts: { '1': 0, '2': 2, '3': 1, '4': 1, '5': 0 }, total: 4 })).toBe(25);
    expect(satisfiedShare({ key: 'x', label: 'x', scale: 'scale3', counts: {}, total: 0 })).toBeNull();
  });
});
