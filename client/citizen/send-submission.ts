import type { PendingSubmission } from './pending-store';

import type { LocalizedText } from '../../surveys/localized-text';

export type { LocalizedText };

export type SendResult =
  /** Stored (or found stored): the reference to show, and what the case it opened means. */
  | { outcome: 'stored'; reference: string; caseMessage: LocalizedText | null }
  /**
   * No connection, or the server could not take it now (`busy`: it answered, e.g. 503 while its
   * database restarts, or 429 `paced` within a kiosk's pause, and asked to wait
   * `retryAfterSeconds`): keep it and try again then.
   */
  | { outcome: 'later'; busy?: { retryAfterSeconds: number; paced?: boolean } }
  /** The answers need fixing: let the server show the form with its messages. */
  | { outcome: 'invalid' }
  /** Refused for good (dossier already rated, form used by another answer…), with the reason. */
  | { outcome: 'refused'; message: LocalizedText | null };

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

interface ErrorBody {
  message?: LocalizedText;
  fields?: Record<string, LocalizedText>;
}
interface StoredBody {
  reference?: string;
  case?: { message: LocalizedText } | null;
}

const DEFAULT_RETRY_AFTER_SECONDS = 30;

function busy(res: Response, paced = false): SendResult {
  const seconds = Number(res.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
  return { outcome: 'later', busy: paced ? { retryAfterSeconds, paced } : { retryAfterSeconds } };
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
    let body = (await res.json().catch(() => ({}))) as ErrorBody & StoredBody;
    if ((res.status === 422 || res.status === 409) && body.fields?._token) {
      const fresh = await fetchFn(item.url, { headers: { accept: 'application/json' } });
      if (!fresh.ok) return fresh.status >= 500 ? busy(fresh) : { outcome: 'later' };
      item.body.token = ((await fresh.json()) as { token: string }).token;
      res = await post(fetchFn, item);
      body = (await res.json().catch(() => ({}))) as ErrorBody & StoredBody;
    }
    if (res.status === 200 || res.status === 201) {
      return { outcome: 'stored', reference: String(body.reference ?? ''), caseMessage: body.case?.message ?? null };
    }
    if (res.status === 422) return { outcome: 'invalid' };
    // A kiosk answer within the tablet's pause: nothing was stored, the same answer is taken after it.
    if (res.status === 429) return busy(res, true);
    if (res.status >= 500 || res.status === 408) return busy(res);
    return { outcome: 'refused', message: body.message ?? null };
  } catch {
    return { outcome: 'later' };
  }
}
