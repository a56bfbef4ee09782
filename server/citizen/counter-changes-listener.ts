import { COUNTER_CHANNEL, noteCounterChange } from '../../db/counter-changes';
import type { DbHandle } from '../../db/create-db';
import type { Listener } from '../../db/listen-connection';

/**
 * Keeps this process's citizen-page caches in step with every other process on the database:
 * a counter edit anywhere is announced on COUNTER_CHANNEL in its transaction (db/counter-changes.ts)
 * and, when heard here, drops the cache, as an edit made here does. A reload is three keyed
 * queries, so the whole cache goes rather than the one entry the payload names. When the listening
 * connection was lost and comes back, notifications sent meanwhile are gone: the cache is dropped
 * then too. On PGlite (one process per data folder) there is no other process to hear.
 */
export async function listenForCounterChanges(handle: DbHandle, log: (line: string) => void): Promise<Listener | undefined> {
  return handle.listen?.(COUNTER_CHANNEL, {
    onNotify: () => noteCounterChange(),
    onReconnect: () => noteCounterChange(),
    log,
  });
}
