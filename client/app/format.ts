import { displayDay } from '../../surveys/date-display';
import { shownRate } from '../../surveys/rate-precision';
import type { Lang } from './i18n';

/**
 * Numbers as Vietnamese readers write them: decimal comma, dot for thousands, and a space before
 * "%" ("87,5 %"). English gets "87.5%". The space is a plain one so tests and copy-paste see
 * what they expect; CSS keeps figures from wrapping. Every number the app shows goes through
 * this module: no toFixed, String(number) or hand-made "%" in the pages.
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

/** A number with a fixed count of decimals in the reader's notation: "1,25" / "1.25" (weights, sample sizes). */
export function formatDecimal(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, digits, digits).format(value);
}

/** A bare percent number with one decimal ("87,5"), for ranges and axis-free places. */
export function formatPercentNumber(value: number, lang: Lang, digits = 1): string {
  return formatDecimal(value, lang, digits);
}

function withPercentSign(text: string, lang: Lang): string {
  return lang === 'vi' ? `${text} %` : `${text}%`;
}

/** A percentage (0..100), one decimal unless told: "87,5 %" / "87.5%"; a share of complaints "67 %". */
export function formatPercent(value: number | null, lang: Lang, digits = 1): string {
  return value === null ? NO_VALUE : withPercentSign(formatPercentNumber(value, lang, digits), lang);
}

/**
 * A rate beside its target: one decimal, or as many (up to three) as it takes for the figure to
 * read on the same side of the target as the rate (surveys/rate-precision.ts): 89.95 against 90
 * is "89,95 %", never "90,0 %" beside "Không đạt".
 */
export function formatRate(value: number | null, target: number | null, lang: Lang): string {
  if (value === null) return NO_VALUE;
  const shown = shownRate(value, target);
  return withPercentSign(formatDecimal(shown.value, lang, shown.digits), lang);
}

/**
 * A change against the period before, signed: "+12 %", "−8 %"; from +100 % on, as a multiple
 * ("gấp 11,6 lần" / "11.6 times"), which reads at a glance where "+1.056 %" does not.
 */
export function formatChange(changePercent: number, lang: Lang): string {
  if (changePercent >= 100) {
    const times = formatDecimal(1 + changePercent / 100, lang, 1);
    return lang === 'vi' ? `gấp ${times} lần` : `${times} times`;
  }
  const sign = changePercent > 0 ? '+' : changePercent < 0 ? '\u2212' : '';
  return `${sign}${formatPercent(Math.abs(changePercent), lang, 0)}`;
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

/** A 'YYYY-MM-DD' day as people write it: "14/03/2026" in Vietnamese, "14 Mar 2026" in English (the report's rule too). */
export function formatDay(day: string, lang: Lang): string {
  return displayDay(day, lang);
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
