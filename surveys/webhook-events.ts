import { isOneOf } from './one-of';

/** What a tenant's webhook endpoint may hear of. */
export const WEBHOOK_EVENTS = ['case.opened', 'case.overdue', 'case.closed', 'alert.raised', 'report.ready'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const isWebhookEvent = isOneOf(WEBHOOK_EVENTS);

/**
 * Seconds to wait after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27 h
 * in all, so a receiver down for a whole day still gets the event). After the last one fails the
 * delivery is failed for good.
 */
export const RETRY_DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attempts` failed attempts; undefined when none are left. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | undefined {
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  return delay === undefined ? undefined : new Date(failedAt.getTime() + delay * 1000);
}

/** An endpoint this many failures in a row, or failing for a whole day, is switched off. */
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 20;
export const DISABLE_AFTER_FAILING_HOURS = 24;
