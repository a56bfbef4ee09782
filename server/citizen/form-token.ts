import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed one-time form token: which counter the form was served for, when, and a nonce that
 * becomes the stored response's token id (so a token can be used once). Stateless to issue,
 * so serving the form never writes to the database.
 */
export interface FormToken {
  counterId: number;
  issuedAt: number;
  nonce: string;
}

const b64 = (buf: Buffer) => buf.toString('base64url');

function sign(payload: string, secret: string): string {
  return b64(createHmac('sha256', secret).update(payload).digest());
}

export function issueFormToken(secret: string, counterId: number, now = Date.now()): string {
  const payload = b64(Buffer.from(JSON.stringify({ c: counterId, t: now, n: b64(randomBytes(12)) })));
  return `${payload}.${sign(payload, secret)}`;
}

export type TokenCheck =
  { ok: true; token: FormToken } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'other_counter' };

export function checkFormToken(secret: string, raw: string, counterId: number, ttlMinutes: number, now = Date.now()): TokenCheck {
  const [payload, signature, extra] = raw.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  let data: { c?: unknown; t?: unknown; n?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof data.c !== 'number' || typeof data.t !== 'number' || typeof data.n !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  if (data.c !== counterId) return { ok: false, reason: 'other_counter' };
  if (now - data.t > ttlMinutes * 60_000 || data.t - now > 60_000) return { ok: false, reason: 'expired' };
  return { ok: true, token: { counterId: data.c, issuedAt: data.t, nonce: data.n } };
}
