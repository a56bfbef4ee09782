import type { PendingSubmission } from './pending-store';

import type { LocalizedText } from '../../surveys/localized-text';

export type { LocalizedText };

export type SendResult =
  | { outcome: 'stored'; id: number }
  /**
   * No connection, or the server could not take it now (`busy`: it answered, e.g. 503 while its
   * database restarts, and asked to wait `retryAfterSeconds`): keep it and try again later.
   */
  | { outcome: 'later'; busy?: { retryAfterSeconds: number } }
  /** The answers need fixing: let the server show the form with its messages. */
  | { outcome: 'invalid' }
  /** Refused for good (dossier already rated, kiosk too soon…), with the reason. */
  | { outcome: 'refused'; message: LocalizedText | null };

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

interface ErrorBody {
  message?: LocalizedText;
  fields?: Record<string, LocalizedText>;
}

const DEFAULT_RETRY_AFTER_SECONDS = 30;

function busy(res: Response): SendResult {
  const seconds = Number(res.headers.get('retry-after'));
  return { outcome: 'later', busy: { retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS } };
}

async function post(fetchFn: Fetch, item: PendingSubmission): Promise<Response> {
  return fetchFn(item.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(item.body),
  });
}

/**
 * Sends one kept answer. A form token that expired or was spent while the answer waited (a page
 * from the offline cache, a long outage) is renewed once and the answer sent again with the same
 * client key, so it is still stored exactly once.
 */
export async function sendSubmission(item: PendingSubmission, fetchFn: Fetch): Promise<SendResult> {
  try {
    let res = await post(fetchFn, item);
    let body = (await res.json().catch(() => ({}))) as ErrorBody & { id?: number };
    if ((res.status === 422 || res.status === 409) && body.fields?._token) {
      const fresh = await fetchFn(item.url, { headers: { accept: 'application/json' } });
      if (!fresh.ok) return fresh.status >= 500 ? busy(fresh) : { outcome: 'later' };
      item.body.token = ((await fresh.json()) as { token: string }).token;
      res = await post(fetchFn, item);
      body = (await res.json().catch(() => ({}))) as ErrorBody & { id?: number };
    }
    if (res.status === 200 || res.status === 201) return { outcome: 'stored', id: Number(body.id) };
    if (res.status === 422) return { outcome: 'invalid' };
    if (res.status >= 500 || res.status === 408) return busy(res);
    return { outcome: 'refused', message: body.message ?? null };
  } catch {
    return { outcome: 'later' };
  }
}
