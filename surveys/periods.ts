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
  /** What the report covers, to follow "Báo cáo" or a title's subject: "6 tháng đầu năm 2026". */
  phrase: LocalizedText;
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

/**
 * What each report is called, as a phrase that follows "Báo cáo" (report) or "kết quả … " in a
 * title: "6 tháng đầu năm 2026", never "Báo cáo năm năm 2026". `{y}` is the year.
 */
const REPORTS: Record<ReportKind, { phrase: LocalizedText; start: [number, number]; end: [number, number] }> = {
  // start: [month, yearOffset]; end: [month, yearOffset]; days are always the 15th and the 14th.
  q1: { start: [12, -1], end: [3, 0], phrase: { vi: 'quý I năm {y}', en: 'Quarter I {y}' } },
  h1: { start: [12, -1], end: [6, 0], phrase: { vi: '6 tháng đầu năm {y}', en: 'the first 6 months of {y}' } },
  q3: { start: [6, 0], end: [9, 0], phrase: { vi: 'quý III năm {y}', en: 'Quarter III {y}' } },
  m9: { start: [12, -1], end: [9, 0], phrase: { vi: '9 tháng đầu năm {y}', en: 'the first 9 months of {y}' } },
  year: { start: [12, -1], end: [12, 0], phrase: { vi: 'năm {y}', en: 'the year {y}' } },
};

/** "Báo cáo 6 tháng đầu năm 2026" / "Report for the first 6 months of 2026", from the period's phrase. */
export function reportLabel(phrase: LocalizedText): LocalizedText {
  return { vi: `Báo cáo ${phrase.vi}`, en: `Report for ${phrase.en}` };
}

export function reportPeriod(kind: ReportKind, year: number): ReportPeriod {
  const r = REPORTS[kind];
  const to = day(year + r.end[1], r.end[0], 14);
  const phrase = { vi: r.phrase.vi.replace('{y}', String(year)), en: r.phrase.en.replace('{y}', String(year)) };
  return {
    kind,
    year,
    from: day(year + r.start[1], r.start[0], 15),
    to,
    due: to,
    phrase,
    label: reportLabel(phrase),
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
