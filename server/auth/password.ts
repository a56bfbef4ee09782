import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createScryptThreads } from './scrypt-threads';

// scrypt is memory-hard: N=2^15, r=8 needs 32 MiB per guess, which is what makes offline
// guessing expensive. Parameters are stored in the hash so they can be raised later.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** Hashes running at once in this process, whoever asks (logins are rationed before: login-hashing.ts). */
export const SCRYPT_THREADS = 2;
const threads = createScryptThreads(SCRYPT_THREADS);

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return threads.scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password a person can read out and type: 16 characters, about 95 bits. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
