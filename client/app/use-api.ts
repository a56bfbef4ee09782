import { useEffect, useState } from 'preact/hooks';
import { ApiError, NETWORK_ERROR } from './api';
import type { LocalizedText } from './api-types';
import { LOGIN_PATH } from './links';
import { navigate } from './router';

/** An error carries the refusal's status when there was one (a 403 says what to do instead of "try again"). */
export type Load<T> = { kind: 'loading' } | { kind: 'error'; message: LocalizedText; status?: number } | { kind: 'ready'; data: T };

export const messageOf = (err: unknown): LocalizedText => (err instanceof ApiError ? err.text : NETWORK_ERROR);

/**
 * One API read for a page: re-run whenever `key` (the query string) changes, with a retry.
 * A slower answer to an older filter never overwrites a newer one; an expired session goes to
 * the login page instead of showing an error nobody can act on.
 */
export function useApi<T>(fetcher: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    fetcher()
      .then((data) => current && setState({ kind: 'ready', data }))
      .catch((err: unknown) => {
        if (!current) return;
        if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
        else setState({ kind: 'error', message: messageOf(err), ...(err instanceof ApiError ? { status: err.status } : {}) });
      });
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
