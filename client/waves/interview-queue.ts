import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import type { Interview } from './waves-types';

/**
 * Interviews waiting for the server. Each is kept (in localStorage, so a reload or a closed tab
 * loses nothing) with the client key it was made with, and sent again with that same key until
 * the server says it has it: a retry after a lost answer is stored once, never twice.
 */
export type QueueStatus = 'pending' | 'retrying' | 'saved' | 'rejected';

export interface QueuedInterview {
  clientKey: string;
  /** 1, 2, 3… in the order entered on this device, for the confirmation list. */
  seq: number;
  interview: Interview;
  status: QueueStatus;
  /** The stored response's id, once saved. */
  id?: number;
  error?: LocalizedText;
}

export interface QueueDeps {
  waveId: number;
  send: (waveId: number, interview: Interview) => Promise<{ id: number }>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** Waits before a retry; setTimeout in the browser, a fake in tests. */
  schedule?: (run: () => void, ms: number) => void;
  onChange: (items: readonly QueuedInterview[]) => void;
}

const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

/** 8–64 of [A-Za-z0-9_-], as the server asks: the time, then 64 random bits. */
export function makeClientKey(now = Date.now(), random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const hex = [...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `iv-${now.toString(36)}-${hex}`;
}

/** A refusal no retry can fix (the answers or the unit are wrong), as opposed to a lost connection. */
function isFinal(err: unknown): boolean {
  return err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);
}

export function interviewQueue({
  waveId,
  send,
  storage = globalThis.localStorage,
  schedule = (f, ms) => void setTimeout(f, ms),
  onChange,
}: QueueDeps) {
  const key = `hailong.interviews.${waveId}`;
  let items: QueuedInterview[] = load();
  let sending = false;
  let failures = 0;
  let timerSet = false;

  function load(): QueuedInterview[] {
    try {
      const raw = storage?.getItem(key);
      const list = raw ? (JSON.parse(raw) as QueuedInterview[]) : [];
      // Anything not yet confirmed goes out again on this visit.
      return Array.isArray(list) ? list.map((q) => (q.status === 'rejected' ? q : { ...q, status: 'pending' as const })) : [];
    } catch {
      return [];
    }
  }

  function persist() {
    try {
      // Saved interviews are the server's now; only the unconfirmed ones need to survive a reload.
      storage?.setItem(key, JSON.stringify(items.filter((q) => q.status !== 'saved')));
    } catch {
      // Storage full or blocked: the queue still works for this visit.
    }
  }

  function update(clientKey: string, patch: Partial<QueuedInterview>) {
    items = items.map((q) => (q.clientKey === clientKey ? { ...q, ...patch } : q));
    persist();
    onChange(items);
  }

  async function flush(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      for (;;) {
        const nextItem = items.find((q) => q.status === 'pending' || q.status === 'retrying');
        if (!nextItem) break;
        try {
          const { id } = await send(waveId, nextItem.interview);
          failures = 0;
          update(nextItem.clientKey, { status: 'saved', id, error: undefined });
        } catch (err) {
          if (isFinal(err)) {
            update(nextItem.clientKey, { status: 'rejected', error: (err as ApiError).text });
            continue;
          }
          const text = err instanceof ApiError ? err.text : undefined;
          // Every waiting interview is marked, and one timer brings them all back.
          for (const q of items) if (q.status === 'pending') update(q.clientKey, { status: 'retrying', error: text });
          update(nextItem.clientKey, { status: 'retrying', error: text });
          later();
          break;
        }
      }
    } finally {
      sending = false;
    }
  }

  function later() {
    if (timerSet) return;
    timerSet = true;
    const ms = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
    failures++;
    schedule(() => {
      timerSet = false;
      void flush();
    }, ms);
  }

  return {
    get items(): readonly QueuedInterview[] {
      return items;
    },
    /** Queues one interview and sends it (after any still waiting, in order). */
    add(interview: Interview): Promise<void> {
      const seq = items.reduce((m, q) => Math.max(m, q.seq), 0) + 1;
      items = [...items, { clientKey: interview.clientKey, seq, interview, status: 'pending' }];
      persist();
      onChange(items);
      return flush();
    },
    /** Sends what is waiting now (a "retry" click, or the browser coming back online). */
    retry(): Promise<void> {
      items = items.map((q) => (q.status === 'retrying' ? { ...q, status: 'pending' as const } : q));
      onChange(items);
      return flush();
    },
    /** Drops a refused interview the interviewer has decided not to fix. */
    discard(clientKey: string): void {
      items = items.filter((q) => q.clientKey !== clientKey);
      persist();
      onChange(items);
    },
    /** Sends whatever an earlier visit left waiting. */
    resume: (): Promise<void> => flush(),
  };
}

export type InterviewQueue = ReturnType<typeof interviewQueue>;
