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
