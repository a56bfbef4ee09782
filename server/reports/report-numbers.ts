import { shownRate } from '../../surveys/rate-precision';

/** A number in Vietnamese format ("1.234", "85,3"), with exactly `digits` decimals when given. */
export const viNumber = (v: number, digits?: number) =>
  new Intl.NumberFormat('vi-VN', digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

/**
 * A rate as the report prints it, "85,3 %" (no-break space), its decimals from
 * surveys/rate-precision.ts so it reads on its true side of the target; "—" for no rate.
 * The same text as the Word tables (docxRate), so a chart and its table agree.
 */
export const viRate = (rate: number | null, target: number | null) => {
  if (rate === null) return '—';
  const s = shownRate(rate, target);
  return `${viNumber(s.value, s.digits)}\u00a0%`;
};
