import { filterToQuery, type Filter } from '../dashboard/filter';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'sav', 'codebook'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const PATHS: Record<ExportFormat, string> = {
  csv: '/api/exports/responses.csv',
  xlsx: '/api/exports/responses.xlsx',
  sav: '/api/exports/responses.sav',
  codebook: '/api/exports/codebook.json',
};

/** The export of a filter; the CSV options only go where they mean something, and only when on. */
export function exportUrl(format: ExportFormat, filter: Filter, csv: { labels: boolean; codes: boolean } = { labels: false, codes: false }): string {
  const extra: Record<string, string> = {};
  if (format === 'csv' && csv.labels) extra.labels = '1';
  if (format === 'csv' && csv.codes) extra.codes = '1';
  return `${PATHS[format]}?${filterToQuery(filter, extra)}`;
}
