import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { preparedName } from './prepared-statements';
import { throttledLog } from './throttled-log';

/** How long the database may take before hailong gives up and answers "try again" (milliseconds). */
export interface DbTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement of request work (the session's statement_timeout). */
  statementMs: number;
  /** Waiting for a lock (lock_timeout): a partition being created, a row another batch holds. */
  lockMs: number;
  /** A transaction left open with nothing sent (a frozen or stuck hailong process holding locks). */
  idleInTransactionMs: number;
  /** Migrations, daily upkeep, imports and COPY exports, on a pool of their own; 0: no limit. */
  longStatementMs: number;
}

/**
 * The client gives a statement this much longer than the server does, so a live server's own
 * timeout (a clean error, the connection kept) comes first, and only a server that stopped
 * answering altogether (statement_timeout never fires in a stopped process) reaches the client's.
 */
export const CLIENT_TIMEOUT_GRACE_MS = 2_000;

const READ_TIMEOUT = /^Query read timeout$/;

/**
 * A pg pool whose connections may die at any moment without taking the process with them: a
 * connection lost while idle is reported on the pool, one lost while checked out (mid-query, held
 * by a transaction or a COPY) on its client; without listeners either 'error' event would end the
 * process. Either way pg-pool discards the connection and opens a new one when next needed.
 */
export function createPgPool(name: string, config: pg.PoolConfig, log: (line: string) => void = console.error): pg.Pool {
  const pool = new pg.Pool(config);
  const note = throttledLog(log, 5_000);
  // Every connection also reports on its client (below), so this listener only keeps the process alive.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', (error) =>
      note(`PostgreSQL (${name} pool): a connection failed (${error.message}); it is discarded and a new one opens when needed`),
    );
  });
  return pool;
}

/** Session settings by name, as PostgreSQL takes them (`-c name=value`, or `set_config(name, value, true)`). */
export type SessionSettings = Record<string, string>;

/** The settings as `-c name=value` startup options, for a direct connection. */
export function startupOptions(settings: SessionSettings): string {
  return Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

const BEGINS_TRANSACTION = /^\s*(begin|start\s+transaction)\b/i;

/**
 * The pool as Kysely's dialect takes it, with three additions. A connection whose query ran into the
 * client-side timeout is discarded, not reused: that query is still in flight on it (the server
 * stopped answering), so a reused connection would make the next query wait behind it; later
 * queries on the same checkout (Kysely's rollback) fail at once instead of waiting again.
 *
 * And, through a pooler in transaction mode (`inTransaction` given), the session settings that a
 * direct connection gets once as startup options are set again at the start of every transaction
 * with `set_config(…, true)` (SET LOCAL): the pooler hands each transaction whichever server
 * connection is free, so nothing set on a session may be relied on past its transaction.
 *
 * Directly connected, a statement marked `prepared` (db/prepared-statements.ts) is sent under its
 * name, so each connection parses and plans it once; through a pooler it is sent as any other.
 */
export function discardingTimedOut(pool: pg.Pool, inTransaction?: SessionSettings): PostgresPool {
  const local = inTransaction && Object.keys(inTransaction).length > 0 ? localSettingsStatement(inTransaction) : undefined;
  return {
    async connect() {
      const client = await pool.connect();
      let timedOut: Error | undefined;
      const query = async (sql: string, parameters: ReadonlyArray<unknown>) => {
        if (timedOut) throw timedOut;
        try {
          const name = inTransaction ? undefined : preparedName(sql);
          const result = name
            ? await client.query({ name, text: sql, values: parameters as unknown[] })
            : await client.query(sql, parameters as unknown[]);
          if (local && BEGINS_TRANSACTION.test(sql)) await client.query(local.text, local.values);
          return result;
        } catch (error) {
          if (error instanceof Error && READ_TIMEOUT.test(error.message)) timedOut = error;
          throw error;
        }
      };
      return { query: query as unknown as PostgresPoolClient['query'], release: () => client.release(timedOut) };
    },
    end: () => pool.end(),
  };
}

/** One statement setting every one of these for the current transaction only. */
export function localSettingsStatement(settings: SessionSettings): { text: string; values: string[] } {
  const entries = Object.entries(settings);
  const calls = entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`);
  return { text: `select ${calls.join(', ')}`, values: entries.flat() };
}

/**
 * The client timeouts of a pool for request work or for long work, and its timeout settings
 * (0, no limit, is sent too, so a limit set on the role or the database does not apply in its place).
 */
export function timeoutSettings(
  timeouts: DbTimeouts | undefined,
  kind: 'request' | 'long',
): { client: pg.PoolConfig; settings: SessionSettings } {
  if (!timeouts) return { client: {}, settings: {} };
  const statementMs = kind === 'request' ? timeouts.statementMs : timeouts.longStatementMs;
  const settings = {
    statement_timeout: statementMs,
    // Long work (a migration) may wait for a lock as long as it may run.
    lock_timeout: kind === 'request' ? timeouts.lockMs : statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  };
  return {
    client: {
      connectionTimeoutMillis: timeouts.connectMs,
      // A COPY streams for as long as its download takes: no client-side cut for long work.
      ...(kind === 'request' ? { query_timeout: statementMs + CLIENT_TIMEOUT_GRACE_MS } : {}),
    },
    settings: Object.fromEntries(Object.entries(settings).map(([name, ms]) => [name, String(Math.round(ms))])),
  };
}
