import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from './app';
import { appConfigFromEnv } from './config/app-config';
import { firstStart } from './bootstrap/first-start';
import { startBanner, STOPPED_LINE, stoppingLine } from './bootstrap/start-banner';
import { dbOptionsFromEnv } from './config/db-options';
import { parseEnv } from './config/env';
import { httpServerOptions } from './config/http-timeouts';
import { UPKEEP_CHECK_MS, upkeepOncePerDay } from './upkeep/upkeep-once';
import { listenForCounterChanges } from './citizen/counter-changes-listener';
import { startNotificationLoop } from './upkeep/notification-loop';
import { smtpMailer } from './notifications/mailer';

async function main() {
  const env = parseEnv();
  const log = (line: string) => console.log(line);
  const handle = await createDb(dbOptionsFromEnv(env, resolve(env.HAILONG_DATA_DIR)));
  log(
    handle.kind === 'pglite'
      ? `Cơ sở dữ liệu nhúng / embedded PostgreSQL (PGlite): ${resolve(env.HAILONG_DATA_DIR)}`
      : `PostgreSQL: DATABASE_URL${env.HAILONG_DB_SCHEMA ? `, schema ${env.HAILONG_DB_SCHEMA}` : ''}${
          handle.readReplica ? '; dashboards and exports read HAILONG_READ_DATABASE_URL' : ''
        }${env.HAILONG_DB_POOLER === 'transaction' ? '; through a transaction-mode pooler' : ''}`,
  );
  // One line per start-up step, so a start that stops part-way shows where.
  log('Cơ sở dữ liệu: kiểm tra cấu trúc… / database: checking the schema…');
  const { applied } = await migrateToLatest(handle.dbLong, env.HAILONG_DB_SCHEMA);
  if (applied.length > 0)
    log(
      `Cơ sở dữ liệu: đã áp dụng ${applied.length} bản cập nhật cấu trúc / database: ${applied.length} migrations applied (${applied.at(-1)})`,
    );
  const state = await firstStart(handle.dbLong, env, log);

  // Counter edits made by the other server processes reach this one's citizen-page cache at once.
  const counterChanges = await listenForCounterChanges(handle, log);
  const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret, resolve('dist/client')) });
  // Partitions ahead, retention and (embedded) planner statistics: at start, then checked every
  // hour, and run by one process once per day (server/upkeep/upkeep-once.ts).
  const upkeep = () =>
    upkeepOncePerDay(handle).then(
      (outcome) => log(`Bảo trì hằng ngày / daily upkeep: ${outcome}`),
      (error: unknown) => console.error('upkeep:', error),
    );
  await upkeep();
  const daily = setInterval(() => void upkeep(), UPKEEP_CHECK_MS);
  daily.unref();
  // Alert e-mails and webhook deliveries: a loop in this process; its queue is in the database.
  const mailer = env.HAILONG_SMTP_URL ? smtpMailer(env.HAILONG_SMTP_URL, env.HAILONG_MAIL_FROM) : undefined;
  const notifications = startNotificationLoop({ db: handle.dbWrite, mailer });

  const server = serve(
    { fetch: app.fetch, port: env.PORT, hostname: env.HOST, serverOptions: httpServerOptions(env) },
    (info: AddressInfo) => {
      const banner = startBanner({
        host: env.HOST,
        port: info.port,
        interfaces: networkInterfaces(),
        publicUrl: env.HAILONG_PUBLIC_URL,
        isDemo: state.isDemo,
        generatedAdminPassword: state.generatedAdminPassword,
        demoResponses: state.demoResponses,
        tenants: state.tenants,
      });
      for (const line of banner) log(line);
    },
  );

  /** Stops taking requests, lets those under way finish (a few seconds at most), then closes the database. */
  const closeServer = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        done();
      }, 5_000).unref();
    });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl+C while stopping means now.
    if (stopping) process.exit(1);
    stopping = true;
    log(stoppingLine(signal));
    clearInterval(daily);
    void notifications
      .stop()
      .then(closeServer)
      .then(() => counterChanges?.close())
      .then(() => handle.close())
      .then(
        () => {
          log(STOPPED_LINE);
          process.exit(0);
        },
        (error: unknown) => {
          console.error('stop:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
