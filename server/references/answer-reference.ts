import { createHmac } from 'node:crypto';

/**
 * The reference a citizen is given for an answer (and the complaint case it may open), in place
 * of the answer's sequential id, which would tell how many answers an office gets and let anyone
 * guess the next one. Derived, not stored: HMAC-SHA256 of the tenant and response id under the
 * server's secret, so it needs no column or migration, is the same on the thank-you page with or
 * without JavaScript, for a replayed submission and on the case page, and cannot be computed or
 * guessed without the secret. 50 bits in 10 Crockford base32 characters (no I, L, O, U: nothing
 * to misread over the phone), shown as two groups of five: with ten million answers, a made-up
 * reference matches a real one about once in a hundred million tries. Changing HAILONG_SECRET
 * changes every reference, as it already voids every served form.
 */
export function answerReference(secret: string, tenantId: number, responseId: number): string {
  const digest = createHmac('sha256', secret).update(`answer-reference|${tenantId}|${responseId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n; // 56 bits read, 50 kept
  let out = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_LENGTH = 10;

/** What a reference looks like, e.g. `K7M2Q-9XH4T`. */
export const ANSWER_REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
