import { useState } from 'preact/hooks';
import { ApiError } from './api';
import type { LocalizedText } from './api-types';
import { LOGIN_PATH } from './links';
import { navigate } from './router';
import { messageOf } from './use-api';

/**
 * One write at a time for a form: busy while it runs, the server's refusal (kept in both languages,
 * 409 "not from this state" included) or a short note of success. An expired session goes to login.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [done, setDone] = useState<LocalizedText | null>(null);
  const run = async <T>(work: () => Promise<T>, success?: LocalizedText): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await work();
      if (success) setDone(success);
      return result;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
      else setError(messageOf(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run, setError, setDone };
}
