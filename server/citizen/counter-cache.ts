import type { Kysely } from 'kysely';
import { counterGeneration } from '../../db/counter-changes';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import type { Database } from '../../db/types';

/** How long another process's edit of a counter may go unseen here. */
export const COUNTER_CACHE_TTL_MS = 5_000;

/** Enough for every counter of a national deployment; junk codes cannot grow it without bound. */
const MAX_ENTRIES = 10_000;

interface Entry {
  counter: Promise<ActiveCounter | undefined>;
  generation: number;
  expiresAt: number;
  refreshing?: boolean;
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
 */
export function createCounterCache(db: Kysely<Database>, { ttlMs = COUNTER_CACHE_TTL_MS, now = Date.now }: CounterCacheOptions = {}) {
  const entries = new Map<string, Entry>();

  function load(code: string, generation: number, at: number): Entry {
    const entry: Entry = { counter: findActiveCounter(db, code), generation, expiresAt: at + ttlMs };
    // A failed query is not remembered: the next request tries again.
    entry.counter.catch(() => {
      if (entries.get(code) === entry) entries.delete(code);
    });
    return entry;
  }

  return function activeCounter(code: string): Promise<ActiveCounter | undefined> {
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
        const next = load(code, generation, at);
        Promise.all([hit.counter, next.counter]).then(
          ([before, after]) => {
            if (entries.get(code) !== hit) return;
            // Unchanged, as it nearly always is: the same object stays, and with it the pages
            // rendered from it (see survey-form-page.tsx), which are not rendered again.
            entries.set(code, JSON.stringify(before) === JSON.stringify(after) ? { ...next, counter: hit.counter } : next);
          },
          () => {},
        );
      }
      return hit.counter;
    }

    if (hit) entries.delete(code);
    else if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    const entry = load(code, generation, at);
    entries.set(code, entry);
    return entry.counter;
  };
}
