import { z } from 'zod';

/**
 * The random key a client keeps for one submission, so a retry is stored once (and the key a
 * browser keeps for itself): 8–64 letters, digits, "-" or "_".
 */
export const CLIENT_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const isClientKey = (value: string) => CLIENT_KEY_PATTERN.test(value);

/** The field that carries such a key, its message naming the field. */
export function clientKeySchema(field = 'clientKey', base: z.ZodString = z.string()) {
  return base.regex(CLIENT_KEY_PATTERN, `${field} must be 8–64 letters, digits, "-" or "_"`);
}
