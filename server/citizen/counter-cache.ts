import type { Kysely } from 'kysely';
import { counterGeneration } from '../../db/counter-changes';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import type { Database } from '../../db/types';

/** How long another process's edit of a counter may go unseen here. */
export const COUNTER_CACHE_TTL_MS = 5_000;

/** Enough for every counter of a national deployment; junk codes cannot grow it without bound. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  counter: Promise<T | undefined>;
  generation: number;
  expiresAt: number;
  refreshing?: boolean;
  /** Its counter was read (or carried over from a good entry): it may stand in for a failed reload. */
  good?: boolean;
}

export interface CounterCacheOptions {
  ttlMs?: number;
  now?: () => number;
}

/**
 * Every scan of a QR code asks for the same few counters and their survey version: three queries
 * that dominate the citizen page's time. They are kept for a few seconds per process (one cache per
 * app, so apps over different databases never meet). An edit in this process empties the cache at
 * once (see db/counter-changes.ts); one in another process shows within the time-to-live. Unknown
 * codes are remembered too, so a scanner trying codes does not reach the database for each try.
 * Cached counters are shared between requests: read them, never change them.
 *
 * When the database fails (a restart, an outage), a code read before keeps its last good value,
 * however old, and the reload is tried again after each time-to-live: the form still opens, and
 * the phone keeps the answer until the database takes it.
 */
export function createCounterCache(db: Kysely<Database>, options: CounterCacheOptions = {}) {
  return createCodeCache<ActiveCounter>((code) => findActiveCounter(db, code), options);
}

/**
 * The same cache for anything else the citizen page reads by counter code (a retired counter's
 * date): dropped on every counter edit of this process, kept for the time-to-live otherwise.
 */
export function createCodeCache<T>(
  find: (code: string) => Promise<T | undefined>,
  { ttlMs = COUNTER_CACHE_TTL_MS, now = Date.now }: CounterCacheOptions = {},
) {
  const entries = new Map<string, Entry<T>>();

  function load(code: string, generation: number, at: number, previous?: Entry<T>): Entry<T> {
    const query = find(code);
    const fallback = previous?.good ? previous : undefined;
    const entry: Entry<T> = { counter: fallback ? query.catch(() => fallback.counter) : query, generation, expiresAt: at + ttlMs };
    entry.counter.then(
      () => (entry.good = true),
      // A failed query with nothing to fall back on is not remembered: the next request tries again.
      () => {
        if (entries.get(code) === entry) entries.delete(code);
      },
    );
    return entry;
  }

  return function activeCounter(code: string): Promise<T | undefined> {
    // Taken before the query: data read after this moment is never kept past its time-to-live,
    // and an edit landing while the query runs makes the entry stale at once.
    const generation = counterGeneration();
    const at = now();
    const hit = entries.get(code);
    if (hit && hit.generation === generation && hit.expiresAt > at) {
      // In the last fifth of its life an entry is reloaded in the background, so a counter
      // scanned all day never makes a request wait for the database.
      if (!hit.refreshing && hit.expiresAt - at < ttlMs / 5) {
        hit.refreshing = true;
        const next = load(code, generation, at, hit);
        Promise.all([hit.counter, next.counter]).then(
          ([before, after]) => {
            if (entries.get(code) !== hit) return;
            // Unchanged, as it nearly always is: the same object stays, and with it the pages
            // rendered from it (see survey-form-page.tsx), which are not rendered again.
            // (A failed reload gives the value before, so the entry lives on unchanged too.)
            entries.set(code, JSON.stringify(before) === JSON.stringify(after) ? { ...next, counter: hit.counter, good: true } : next);
          },
          () => {},
        );
      }
      return hit.counter;
    }

    if (hit) entries.delete(code);
    else if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    const entry = load(code, generation, at, hit);
    entries.set(code, entry);
    return entry.counter;
  };
}
