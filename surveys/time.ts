/**
 * Periods are cut in Vietnam's local time. Asia/Ho_Chi_Minh is UTC+7 all year (no DST since 1975),
 * so a fixed offset is exact and avoids depending on the ICU data of whichever Node runs this.
 */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function shifted(date: Date): Date {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return new Date(t + VIETNAM_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the instant in Vietnam. */
export function localDay(date: Date): string {
  const d = shifted(date);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM' of the instant in Vietnam. */
export function localMonth(date: Date): string {
  return localDay(date).slice(0, 7);
}

/** A real calendar day written 'YYYY-MM-DD' (rejects 2023-02-30). */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo - 1, d);
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The instant 00:00 (+07:00) of a Vietnamese calendar day; a day's span is [start, start of next day). */
export function dayStartUtc(day: string): Date {
  if (!isIsoDay(day)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const probe = new Date(0);
  probe.setUTCFullYear(y, m - 1, d); // Date.UTC maps years 0–99 to 1900s; setUTCFullYear does not.
  return new Date(probe.getTime() - VIETNAM_OFFSET_MS);
}

/** The calendar day n days after (or before, n < 0) the given one. */
export function addDays(day: string, n: number): string {
  return localDay(new Date(dayStartUtc(day).getTime() + n * DAY_MS));
}

/** The 'YYYY-MM' month n months after (or before, n < 0) the given one. */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Every 'YYYY-MM' month from `from` to `to`, both included (empty when to < from). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The whole calendar months inside the days [from, to], as [first day, first day after), or
 * null when no month fits whole: what monthly rollups can answer, the rest is read by day.
 */
export function wholeMonthsWithin(from: string, to: string): { from: string; until: string } | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const afterLast = addDays(to, 1).endsWith('-01') ? addMonths(to.slice(0, 7), 1) : to.slice(0, 7);
  return first < afterLast ? { from: `${first}-01`, until: `${afterLast}-01` } : null;
}
