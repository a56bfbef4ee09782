/**
 * Answers not yet acknowledged by the server, kept in the browser's storage so that nothing is
 * lost to a dropped connection or a closed tab. Keyed by client key: the server stores a client
 * key once, so sending an entry twice is harmless.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PendingSubmission {
  /** Where to POST it: the counter's form URL. */
  url: string;
  body: { clientKey: string; token: string; [field: string]: unknown };
  savedAt: number;
}

const KEY = 'hailong.pending';

export function loadPending(store: KeyValueStore): PendingSubmission[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingSubmission[]) : [];
  } catch {
    return [];
  }
}

function save(store: KeyValueStore, items: PendingSubmission[]) {
  store.setItem(KEY, JSON.stringify(items));
}

export function addPending(store: KeyValueStore, item: PendingSubmission) {
  const others = loadPending(store).filter((p) => p.body.clientKey !== item.body.clientKey);
  save(store, [...others, item]);
}

export function removePending(store: KeyValueStore, clientKey: string) {
  save(
    store,
    loadPending(store).filter((p) => p.body.clientKey !== clientKey),
  );
}
