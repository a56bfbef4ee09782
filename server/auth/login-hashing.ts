import { createHashSlots, type HashSlots } from './hash-slots';
import { SCRYPT_THREADS, verifyPassword } from './password';

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
 * As many logins checked at once as there are hashing threads, and eight more waiting (a second or
 * two); the next is refused with 503 at once. Officials log in a few times a day: several checks a
 * second per process is far more than they need, while a flood holds at most two threads at low
 * priority, 64 MiB of scrypt memory, and ten places in the database's queue.
 */
export const LOGIN_HASH_CONCURRENCY = SCRYPT_THREADS;
export const LOGIN_HASH_QUEUE = 8;

export function defaultLoginHashing(): LoginHashing {
  return { slots: createHashSlots({ concurrency: LOGIN_HASH_CONCURRENCY, queue: LOGIN_HASH_QUEUE }), verify: verifyPassword };
}
