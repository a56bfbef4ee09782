import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as its holder keeps it: `hl_<prefix>_<secret>`. The prefix (8 hex characters) names
 * the key in lists and logs and finds its row; the secret (32 random bytes, base64url) is shown
 * once and only its SHA-256 is stored.
 *
 * A plain SHA-256 is enough here, unlike a password: 256 random bits cannot be guessed from the
 * hash however fast the guessing, so a slow hash (scrypt) would only slow every machine request.
 */
const KEY_PATTERN = /^hl_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewKeySecret {
  prefix: string;
  /** The whole key, for the one answer that shows it. */
  key: string;
  secretHash: string;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newKeySecret(): NewKeySecret {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, key: `hl_${prefix}_${secret}`, secretHash: hashSecret(secret) };
}

/** The prefix and secret of a key as sent, or undefined when it is not shaped like one. */
export function parseKey(key: string): { prefix: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : undefined;
}

/** Whether the secret matches the stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
