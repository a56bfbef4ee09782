import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import { lockDataDir } from './data-dir-lock';
import { createPgPool, discardingTimedOut, timeoutSettings, type DbTimeouts } from './pg-pools';
import type { Database } from './types';

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  /** For submissions and admin changes. */
  dbWrite: Kysely<Database>;
  /** For dashboards and exports; the same database until a read replica is configured. */
  dbRead: Kysely<Database>;
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
   * pool when timeouts are set (a download may take as long as the person's connection needs).
   */
  copyOut?(statement: string): Promise<CopyToStreamQuery>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… — real PostgreSQL. Without it, an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL only: work inside this schema (created if missing), so test runs never meet. */
  schema?: string | undefined;
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

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One process per data folder: refuses to open one another process has (db/data-dir-lock.ts).
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  const pglite = await PGlite.create(options.dataDir, {
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
  }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const close = () => db.destroy().finally(() => lock?.release());
  return { dbWrite: db, dbRead: db, dbIngest: db, dbLong: db, kind: 'pglite', close };
}

async function createPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
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
  const baseOptions = `-c extra_float_digits=1 -c jit=off -c max_parallel_workers_per_gather=0${schema ? ` -c search_path=${schema}` : ''}`;
  const poolConfig = (kind: 'request' | 'long', max: number): pg.PoolConfig => {
    const { client, sessionOptions } = timeoutSettings(options.timeouts, kind);
    return { connectionString: url, types, max, ...client, options: `${baseOptions}${sessionOptions ? ` ${sessionOptions}` : ''}` };
  };
  const log = options.log;
  const pool = createPgPool('main', poolConfig('request', options.poolSize ?? 10), log);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOut(pool) }) });
  // The group-commit writer keeps at most two transactions in flight (db/response-batcher.ts).
  const ingestPool = createPgPool('ingest', poolConfig('request', 2), log);
  const ingest = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOut(ingestPool) }) });
  // Without timeouts every pool would be alike: long work shares the main one, as before.
  const longPool = options.timeouts ? createPgPool('long-work', poolConfig('long', 4), log) : pool;
  const long = options.timeouts ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOut(longPool) }) }) : db;
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const copyOut = async (statement: string) => {
    const client = await longPool.connect();
    // JIT is off for every session (see baseOptions): an export's many column expressions cost
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
  return {
    dbWrite: db,
    dbRead: db,
    dbIngest: ingest,
    dbLong: long,
    kind: 'postgres',
    copyOut,
    close: async () => {
      await ingest.destroy();
      if (long !== db) await long.destroy();
      await db.destroy();
    },
  };
}
