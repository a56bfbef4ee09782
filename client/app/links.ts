import { caseFilterToQuery, type CaseFilter } from '../admin/admin-helpers';
import { auditFilterToQuery, type AuditFilter } from '../audit/audit-filter';
import { filterToQuery, type Filter } from '../dashboard/filter';
import { reportToQuery, type ReportParams } from '../reports/report-query';
import type { Lang } from './i18n';
import { navigate, type NavKey, type PageKey } from './router';

/**
 * Every address the app writes: its own pages under /app/ (router.ts reads them back), the files
 * and printable pages it links to, and the API paths with a query. A query joins its path here
 * and nowhere else, so no link is built by hand.
 */
export const BASE = '/app/';
export const LOGIN_PATH = `${BASE}login`;

/** A path and its query (no leading "?"; undefined values left out); an empty query leaves the path bare. */
export function withQuery(path: string, query: string | Record<string, string | number | undefined>): string {
  const q =
    typeof query === 'string'
      ? query
      : new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return q ? `${path}?${q}` : path;
}

// The app's own pages.

export function pagePath(page: NavKey): string {
  return page === 'overview' ? BASE : `${BASE}${page}`;
}
export const pageLink = (page: NavKey, query = '') => withQuery(pagePath(page), query);
/** A page that follows the dashboard filter (an analysis page, or the exports), showing `filter`. */
export const filterLink = (page: PageKey | 'exports', filter: Filter) => pageLink(page, filterToQuery(filter));
export const reportsLink = (report: ReportParams) => pageLink('reports', reportToQuery(report));
export const casesLink = (filter: CaseFilter) => pageLink('cases', caseFilterToQuery(filter));
export const casePath = (id: number) => `${BASE}cases/${id}`;
export const auditLink = (filter: AuditFilter) => pageLink('audit', auditFilterToQuery(filter));
export const wavePath = (id: number, entry = false) => `${BASE}waves/${id}${entry ? '/entry' : ''}`;
export const NEW_WAVE_PATH = `${BASE}waves/new`;
export const surveyPath = (key: string) => `${BASE}surveys/${key}`;

/** The same page without a unit or counter chosen (the account's whole scope); the start page when none was. */
export function withoutUnit(pathname: string, search: string): string {
  const q = new URLSearchParams(search);
  if (!q.has('unit') && !q.has('counter')) return BASE;
  q.delete('unit');
  q.delete('counter');
  return withQuery(pathname, q.toString());
}

/**
 * A link's click: a plain left click moves inside the app without reloading it; with Ctrl, ⌘ or
 * Shift, or another button, the browser does what it always does (a new tab, a new window).
 */
export function followLink(href: string, go: (href: string) => void = navigate) {
  return (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(href);
  };
}

// Files and printable pages, served beside the app.

export const EXPORT_FORMATS = ['csv', 'xlsx', 'sav', 'codebook'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORT_PATHS: Record<ExportFormat, string> = {
  csv: '/api/exports/responses.csv',
  xlsx: '/api/exports/responses.xlsx',
  sav: '/api/exports/responses.sav',
  codebook: '/api/exports/codebook.json',
};

/** The export of a filter; the CSV options only go where they mean something, and only when on. */
export function exportUrl(
  format: ExportFormat,
  filter: Filter,
  csv: { labels: boolean; codes: boolean } = { labels: false, codes: false },
): string {
  const extra: Record<string, string> = {};
  if (format === 'csv' && csv.labels) extra.labels = '1';
  if (format === 'csv' && csv.codes) extra.codes = '1';
  return withQuery(EXPORT_PATHS[format], filterToQuery(filter, extra));
}

/** A plain link, not a fetch: the browser streams the download and keeps memory flat. */
export const csvExportUrl = (filter: Filter) => exportUrl('csv', filter);
/** The codebook as a page to read (the JSON one is an export format). */
export const codebookPageUrl = (filter: Filter) => withQuery('/exports/codebook', filterToQuery(filter));
export const printableReportUrl = (report: ReportParams, lang: Lang) => withQuery('/reports/print', reportToQuery(report, { lang }));
export const reportExcelUrl = (report: ReportParams) => withQuery('/api/reports/report.xlsx', reportToQuery(report));
/** The Word report to sign, with the document's number when one is given ("Số: 12/BC-UBND"). */
export const reportWordUrl = (report: ReportParams, number?: string) =>
  withQuery('/api/reports/report.docx', reportToQuery(report, number ? { number } : {}));
