import { createHmac } from 'node:crypto';

/**
 * A keyed hash of an address or a browser key that changes every day: two answers from the same
 * sender on the same day match, so bursts show; nothing links days, and without the secret the
 * hash cannot be turned back into an address. Raw addresses are never stored.
 */
export function sourceHash(secret: string, day: string, kind: 'origin' | 'device', value: string | null): string | null {
  if (!value) return null;
  return createHmac('sha256', secret).update(`${kind}|${day}|${value}`).digest('base64url').slice(0, 22);
}
