import { REPORT_KINDS, reportPeriod, type ReportKind } from '../../surveys/periods';
import { isIsoDay } from '../../surveys/time';
import { choiceHolding } from '../dashboard/period-choice';

/**
 * Which report the reports page shows, read from and written to its query string so a report can
 * be bookmarked: a reporting period of a year (Decree 09/2019) or any two days, and a unit.
 */
/** `asOf`: the tree of that day (view=asOf); absent, today's units. */
type Choice = { unit?: number; asOf?: string };
export type ReportParams = ({ kind: ReportKind; year: number } | { kind: 'custom'; from: string; to: string }) & Choice;

const isReportKind = (s: string | null): s is ReportKind => (REPORT_KINDS as readonly (string | null)[]).includes(s);

/** The report period holding today (from 15 December a day already belongs to next year's reports). */
export function defaultReport(today: string): ReportParams {
  const c = choiceHolding('report', today, { from: today, to: today });
  return c.kind === 'report' ? { kind: c.report, year: c.year } : { kind: 'h1', year: Number(today.slice(0, 4)) };
}

export function reportFromQuery(search: string, today: string): ReportParams {
  const q = new URLSearchParams(search);
  const base = defaultReport(today);
  const unit = Number(q.get('unit'));
  const asOf = q.get('view') === 'asOf' ? q.get('asOf') : null;
  const withUnit = <P extends ReportParams>(p: P): P => ({
    ...p,
    ...(Number.isInteger(unit) && unit > 0 ? { unit } : {}),
    ...(isIsoDay(asOf) ? { asOf } : {}),
  });
  const kind = q.get('kind');
  if (kind === 'custom') {
    const from = q.get('from');
    const to = q.get('to');
    if (isIsoDay(from) && isIsoDay(to)) return withUnit(from <= to ? { kind, from, to } : { kind, from: to, to: from });
    const p = base.kind === 'custom' ? base : reportPeriod(base.kind, base.year);
    return withUnit({ kind, from: p.from, to: p.to });
  }
  const year = Number(q.get('year'));
  const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (isReportKind(kind)) return withUnit({ kind, year: validYear ? year : Number(today.slice(0, 4)) });
  return withUnit(base);
}

/** The query the API and the printable page take (no leading "?"), in a fixed order. */
export function reportToQuery(p: ReportParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ kind: p.kind });
  if (p.kind === 'custom') {
    q.set('from', p.from);
    q.set('to', p.to);
  } else q.set('year', String(p.year));
  if (p.unit !== undefined) q.set('unit', String(p.unit));
  if (p.asOf) {
    q.set('view', 'asOf');
    q.set('asOf', p.asOf);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The days a report covers, known before the server answers (shown beside the choice). */
export function reportRange(p: ReportParams): { from: string; to: string } {
  if (p.kind === 'custom') return { from: p.from, to: p.to };
  const r = reportPeriod(p.kind, p.year);
  return { from: r.from, to: r.to };
}
