import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import { lockDataDir } from './data-dir-lock';
import { listenForNotifications, type Listener, type ListenHandlers } from './listen-connection';
import { createPgPool, discardingTimedOut, startupOptions, timeoutSettings, type DbTimeouts, type SessionSettings } from './pg-pools';
import type { Database } from './types';

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  /** For submissions and admin changes. */
  dbWrite: Kysely<Database>;
  /**
   * For dashboards, stats, reports, exports and public results: a pool on the read replica when
   * one is configured (HAILONG_READ_DATABASE_URL), which may be a few seconds behind; otherwise
   * the same pool as dbWrite. Never for what must see a write just made (logins, sessions, token
   * checks, an administrator's list after an edit): those read dbWrite.
   */
  dbRead: Kysely<Database>;
  /** dbRead is a pool of its own on another server (a replica), not dbWrite. */
  readReplica: boolean;
  /**
   * For the submission writer only: on PostgreSQL a pool of its own, so group commits never queue
   * behind the reads of a peak (on PGlite, the one session).
   */
  dbIngest: Kysely<Database>;
  /**
   * For work that may rightly run long: migrations, daily upkeep, imports. With timeouts set, on
   * PostgreSQL a small pool of its own under the long statement timeout; otherwise dbWrite.
   */
  dbLong: Kysely<Database>;
  kind: DbKind;
  /**
   * PostgreSQL only: runs one `COPY … TO STDOUT` on a connection of its own and streams its bytes,
   * read only as fast as the consumer takes them. The connection goes back to the pool when the
   * stream ends; destroyed part-way, the connection is closed instead (it is still mid-COPY).
   * Runs with the session settings of the pools (JIT and parallel workers off), on the long-work
   * pool when timeouts are set (a download may take as long as the person's connection needs), of
   * the read replica when one is configured (it reads what dbRead reads).
   */
  copyOut?(statement: string): Promise<CopyToStreamQuery>;
  /**
   * PostgreSQL only: LISTENs on a channel over a direct connection of its own (never through a
   * transaction-mode pooler), reconnecting when it is lost; `onReconnect` is told each time, since
   * notifications sent while it was away are lost. On PGlite (one process) there is nothing to hear.
   */
  listen?(channel: string, handlers: ListenHandlers): Promise<Listener>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… — real PostgreSQL. Without it, an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL only: a read replica for dbRead (postgres://…); unset, dbRead is dbWrite. */
  readDatabaseUrl?: string | undefined;
  /** PostgreSQL only: where LISTEN connects (PostgreSQL itself, not a pooler); unset, databaseUrl. */
  listenDatabaseUrl?: string | undefined;
  /**
   * `transaction`: databaseUrl is a pooler in transaction mode (PgBouncer): no startup options
   * (PgBouncer refuses them); the session settings are set at the start of each transaction.
   */
  pooler?: 'none' | 'transaction' | undefined;
  /** PostgreSQL only: work inside this schema (created if missing), so test runs never meet. */
  schema?: string | undefined;
  /** PostgreSQL only: the schema dbRead reads (tests point it at a copy); unset, `schema`. */
  readSchema?: string | undefined;
  poolSize?: number;
  /** PostgreSQL only: connection, statement and lock timeouts; unset, the drivers wait forever. */
  timeouts?: DbTimeouts | undefined;
  /** Where lost connections are reported. */
  log?: (line: string) => void;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
// Counts and ids stay far below 2^53, so plain numbers are safe and both drivers agree.
const toNumber = (v: string) => Number(v);
const asIs = (v: string) => v;

/**
 * PGlite's embedded PostgreSQL keeps its shared buffers inside the WebAssembly memory, which never
 * shrinks: at PostgreSQL's default of 128 MB, every page ever read stays resident. The data files
 * are real files the kernel caches anyway, so a small buffer pool costs little: 16 MB took the
 * quick export bench's server (20,000 rows) from 375–384 MB idle and 409–430 MB peak RSS to
 * 251–260 MB idle and 281–305 MB peak, rows/s within run-to-run noise.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB'];

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One process per data folder: refuses to open one another process has (db/data-dir-lock.ts).
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  const pglite = await PGlite.create(options.dataDir, {
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const close = () => db.destroy().finally(() => lock?.release());
  return { dbWrite: db, dbRead: db, readReplica: false, dbIngest: db, dbLong: db, kind: 'pglite', close };
}

async function createPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const schema = options.schema;
  const readSchema = options.readSchema ?? schema;
  for (const name of [schema, readSchema]) {
    if (name && !/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  }
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return asIs;
      return pg.types.getTypeParser(oid, format);
    },
  };
  // extra_float_digits=1 (the default since PostgreSQL 12, pinned in case a server lowers it): a
  // float8 is written as its shortest exact digits, as JavaScript writes a number, so COPY's CSV
  // and the driver read the same values.
  // hailong's queries are short (rollups, keyed lookups, pages): compiling them (JIT) or starting
  // parallel workers costs more than running them. On the 10M-answer bench set, a year's flagged
  // count took 263 ms with JIT, 21 ms without, 1 ms without parallel workers either; a year's
  // rates by unit 20 ms with workers, 8 ms without.
  const baseSettings = (searchPath: string | undefined): SessionSettings => ({
    extra_float_digits: '1',
    jit: 'off',
    max_parallel_workers_per_gather: '0',
    ...(searchPath ? { search_path: searchPath } : {}),
  });
  const pooled = options.pooler === 'transaction';
  // Directly connected, the settings are startup options, set once per session. Through a
  // transaction-mode pooler a session is not ours past one transaction (and PgBouncer refuses the
  // `options` startup parameter): they are set with SET LOCAL at each transaction's start instead.
  const poolOf = (
    name: string,
    connectionString: string,
    kind: 'request' | 'long',
    max: number,
    searchPath: string | undefined,
    extra: SessionSettings = {},
  ) => {
    const { client, settings } = timeoutSettings(options.timeouts, kind);
    const all = { ...baseSettings(searchPath), ...settings, ...extra };
    const config: pg.PoolConfig = { connectionString, types, max, ...client, ...(pooled ? {} : { options: startupOptions(all) }) };
    const pool = createPgPool(name, config, options.log);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOut(pool, pooled ? all : undefined) }) });
    return { pool, kysely };
  };
  const main = poolOf('main', url, 'request', options.poolSize ?? 10, schema);
  const db = main.kysely;
  // The group-commit writer keeps one statement in flight (db/response-batcher.ts); one connection spare.
  // Its statement is prepared (db/prepared-statements.ts) and always run on its generic plan: the
  // plan does not depend on a batch's values (a few dozen rows, looked up by key), and planning it
  // for each batch cost 3.0 ms of PostgreSQL's time against 0.3 ms for binding the kept plan.
  const ingest = poolOf('ingest', url, 'request', 2, schema, { plan_cache_mode: 'force_generic_plan' }).kysely;
  // Without timeouts every pool would be alike: long work shares the main one, as before.
  const longWork = options.timeouts ? poolOf('long-work', url, 'long', 4, schema) : main;
  const long = longWork.kysely;
  // The replica is another server: its pool counts against its connections, not the primary's.
  const readWork = options.readDatabaseUrl ? poolOf('read', options.readDatabaseUrl, 'request', options.poolSize ?? 8, readSchema) : main;
  const read = readWork.kysely;
  // COPY exports read what dbRead reads: the replica when there is one, under the long timeout.
  const copyWork = options.readDatabaseUrl
    ? options.timeouts
      ? poolOf('read-long', options.readDatabaseUrl, 'long', 2, readSchema)
      : readWork
    : longWork;
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  if (pooled) await checkPooledDefaults(db, schema, options.log ?? console.error);
  const copyOut = async (statement: string) => {
    const client = await copyWork.pool.connect();
    // JIT is off for every session (see baseSettings): an export's many column expressions cost
    // more to compile than to run (the CSV of 200,000 responses took 15 s with JIT, 4 s without).
    const stream = client.query(copyTo(statement));
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    stream.on('end', () => release());
    stream.on('error', (error) => release(error));
    stream.on('close', () => release(stream.readableEnded ? undefined : new Error('COPY abandoned part-way')));
    return stream;
  };
  const listeners = new Set<Listener>();
  const listenUrl = options.listenDatabaseUrl ?? url;
  const listen = async (channel: string, handlers: ListenHandlers) => {
    const listener = await listenForNotifications(
      { connectionString: listenUrl, types, ...timeoutSettings(options.timeouts, 'request').client },
      channel,
      {
        ...handlers,
        log: options.log,
      },
    );
    listeners.add(listener);
    return {
      close: async () => {
        listeners.delete(listener);
        await listener.close();
      },
    };
  };
  return {
    dbWrite: db,
    dbRead: read,
    readReplica: read !== db,
    dbIngest: ingest,
    dbLong: long,
    kind: 'postgres',
    copyOut,
    listen,
    close: async () => {
      await Promise.all([...listeners].map((l) => l.close()));
      await ingest.destroy();
      if (copyWork !== longWork && copyWork !== readWork) await copyWork.kysely.destroy();
      if (read !== db) await read.destroy();
      if (long !== db) await long.destroy();
      await db.destroy();
    },
  };
}

/**
 * Through a transaction-mode pooler, a statement outside a transaction gets the database's own
 * defaults, not hailong's settings: a wrong search_path would find no tables, so it stops the
 * start; the settings that only cost time (JIT, parallel workers, timeouts) are named in one line.
 */
async function checkPooledDefaults(db: Kysely<Database>, schema: string | undefined, log: (line: string) => void) {
  const row = (
    await sql<{ schema: string | null; jit: string; workers: string; statement_timeout: string }>`
      select current_schema() as schema, current_setting('jit') as jit,
             current_setting('max_parallel_workers_per_gather') as workers,
             current_setting('statement_timeout') as statement_timeout`.execute(db)
  ).rows[0]!;
  if (schema && row.schema !== schema) {
    throw new Error(
      `HAILONG_DB_POOLER=transaction: statements outside a transaction see schema ${row.schema ?? '(none)'}, not ${schema}. ` +
        `Set it as the default: ALTER ROLE <user> IN DATABASE <db> SET search_path = ${schema};`,
    );
  }
  const wanted = [
    row.jit !== 'off' ? 'jit = off' : '',
    row.workers !== '0' ? 'max_parallel_workers_per_gather = 0' : '',
    row.statement_timeout === '0' ? "statement_timeout = '30s'" : '',
  ].filter(Boolean);
  if (wanted.length > 0) {
    const fix = wanted.map((w) => `ALTER DATABASE <db> SET ${w};`).join(' ');
    log(
      `PostgreSQL through a pooler: single statements run with the database's own defaults; for hailong's: ${fix} (README, "Several processes")`,
    );
  }
}
