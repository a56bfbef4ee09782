import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/config/app-config';
import { firstStart } from '../server/bootstrap/first-start';
import { submissionEnvelope } from '../server/citizen/submit-response';
import { dbTimeoutsFromEnv } from '../server/config/db-options';
import { parseEnv } from '../server/config/env';
import { minimalDurable } from './minimal-durable-server';

// The server the throughput bench loads, run in a child process of its own so the load
// generator and the server do not share one event loop (as in production, where they never do).
// Bundled and run by bench/throughput.ts as `node dist/bench/throughput-server.js hailong|bare|minimal`; prints `READY <port>` once it listens.
//   hailong: the real app (migrate, first start with the demo tenant) on DATABASE_URL +
//            BENCH_SCHEMA, or on an embedded PGlite in BENCH_DATA_DIR.
//   bare:    the baseline, a bare Hono handler that parses and validates the same JSON envelope
//            and answers 201 without touching a database.
//   minimal: the durable baseline (bench/minimal-durable-server.ts): the same envelope stored
//            exactly once with a rollup, by group commit, on DATABASE_URL + BENCH_SCHEMA or PGlite.
const mode = process.argv[2];

async function hailong() {
  const env = parseEnv(process.env);
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : process.env.BENCH_DATA_DIR,
    schema: process.env.BENCH_SCHEMA,
    timeouts: dbTimeoutsFromEnv(env),
  });
  await migrateToLatest(handle.dbWrite, process.env.BENCH_SCHEMA);
  const state = await firstStart(handle.dbWrite, env, () => {});
  const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret) });
  return { fetch: app.fetch, close: () => handle.close() };
}

function bare() {
  let id = 0;
  const app = new Hono().post('/q/:code', async (c) => {
    const parsed = submissionEnvelope.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 422);
    return c.json({ id: ++id }, 201);
  });
  return { fetch: app.fetch, close: async () => {} };
}

async function main() {
  const server =
    mode === 'bare' ? bare() : mode === 'hailong' ? await hailong() : mode === 'minimal' ? await minimalDurable(process.env) : undefined;
  if (!server) throw new Error('usage: throughput-server.ts hailong|bare|minimal');
  // Requests still being handled when the load stops finish before the database closes, so the
  // parent's count sees them committed and the log shows no "pool closed" errors.
  let inFlight = 0;
  const fetch = async (request: Request) => {
    inFlight++;
    try {
      return await server.fetch(request);
    } finally {
      inFlight--;
    }
  };
  const listener = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`READY ${info.port}\n`);
  });
  // The parent reads the database after this process has closed it (PGlite: one process per folder).
  const drainAndExit = async () => {
    listener.close();
    for (let waited = 0; inFlight > 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await server.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => void drainAndExit());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
