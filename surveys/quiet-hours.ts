/** Vietnam has one offset all year (UTC+7, no summer time). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** Whether `at` lies in the quiet hours [from, to) in Vietnam time; the window may cross midnight (21 → 7). */
export function inQuietHours(at: Date, from: number | null, to: number | null): boolean {
  if (from === null || to === null || from === to) return false;
  const h = vietnamHour(at);
  return from < to ? h >= from && h < to : h >= from || h < to;
}

/** The start of the Vietnam-local day `at` falls in. */
export function vietnamDayStart(at: Date): Date {
  const local = at.getTime() + VIETNAM_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - VIETNAM_OFFSET_MS);
}

/** A digest goes out once a day from this Vietnam hour, with what was found before that day began. */
export const DIGEST_HOUR = 7;

export function digestDue(now: Date, oldestFound: Date): boolean {
  return vietnamHour(now) >= DIGEST_HOUR && oldestFound < vietnamDayStart(now);
}
