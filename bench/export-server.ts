import { serve } from '@hono/node-server';
import { createDb } from '../db/create-db';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/config/app-config';
import { firstStart } from '../server/bootstrap/first-start';
import { dbTimeoutsFromEnv } from '../server/config/db-options';
import { parseEnv } from '../server/config/env';

/**
 * The real server for the export benchmark, alone in its own process so its peak memory (VmHWM)
 * is the export's and nothing else's. The bench has migrated and seeded the database already;
 * BENCH_SCHEMA names its schema on PostgreSQL. Prints "PORT <n>" once listening.
 */
async function main() {
  const env = parseEnv(process.env);
  const db = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : env.HAILONG_DATA_DIR,
    schema: process.env.BENCH_SCHEMA,
    timeouts: dbTimeoutsFromEnv(env),
  });
  const state = await firstStart(db.dbWrite, env, () => {});
  const app = createApp({ db, config: appConfigFromEnv(env, state.secret) });
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
