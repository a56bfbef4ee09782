import type { LocalizedText } from './localized-text';
import { addDays, isIsoDay } from './time';

/**
 * Periods analysts and reports use: plain calendar periods, and the reporting periods of
 * Decree 09/2019/NĐ-CP, which cut data from the 15th of the month before a period to the 14th of
 * its last month (docs/domain.md §7). Days are inclusive, Vietnam time, 'YYYY-MM-DD'.
 */
export const REPORT_KINDS = ['q1', 'h1', 'q3', 'm9', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface Period {
  from: string;
  to: string;
  label: LocalizedText;
}

export interface ReportPeriod extends Period {
  kind: ReportKind;
  year: number;
  /** The date the report is due (the city plan asks for it by the period's last day). */
  due: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return {
    from: day(year, month, 1),
    to: day(year, month, lastDayOfMonth(year, month)),
    label: { vi: `Tháng ${month}/${year}`, en: `${year}-${pad(month)}` },
  };
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const last = quarter * 3;
  return {
    from: day(year, last - 2, 1),
    to: day(year, last, lastDayOfMonth(year, last)),
    label: { vi: `Quý ${ROMAN[quarter - 1]}/${year}`, en: `Q${quarter} ${year}` },
  };
}

export function yearPeriod(year: number): Period {
  return { from: day(year, 1, 1), to: day(year, 12, 31), label: { vi: `Năm ${year}`, en: `Year ${year}` } };
}

const REPORTS: Record<ReportKind, LocalizedText & { start: [number, number]; end: [number, number] }> = {
  // start: [month, yearOffset]; end: [month, yearOffset]; days are always the 15th and the 14th.
  q1: { start: [12, -1], end: [3, 0], vi: 'Báo cáo quý I', en: 'Quarter I report' },
  h1: { start: [12, -1], end: [6, 0], vi: 'Báo cáo 6 tháng', en: '6-month report' },
  q3: { start: [6, 0], end: [9, 0], vi: 'Báo cáo quý III', en: 'Quarter III report' },
  m9: { start: [12, -1], end: [9, 0], vi: 'Báo cáo 9 tháng', en: '9-month report' },
  year: { start: [12, -1], end: [12, 0], vi: 'Báo cáo năm', en: 'Annual report' },
};

export function reportPeriod(kind: ReportKind, year: number): ReportPeriod {
  const r = REPORTS[kind];
  const to = day(year + r.end[1], r.end[0], 14);
  return {
    kind,
    year,
    from: day(year + r.start[1], r.start[0], 15),
    to,
    due: to,
    label: { vi: `${r.vi} năm ${year}`, en: `${r.en} ${year}` },
  };
}

/** The period of the same length just before this one, for "compared with the previous period". */
export function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  if (!isIsoDay(p.from) || !isIsoDay(p.to)) throw new RangeError('periods are YYYY-MM-DD days');
  const length = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** The year of the plan a period is judged under: the year its last day falls in. */
export function planYearOf(p: { to: string }): number {
  return Number(p.to.slice(0, 4));
}
