import { describe, expect, it } from 'vitest';
import {
  currentPlanYear,
  planYears,
  reasonProblem,
  targetChanges,
  targetInForce,
  targetLines,
  targetProblem,
  type PlanRow,
} from '../../surveys/plan-targets';
import { isSectorCodeShape } from '../../surveys/sectors';

const rows: PlanRow[] = [
  { sector_code: '_overall', year: 2024, target: 90 },
  { sector_code: 'land', year: 2024, target: 85 },
  { sector_code: 'land', year: 2026, target: 88 },
  { sector_code: 'fire_safety', year: 2026, target: 80 },
];

describe('targetInForce (docs/domain.md §2)', () => {
  it('takes the latest plan year up to the year asked, per sector', () => {
    expect(targetInForce(rows, 'land', 2025)).toEqual({ target: 85, fromYear: 2024, source: 'plan' });
    expect(targetInForce(rows, 'land', 2026)).toEqual({ target: 88, fromYear: 2026, source: 'plan' });
    expect(targetInForce(rows, 'land', 2030)).toEqual({ target: 88, fromYear: 2026, source: 'plan' });
  });

  it('falls back to the built-in default before any plan row, with no plan year', () => {
    expect(targetInForce(rows, 'land', 2023)).toEqual({ target: 85, fromYear: null, source: 'default' });
    expect(targetInForce(rows, 'health', 2026)).toEqual({ target: 85, fromYear: null, source: 'default' });
    expect(targetInForce(rows, '_overall', 2023)).toEqual({ target: 90, fromYear: null, source: 'default' });
  });

  it('gives a sector of the tenant’s own without a row the overall target in force', () => {
    expect(targetInForce(rows, 'markets', 2025)).toEqual({ target: 90, fromYear: 2024, source: 'overall' });
    expect(targetInForce(rows, 'markets', 2023)).toEqual({ target: 90, fromYear: null, source: 'default' });
    expect(targetInForce(rows, 'fire_safety', 2025)).toEqual({ target: 90, fromYear: 2024, source: 'overall' });
    expect(targetInForce(rows, 'fire_safety', 2026)).toEqual({ target: 80, fromYear: 2026, source: 'plan' });
  });
});

describe('targetLines and planYears', () => {
  it('lists overall first, then plan order, the tenant’s own last', () => {
    const lines = targetLines(
      rows,
      [
        { code: 'fire_safety', name: { vi: 'PCCC', en: 'Fire safety' }, isLocal: true },
        { code: 'other', name: { vi: 'Khác', en: 'Other' }, isLocal: false },
        { code: 'land', name: { vi: 'Đất đai', en: 'Land' }, isLocal: false },
      ],
      2026,
    );
    expect(lines.map((l) => [l.sector, l.target])).toEqual([
      ['_overall', 90],
      ['land', 88],
      ['other', 90],
      ['fire_safety', 80],
    ]);
    expect(planYears(rows)).toEqual([2024, 2026]);
  });
});

describe('the checks of a change', () => {
  it('accepts (0, 100] with at most one decimal', () => {
    for (const ok of [0.1, 1, 85, 87.5, 99.9, 100]) expect(targetProblem(ok), String(ok)).toBeUndefined();
    for (const bad of [0, -1, 100.1, 101, 87.25, Number.NaN, Infinity, '85', null]) expect(targetProblem(bad), String(bad)).toBeDefined();
  });

  it('asks a reason of at least 10 characters for a past year only', () => {
    expect(reasonProblem(2025, 2026, undefined)?.en).toContain('2025 is past');
    expect(reasonProblem(2025, 2026, '   short   ')).toBeDefined();
    expect(reasonProblem(2025, 2026, 'Kế hoạch điều chỉnh')).toBeUndefined();
    expect(reasonProblem(2026, 2026, undefined)).toBeUndefined();
    expect(reasonProblem(2027, 2026, undefined)).toBeUndefined();
  });

  it('keeps only the values that differ from those in force, the last of repeats winning', () => {
    expect(
      targetChanges(rows, 2026, [
        { sector: 'land', target: 88 },
        { sector: 'health', target: 86 },
        { sector: 'markets', target: 70 },
        { sector: 'markets', target: 90 },
      ]),
    ).toEqual([{ sector: 'health', from: 85, to: 86 }]);
  });

  it('reads the plan year in Vietnam: 31 December 17:00 UTC is already 1 January there', () => {
    expect(currentPlanYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(currentPlanYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('knows a sector code’s shape', () => {
    for (const ok of ['land', 'fire_safety', 'a1']) expect(isSectorCodeShape(ok)).toBe(true);
    for (const bad of ['_overall', 'Land', 'a', '1abc', 'fire-safety', 'x'.repeat(33), 5]) expect(isSectorCodeShape(bad)).toBe(false);
  });
});
