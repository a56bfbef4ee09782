import { dayStartUtc, isIsoDay, VIETNAM_OFFSET_MS } from './time';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A time as one-stop systems and their sheets write it: ISO 8601 with an offset or Z
 * (`2026-03-02T08:15:00+07:00`), or a Vietnam-local time `2026-03-02 08:15[:00]` or `02/03/2026 08:15`.
 * A date alone is the start of that day for `start`, its last millisecond for `end` (a due date
 * "05/03/2026" means by the end of 5 March). Null when the text is none of these.
 */
export function parseDossierTime(text: string, dateOnly: 'start' | 'end' = 'start'): Date | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const parts = iso
    ? { y: iso[1]!, m: iso[2]!, d: iso[3]!, hh: iso[4], mm: iso[5], ss: iso[6] }
    : vn
      ? { y: vn[3]!, m: vn[2]!.padStart(2, '0'), d: vn[1]!.padStart(2, '0'), hh: vn[4], mm: vn[5], ss: vn[6] }
      : null;
  if (!parts) return null;
  const day = `${parts.y}-${parts.m}-${parts.d}`;
  if (!isIsoDay(day)) return null;
  const start = dayStartUtc(day).getTime();
  if (parts.hh === undefined) return new Date(dateOnly === 'start' ? start : start + DAY_MS - 1);
  const [hh, mm, ss] = [Number(parts.hh), Number(parts.mm), Number(parts.ss ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return new Date(start + ((hh * 60 + mm) * 60 + ss) * 1000);
}

/** Vietnam-local 'YYYY-MM-DD HH:mm' of an instant, as sheets show it. */
export function localDateTime(date: Date): string {
  const d = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
