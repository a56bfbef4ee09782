import { describe, expect, it } from 'vitest';
import { monthPeriod, planYearOf, previousPeriod, quarterPeriod, reportPeriod, yearPeriod } from '../../surveys/periods';

describe('calendar periods', () => {
  it('cover whole months, quarters and years, leap days included', () => {
    expect(monthPeriod(2024, 2)).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod(2026, 2)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(quarterPeriod(2026, 2)).toMatchObject({ from: '2026-04-01', to: '2026-06-30', label: { vi: 'Quý II/2026' } });
    expect(quarterPeriod(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(yearPeriod(2026)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('reporting periods (Decree 09/2019: from the 15th of the month before to the 14th)', () => {
  it('follow the city plan calendar of docs/domain.md §7', () => {
    expect(reportPeriod('q1', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-03-14', due: '2026-03-14' });
    expect(reportPeriod('h1', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-06-14', due: '2026-06-14' });
    expect(reportPeriod('q3', 2026)).toMatchObject({ from: '2026-06-15', to: '2026-09-14', due: '2026-09-14' });
    expect(reportPeriod('m9', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-09-14' });
    expect(reportPeriod('year', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-12-14', due: '2026-12-14' });
    expect(reportPeriod('h1', 2026).label.vi).toBe('Báo cáo 6 tháng đầu năm 2026');
  });

  it('judge a period by the plan of the year it ends in', () => {
    expect(planYearOf(reportPeriod('year', 2026))).toBe(2026);
    expect(planYearOf(reportPeriod('q1', 2026))).toBe(2026);
  });
});

describe('the previous period', () => {
  it('has the same length and ends the day before', () => {
    // March has 31 days: the 31 days before 1 March 2026 start on 29 January.
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    // Reporting Q1 2026 (90 days) against the 90 days before it
    expect(previousPeriod({ from: '2025-12-15', to: '2026-03-14' })).toEqual({ from: '2025-09-16', to: '2025-12-14' });
    expect(() => previousPeriod({ from: '2026-13-01', to: '2026-01-01' })).toThrow(RangeError);
  });
});
