import type { Index766, Ratio } from './index-766';
import { isOneOf } from './one-of';

/**
 * Reconciliation with the national portal (dichvucong.gov.vn): the figure the portal shows for a
 * unit and period beside hailong's own, and the dossiers that explain the gap (README,
 * "Reconciliation").
 */
export const PORTAL_INDICATORS = ['r1', 'r2', 'r3', 'online'] as const;
export type PortalIndicator = (typeof PORTAL_INDICATORS)[number];
export const isPortalIndicator = isOneOf(PORTAL_INDICATORS);

/** An indicator as a sheet writes it: R1, r2, R3, online, "Trực tuyến" (any case). */
export function indicatorOfWord(word: string): PortalIndicator | null {
  const w = word.normalize('NFC').trim().toLowerCase();
  if (w === 'trực tuyến' || w === 'truc tuyen') return 'online';
  return isPortalIndicator(w) ? w : null;
}

/** A percentage as typed: 85,3 or 85.3 (a trailing % allowed) → 85.3; null unless 0–100. */
export function portalValueOf(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 && input <= 100 ? input : null;
  const text = input.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text)) return null;
  const n = Number(text);
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * Why a dossier of the period may count differently on the portal, each read from the outcome
 * flags stored with it: overdue, rated "không hài lòng", complained about, unrated (satisfied by
 * hailong's rule), open (received in the period, not finished: counted nowhere yet), and for the
 * complaint ratios a complaint answered late or whose answer did not satisfy.
 */
export const RECONCILIATION_REASONS = [
  'overdue',
  'unsatisfied',
  'complained',
  'unrated',
  'open',
  'complaint_late',
  'complaint_unsatisfied',
] as const;
export type ReconciliationReason = (typeof RECONCILIATION_REASONS)[number];
export const isReconciliationReason = isOneOf(RECONCILIATION_REASONS);

/** hailong's ratio for an indicator (the online rate as a ratio of satisfied to online dossiers). */
export function ratioOf(index: Index766, indicator: PortalIndicator): Ratio {
  if (indicator === 'online') return { numerator: index.online.satisfied, denominator: index.online.n, value: index.online.rate };
  return index[indicator];
}

export interface FailedCounts {
  /** Failed by hailong's count: denominator − numerator. */
  hailong: number;
  /** What the portal's figure implies over the same denominator: round((1 − portal/100) × denominator). */
  portal: number;
  /** portal − hailong: "the portal counts 12 more failed dossiers" when positive. */
  more: number;
}

export interface Comparison {
  /** hailong − portal in percentage points; null when hailong has nothing to count. */
  difference: number | null;
  failed: FailedCounts | null;
}

export function comparison(portal: number, hailong: Ratio): Comparison {
  if (hailong.value === null || hailong.denominator === 0) return { difference: null, failed: null };
  const failedHere = hailong.denominator - hailong.numerator;
  const failedThere = Math.round((1 - portal / 100) * hailong.denominator);
  return {
    difference: hailong.value - portal,
    failed: { hailong: failedHere, portal: failedThere, more: failedThere - failedHere },
  };
}
