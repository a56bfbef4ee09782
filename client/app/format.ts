import type { Lang } from './i18n';

/**
 * Numbers as Vietnamese readers write them: decimal comma, dot for thousands, and a space before
 * "%" ("87,5 %"). English gets "87.5%". The space is a plain one so tests and copy-paste see
 * what they expect; CSS keeps figures from wrapping.
 */
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}:${minDigits}:${maxDigits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    cache.set(key, f);
  }
  return f;
}

/** Shown where there is no figure (no valid answers, no interval). */
export const NO_VALUE = '—';

export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, 0, 0).format(n);
}

/** A bare percent number with one decimal ("87,5"), for ranges and axis-free places. */
export function formatPercentNumber(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, digits, digits).format(value);
}

function withPercentSign(text: string, lang: Lang): string {
  return lang === 'vi' ? `${text} %` : `${text}%`;
}

/** A rate already in percent (0..100), one decimal: "87,5 %" / "87.5%". */
export function formatPercent(value: number | null, lang: Lang): string {
  return value === null ? NO_VALUE : withPercentSign(formatPercentNumber(value, lang), lang);
}

/** A target: whole numbers stay whole ("90 %"), a plan may set "92,5 %". */
export function formatTarget(value: number, lang: Lang): string {
  return withPercentSign(numberFormat(lang, 0, 1).format(value), lang);
}

/** A 95% interval, percent: "82,1 – 91,3 %". */
export function formatInterval(interval: { low: number; high: number } | null, lang: Lang): string {
  if (!interval) return NO_VALUE;
  const range = `${formatPercentNumber(interval.low, lang)} – ${formatPercentNumber(interval.high, lang)}`;
  return withPercentSign(range, lang);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${lang}:${key}`;
  let f = dayFormats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], options);
    dayFormats.set(id, f);
  }
  return f;
}

/** A 'YYYY-MM-DD' day as people write it: "14/03/2026" in Vietnamese, "14 Mar 2026" in English. */
export function formatDay(day: string, lang: Lang): string {
  // Read as noon UTC and shown in UTC, so no time zone can move it to the day before.
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    lang === 'vi'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(lang, options, 'day').format(date);
}

/** A 'YYYY-MM' month: "Tháng 3/2026" / "Mar 2026". */
export function formatMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  if (lang === 'vi') return `Tháng ${m}/${y}`;
  return dateFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }, 'month').format(new Date(Date.UTC(y, m - 1, 15)));
}

/** An instant, in Vietnam time whatever the device's zone: "14/03/2026 09:05". */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(
    lang,
    { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' },
    'datetime',
  ).format(date);
}

/** A change in points, always signed: "+2,5" / "−3,1" (a real minus sign, easier to read). */
export function formatPoints(value: number, lang: Lang): string {
  const text = formatPercentNumber(Math.abs(value), lang);
  return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
}

/** A size as people read it: "512 B", "48,2 KB", "1,3 MB" (1 KB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatCount(bytes, lang)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${numberFormat(lang, 1, 1).format(value)} ${units[i]}`;
}
