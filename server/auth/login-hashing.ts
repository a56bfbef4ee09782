import type { LoginHashing } from '../context';
import { createHashSlots } from './hash-slots';
import { SCRYPT_THREADS, verifyPassword } from './password';

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
