import type { DbOptions } from '../../db/create-db';
import type { DbTimeouts } from '../../db/pg-pools';
import type { Env } from './env';

const ms = (seconds: number) => Math.round(seconds * 1000);

/** The database timeouts from the checked environment. */
export function dbTimeoutsFromEnv(env: Env): DbTimeouts {
  return {
    connectMs: ms(env.HAILONG_DB_CONNECT_TIMEOUT_SECONDS),
    statementMs: ms(env.HAILONG_DB_STATEMENT_TIMEOUT_SECONDS),
    lockMs: ms(env.HAILONG_DB_LOCK_TIMEOUT_SECONDS),
    idleInTransactionMs: ms(env.HAILONG_DB_IDLE_TRANSACTION_TIMEOUT_SECONDS),
    longStatementMs: ms(env.HAILONG_DB_LONG_STATEMENT_TIMEOUT_SECONDS),
  };
}

/** Where the server's database is and how long it may take, as `npm start` opens it. */
export function dbOptionsFromEnv(env: Env, dataDir: string): DbOptions {
  return {
    databaseUrl: env.DATABASE_URL,
    readDatabaseUrl: env.HAILONG_READ_DATABASE_URL,
    listenDatabaseUrl: env.HAILONG_LISTEN_DATABASE_URL,
    pooler: env.HAILONG_DB_POOLER,
    dataDir,
    schema: env.HAILONG_DB_SCHEMA,
    timeouts: dbTimeoutsFromEnv(env),
  };
}
