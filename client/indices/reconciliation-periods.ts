import type { LocalizedText } from '../app/api-types';
import { monthPeriod, quarterPeriod, REPORT_KINDS, reportPeriod, yearPeriod } from '../../surveys/periods';

export interface PeriodOption {
  key: string;
  from: string;
  to: string;
  label: LocalizedText;
  group: 'months' | 'quarters' | 'reports' | 'year';
}

/** The periods the portal publishes for a year, from the reporting calendar: months, quarters, Decree 09 reports, the year. */
export function periodOptions(year: number): PeriodOption[] {
  const months = Array.from({ length: 12 }, (_, i) => ({ ...monthPeriod(year, i + 1), key: `m${i + 1}`, group: 'months' as const }));
  const quarters = ([1, 2, 3, 4] as const).map((q) => ({ ...quarterPeriod(year, q), key: `q${q}`, group: 'quarters' as const }));
  const reports = REPORT_KINDS.map((k) => ({ ...reportPeriod(k, year), key: `r-${k}`, group: 'reports' as const }));
  const whole = { ...yearPeriod(year), key: 'year', group: 'year' as const };
  return [...months, ...quarters, ...reports, whole].map(({ key, from, to, label, group }) => ({ key, from, to, label, group }));
}

/** What the table shows for a year: every figure whose period ends in it (a report period starts on 15 December before). */
export const yearRange = (year: number) => ({ from: `${year - 1}-12-15`, to: `${year}-12-31` });
