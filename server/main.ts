import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from './app';
import { appConfigFromEnv } from './config/app-config';
import { firstStart } from './bootstrap/first-start';
import { ADMIN_USERNAME } from './bootstrap/admin-account';
import { dbOptionsFromEnv } from './config/db-options';
import { parseEnv } from './config/env';
import { httpServerOptions } from './config/http-timeouts';
import { dailyUpkeep } from './upkeep/daily-upkeep';

async function main() {
  const env = parseEnv();
  const log = (line: string) => console.log(line);
  const handle = await createDb(dbOptionsFromEnv(env, resolve(env.HAILONG_DATA_DIR)));
  log(
    handle.kind === 'pglite'
      ? `Cơ sở dữ liệu nhúng / embedded PostgreSQL (PGlite): ${resolve(env.HAILONG_DATA_DIR)}`
      : `PostgreSQL: DATABASE_URL${env.HAILONG_DB_SCHEMA ? `, schema ${env.HAILONG_DB_SCHEMA}` : ''}`,
  );
  await migrateToLatest(handle.dbLong, env.HAILONG_DB_SCHEMA);
  const state = await firstStart(handle.dbLong, env, log);

  const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret, resolve('dist/client')) });
  // Partitions ahead, retention and (embedded) planner statistics: at start, then once a day.
  const upkeep = () => dailyUpkeep(handle).catch((error: unknown) => console.error('upkeep:', error));
  await upkeep();
  const daily = setInterval(() => void upkeep(), 24 * 3600_000);
  daily.unref();

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST, serverOptions: httpServerOptions(env) }, () => {
    const base = (env.HAILONG_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    log('');
    log(`hailong đang chạy / is running: ${base}`);
    if (state.isDemo) log(`  Phiếu khảo sát mẫu / demo citizen page:  ${base}/q/demo-land`);
    log(`  Bảng điều khiển / dashboard:              ${base}/app/`);
    log(`  Đăng nhập / login:                        ${base}/app/login  (user: ${ADMIN_USERNAME})`);
    if (state.generatedAdminPassword) {
      log(`  Mật khẩu admin (chỉ hiện một lần) / admin password (shown once): ${state.generatedAdminPassword}`);
    }
    if (state.demoResponses !== undefined) log(`  Dữ liệu minh họa / demo answers: ${state.demoResponses}`);
  });

  const stop = () => {
    server.close();
    void handle.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
