import { describe, expect, it } from 'vitest';
import { choiceHolding, choiceOf, rangeOf, yearOptions } from '../../client/dashboard/period-choice';

describe('the period picker reads from/to back as a kind of period', () => {
  it('recognises months, quarters, years and the report periods of Decree 09/2019', () => {
    expect(choiceOf('2026-02-01', '2026-02-28')).toEqual({ kind: 'month', year: 2026, month: 2 });
    expect(choiceOf('2026-04-01', '2026-06-30')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(choiceOf('2026-01-01', '2026-12-31')).toEqual({ kind: 'year', year: 2026 });
    expect(choiceOf('2025-12-15', '2026-03-14')).toEqual({ kind: 'report', year: 2026, report: 'q1' });
    expect(choiceOf('2025-12-15', '2026-06-14')).toEqual({ kind: 'report', year: 2026, report: 'h1' });
    expect(choiceOf('2026-06-15', '2026-09-14')).toEqual({ kind: 'report', year: 2026, report: 'q3' });
    expect(choiceOf('2025-12-15', '2026-09-14')).toEqual({ kind: 'report', year: 2026, report: 'm9' });
    expect(choiceOf('2025-12-15', '2026-12-14')).toEqual({ kind: 'report', year: 2026, report: 'year' });
  });

  it('calls anything else a custom range', () => {
    expect(choiceOf('2026-01-01', '2026-11-22')).toEqual({ kind: 'custom', from: '2026-01-01', to: '2026-11-22' });
    expect(choiceOf('2026-02-02', '2026-02-28').kind).toBe('custom');
  });

  it('turns each choice into the days the API takes', () => {
    expect(rangeOf({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(rangeOf({ kind: 'report', year: 2026, report: 'q3' })).toEqual({ from: '2026-06-15', to: '2026-09-14' });
    for (const from of ['2026-03-01', '2025-12-15']) {
      const c = choiceOf(from, '2026-03-14');
      expect(rangeOf(c)).toEqual({ from, to: '2026-03-14' });
    }
  });

  it('switching kind lands on the period of that kind holding the current end day', () => {
    const current = { from: '2026-03-01', to: '2026-03-31' };
    expect(choiceHolding('quarter', '2026-03-31', current)).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(choiceHolding('month', '2026-08-05', current)).toEqual({ kind: 'month', year: 2026, month: 8 });
    // 31 March is after the Quarter I cut-off (14 March): the shortest report holding it is the 6-month one.
    expect(choiceHolding('report', '2026-03-31', current)).toEqual({ kind: 'report', year: 2026, report: 'h1' });
    expect(choiceHolding('report', '2026-07-01', current)).toEqual({ kind: 'report', year: 2026, report: 'q3' });
    // From 15 December a day belongs to next year's reports.
    expect(choiceHolding('report', '2026-12-20', current)).toEqual({ kind: 'report', year: 2027, report: 'q1' });
    expect(choiceHolding('custom', '2026-03-31', current)).toEqual({ kind: 'custom', ...current });
  });

  it('offers recent years and keeps an older year from a shared link', () => {
    expect(yearOptions(2026, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
    expect(yearOptions(2026, 2019)).toContain(2019);
  });
});
