import type { Kysely } from 'kysely';
import { databaseAnswers } from '../../db/database-ping';

export interface ProbeOptions {
  /** How long a probe waits for the database's answer. */
  timeoutMs?: number;
  /** How long an answer is reused, so health checks from many monitors cost one query. */
  reuseMs?: number;
  now?: () => number;
}

/**
 * Whether the database is reachable, asked at most once per `reuseMs` and never twice at once: a
 * frozen database ties up at most one connection for health checks, however often they come.
 */
export function createDatabaseProbe(db: Kysely<any>, { timeoutMs = 2_000, reuseMs = 1_000, now = Date.now }: ProbeOptions = {}) {
  let last: { at: number; reachable: boolean } | undefined;
  let pending: Promise<boolean> | undefined;
  return async function databaseReachable(): Promise<boolean> {
    if (last && now() - last.at < reuseMs) return last.reachable;
    pending ??= databaseAnswers(db, timeoutMs).then((reachable) => {
      last = { at: now(), reachable };
      pending = undefined;
      return reachable;
    });
    return pending;
  };
}
