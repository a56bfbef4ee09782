import { createHashSlots, type HashSlots } from './hash-slots';
import { verifyPassword } from './password';

/** How logins check passwords: the bound on hashes at once, and the check itself. */
export interface LoginHashing {
  slots: HashSlots;
  verify(password: string, stored: string): Promise<boolean>;
}

/** What the app may be given beside its database and settings. */
export interface LoginHashingOption {
  /** Default: defaultLoginHashing() (tests pass their own to count the hashes). */
  loginHashing?: LoginHashing;
}

/**
 * Two hashes at once (a hailong process typically has two cores, shared with PostgreSQL) and eight
 * waiting, which wait a second at most; the ninth waiting login is refused with 503 at once.
 * Officials log in a few times a day: this is about 12 checks a second per process, far more than
 * they need, while a flood can take at most two of libuv's four threads and 64 MiB.
 */
export const LOGIN_HASH_CONCURRENCY = 2;
export const LOGIN_HASH_QUEUE = 8;

export function defaultLoginHashing(): LoginHashing {
  return { slots: createHashSlots({ concurrency: LOGIN_HASH_CONCURRENCY, queue: LOGIN_HASH_QUEUE }), verify: verifyPassword };
}
