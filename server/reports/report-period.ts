import { z } from 'zod';
import { REPORT_KINDS, reportLabel, reportPeriod, type Period } from '../../surveys/periods';
import { customPeriodPhrase } from '../../surveys/report-title';
import type { LocalizedText } from '../../surveys/localized-text';
import { daySchema } from '../../surveys/day-schema';
import { viewQuery } from '../http/stats-view';

/** Which period a report covers: a reporting period of a year, or any range of days. */
export const reportQuery = z
  .object({
    kind: z.enum([...REPORT_KINDS, 'custom']).default('h1'),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    unit: z.coerce.number().int().positive().optional(),
    lang: z.enum(['vi', 'en']).default('vi'),
    ...viewQuery,
  })
  .refine((q) => q.kind !== 'custom' || (q.from && q.to && q.from <= q.to), {
    message: 'a custom report needs "from" and "to", with "from" not after "to"',
    path: ['from'],
  })
  .refine((q) => q.kind === 'custom' || q.year !== undefined, { message: 'say which year the report is for', path: ['year'] });
export type ReportQuery = z.infer<typeof reportQuery>;

export interface ReportPeriodInfo extends Period {
  kind: ReportQuery['kind'];
  due?: string;
  /** What the report covers, as it follows "Báo cáo": "6 tháng đầu năm 2026", "từ ngày 01/02/2026 đến ngày 28/02/2026". */
  phrase: LocalizedText;
}

export function periodOfQuery(q: ReportQuery): ReportPeriodInfo {
  if (q.kind === 'custom') {
    const from = q.from!;
    const to = q.to!;
    const phrase = customPeriodPhrase(from, to);
    return { kind: 'custom', from, to, phrase, label: reportLabel(phrase) };
  }
  return reportPeriod(q.kind, q.year!);
}
