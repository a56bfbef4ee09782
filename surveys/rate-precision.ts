import { meetsTarget } from './statistics';

/**
 * How precisely a rate is shown beside its target. One decimal, unless rounding to one decimal
 * would put the figure on the other side of the target from the rate itself: 89.95 % against
 * 90 % would read "90,0 %" and look met while it is not, so it is shown "89,95 %". Met rates that
 * round down onto the target (90.04 → "90,0 %") stay at one decimal: at the target is met. Up to
 * three decimals; a rate still on the wrong side at three (89.9996) is cut towards its own side
 * ("89,999 %") rather than rounded across the target. The report, the dashboard and the Excel
 * files all take their decimals from here.
 */
export const RATE_DIGITS = 1;
export const MAX_RATE_DIGITS = 3;

/**
 * Half up on the decimal the rate stands for, as a spreadsheet rounds it (89.995 → 90.00), not on
 * its binary double (which toFixed would round down to 89.99): the page and the Excel file agree.
 */
const roundTo = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
};

/** The rate as it is to be shown, and with how many decimals, so that it reads on its true side of the target. */
export function shownRate(rate: number, target: number | null): { value: number; digits: number } {
  if (target === null || !Number.isFinite(rate)) return { value: roundTo(rate, RATE_DIGITS), digits: RATE_DIGITS };
  const met = meetsTarget(rate, target);
  for (let digits = RATE_DIGITS; digits <= MAX_RATE_DIGITS; digits++) {
    const value = roundTo(rate, digits);
    if (meetsTarget(value, target) === met) return { value, digits };
  }
  const scale = 10 ** MAX_RATE_DIGITS;
  // Only a rate below the target can round up onto it; cut it down instead.
  return { value: Math.floor(rate * scale) / scale, digits: MAX_RATE_DIGITS };
}

/** The decimals alone, for a spreadsheet's number format. */
export function rateDigits(rate: number | null, target: number | null): number {
  return rate === null ? RATE_DIGITS : shownRate(rate, target).digits;
}
