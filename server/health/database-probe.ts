import type { Kysely } from 'kysely';
import { pingDatabase } from '../../db/database-ping';
import type { Database } from '../../db/types';

export interface ProbeOptions {
  /** How long a probe waits for the database's answer. */
  timeoutMs?: number;
  /** How long an answer is reused, so health checks from many monitors cost one query. */
  reuseMs?: number;
  now?: () => number;
}

/**
 * Whether the database is reachable, asked at most once per `reuseMs`. A ping still unanswered
 * is waited on again rather than sent anew, so a frozen database ties up one connection for
 * health checks however often they come, and each check still answers within `timeoutMs`.
 */
export function createDatabaseProbe(db: Kysely<Database>, { timeoutMs = 2_000, reuseMs = 1_000, now = Date.now }: ProbeOptions = {}) {
  let last: { at: number; reachable: boolean } | undefined;
  let ping: Promise<boolean> | undefined;
  return async function databaseReachable(): Promise<boolean> {
    if (last && now() - last.at < reuseMs) return last.reachable;
    const current = (ping ??= pingDatabase(db).finally(() => {
      ping = undefined;
    }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const reachable = await Promise.race([current, late]).finally(() => clearTimeout(timer));
    last = { at: now(), reachable };
    return reachable;
  };
}
