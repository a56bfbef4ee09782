import type { LocalizedText } from './localized-text';
import { dayStartUtc, localDay, VIETNAM_OFFSET_MS } from './time';

/**
 * Days and instants as an official writes them (docs/domain.md §7: Vietnam time): "02/12/2026" and
 * "02:28 ngày 02/12/2026" in Vietnamese, "2 Dec 2026" and "02:28, 2 Dec 2026" in English. Worked
 * out from the fixed +07:00 offset, like surveys/time.ts, so the server's own zone and ICU data
 * cannot change a printed date.
 */
type Lang = keyof LocalizedText;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The time zone every printed instant is in, said once beside it. */
export const VIETNAM_ZONE: LocalizedText = { vi: 'giờ Việt Nam, Asia/Ho_Chi_Minh', en: 'Vietnam time, Asia/Ho_Chi_Minh' };

/** A 'YYYY-MM-DD' day: "14/03/2026" / "14 Mar 2026". Anything else is returned as it is. */
export function displayDay(day: string, lang: Lang): string {
  let start: Date;
  try {
    start = dayStartUtc(day);
  } catch {
    return day;
  }
  const [y, m, d] = localDay(start).split('-') as [string, string, string];
  return lang === 'vi' ? `${d}/${m}/${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

/** Two days, both included: "15/12/2025 – 14/06/2026". */
export function displayRange(from: string, to: string, lang: Lang): string {
  return `${displayDay(from, lang)} – ${displayDay(to, lang)}`;
}

/** An instant in Vietnam time: "02:28 ngày 02/12/2026" / "02:28, 2 Dec 2026". */
export function displayInstant(instant: Date | string, lang: Lang): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const hm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const day = displayDay(localDay(date), lang);
  return lang === 'vi' ? `${hm} ngày ${day}` : `${hm}, ${day}`;
}

/**
 * The date of an official document, as Decree 30/2020/NĐ-CP writes it after the place: "ngày 03
 * tháng 12 năm 2026". Days below 10 and the months 1 and 2 take a leading zero ("tháng 02"), the
 * other months none ("tháng 3"), so a date cannot be altered by adding a digit.
 */
export function documentDate(instant: Date): string {
  const [y, m, d] = localDay(instant).split('-') as [string, string, string];
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}
