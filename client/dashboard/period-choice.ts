import { monthPeriod, quarterPeriod, REPORT_KINDS, reportPeriod, yearPeriod, type ReportKind } from '../../surveys/periods';

/**
 * What the period picker shows. The URL keeps only from/to (what the API takes), so the picker
 * works out which kind of period those two days are — a month, a quarter, a year, a report period
 * of Decree 09/2019 — and anything else is a custom range.
 */
export type PeriodChoice =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'report'; year: number; report: ReportKind }
  | { kind: 'custom'; from: string; to: string };

export type PeriodKind = PeriodChoice['kind'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'report', 'custom'];

const QUARTERS = [1, 2, 3, 4] as const;

export function rangeOf(choice: PeriodChoice): { from: string; to: string } {
  const pick = ({ from, to }: { from: string; to: string }) => ({ from, to });
  switch (choice.kind) {
    case 'month':
      return pick(monthPeriod(choice.year, choice.month));
    case 'quarter':
      return pick(quarterPeriod(choice.year, choice.quarter));
    case 'year':
      return pick(yearPeriod(choice.year));
    case 'report':
      return pick(reportPeriod(choice.report, choice.year));
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/** The named period these two days are exactly, or a custom range. */
export function choiceOf(from: string, to: string): PeriodChoice {
  const year = Number(to.slice(0, 4));
  const same = (c: PeriodChoice) => {
    const r = rangeOf(c);
    return r.from === from && r.to === to;
  };
  const month = Number(to.slice(5, 7));
  const candidates: PeriodChoice[] = [
    { kind: 'month', year, month },
    ...QUARTERS.map((quarter): PeriodChoice => ({ kind: 'quarter', year, quarter })),
    { kind: 'year', year },
    ...REPORT_KINDS.map((report): PeriodChoice => ({ kind: 'report', year, report })),
  ];
  return candidates.find(same) ?? { kind: 'custom', from, to };
}

/**
 * The period of a kind that holds the given day, used when the analyst switches kind: from
 * "March 2026" to "quarter" lands on Quarter I 2026, not on some fixed default. For reports, the
 * shortest one holding the day; from 15 December a day belongs to next year's reports.
 */
export function choiceHolding(kind: PeriodKind, day: string, current: { from: string; to: string }): PeriodChoice {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case 'year':
      return { kind, year };
    case 'report': {
      const reportYear = day.slice(5) >= '12-15' ? year + 1 : year;
      const order: ReportKind[] = ['q1', 'q3', 'h1', 'm9', 'year'];
      const report =
        order.find((r) => {
          const p = reportPeriod(r, reportYear);
          return p.from <= day && day <= p.to;
        }) ?? 'year';
      return { kind, year: reportYear, report };
    }
    case 'custom':
      return { kind, from: current.from, to: current.to };
  }
}

/** Years the picker offers: a few back from this one, and any year already in the URL. */
export function yearOptions(thisYear: number, chosen: number, back = 4): number[] {
  const years = new Set<number>();
  for (let y = thisYear + 1; y >= thisYear - back; y--) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => b - a);
}
