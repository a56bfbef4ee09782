import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { LOGIN_PATH } from '../app/links';
import { navigate } from '../app/router';
import { messageOf } from '../app/use-api';
import { problemsOf } from './import-file';
import type { FileProblem } from './problem-table';

/** What sending a sheet came to: the server's answer, the lines it refused, or why it failed. */
export type SheetOutcome<R> =
  { kind: 'done'; result: R } | { kind: 'rejected'; rows: number; problems: FileProblem[] } | { kind: 'error'; message: LocalizedText };

/**
 * Sends a sheet and says how it went: a 422 with per-line problems is a refused file (nothing was
 * written), an ended session goes back to the login page (null), anything else is a message.
 */
export async function sendSheet<R>(send: () => Promise<R>): Promise<SheetOutcome<R> | null> {
  try {
    return { kind: 'done', result: await send() };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      navigate(LOGIN_PATH, { replace: true });
      return null;
    }
    const problems = err instanceof ApiError && err.status === 422 ? problemsOf(err.body) : null;
    if (problems) return { kind: 'rejected', rows: Number(((err as ApiError).body as { rows?: number } | null)?.rows ?? 0), problems };
    return { kind: 'error', message: messageOf(err) };
  }
}

/** The file field of a sheet upload: CSV or Excel, one file. */
export function SheetFileInput({ label, testid, onFile }: { label: string; testid: string; onFile: (file: File | null) => void }) {
  return (
    <label>
      <span>{label}</span>
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
        required
        data-testid={testid}
      />
    </label>
  );
}
