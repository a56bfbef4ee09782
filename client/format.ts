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
