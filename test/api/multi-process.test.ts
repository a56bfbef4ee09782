import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/create-db';
import { loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

// Two server processes (the bundle `npm start` runs) on one PostgreSQL schema. PGlite is one
// process per data folder, so on the embedded database this file says why it does not run; CI runs
// it in its PostgreSQL pass. MULTI_PROCESS_PORTS: the two ports to use (default 4490, 4491).
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.warn(
    'multi-process.test.ts: not run — two server processes need one real PostgreSQL; set DATABASE_URL (CI runs it in its PostgreSQL pass).',
  );
}
const PORTS = (process.env.MULTI_PROCESS_PORTS ?? '4490,4491').split(',').map(Number);
const SECRET = randomBytes(32).toString('base64url');
const ADMIN_PASSWORD = 'multi-process-password';

describe.skipIf(!databaseUrl)('several server processes on one database', () => {
  const schema = `multi_${randomBytes(5).toString('hex')}`;
  let a: RunningServer;
  let b: RunningServer;
  let direct: DbHandle;
  const env = {
    DATABASE_URL: databaseUrl!,
    HAILONG_DB_SCHEMA: schema,
    HAILONG_SECRET: SECRET,
    HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HAILONG_DEMO: '1',
    HAILONG_TRUST_PROXY: '1',
  };

  beforeAll(async () => {
    direct = await createDb({ databaseUrl, schema, poolSize: 2 });
    // The first makes the schema and the demo; the second starts on it, as a rolling deploy would.
    a = await runServer(env, { port: PORTS[0]! });
    b = await runServer(env, { port: PORTS[1]! });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (direct) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(direct.dbWrite);
      await direct.close();
    }
  });

  const formToken = async (base: string, code: string) => {
    const html = await (await fetch(`${base}/q/${code}`)).text();
    return /name="token" value="([^"]+)"/.exec(html)?.[1];
  };
  const submit = (base: string, code: string, token: string, clientKey: string) =>
    fetch(`${base}/q/${code}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 200) + 1}`,
      },
      body: JSON.stringify({ token, clientKey, answers: { overall: 5 } }),
    });

  it('runs the daily upkeep once for both processes started on the same day', async () => {
    const runs = await direct.dbWrite.selectFrom('upkeep_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    const said = [a.output(), b.output()].map((o) => /daily upkeep: (ran|done already|running elsewhere)/.exec(o)?.[1]);
    expect(said.filter((s) => s === 'ran')).toHaveLength(1);
  });

  it('a form token used on one process is refused on the other', async () => {
    const token = await formToken(a.url, 'demo-land');
    expect(token).toBeTruthy();
    const first = await submit(a.url, 'demo-land', token!, `mp-${randomBytes(4).toString('hex')}`);
    expect(first.status).toBeLessThan(300);
    const again = await submit(b.url, 'demo-land', token!, `mp-${randomBytes(4).toString('hex')}`);
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('counts failed logins across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
        body: JSON.stringify({ username: 'admin', password: `wrong-${i}` }),
      });
      statuses.push(res.status);
    }
    // One name from one address: 5 in 15 minutes, whichever process is asked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('a counter retired through one process is refused by the other within a second', async () => {
    const code = 'demo-health';
    // Process B has the counter in its cache (it just served the form).
    const token = await formToken(b.url, code);
    expect(token).toBeTruthy();
    const cookie = await loginCookie(a.url, ADMIN_PASSWORD);
    const retired = await fetch(`${a.url}/api/counters/${code}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: a.url },
      body: JSON.stringify({ retired: true }),
    });
    expect(retired.status).toBe(200);
    const deadline = Date.now() + 1_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await submit(b.url, code, token!, `mp-${randomBytes(4).toString('hex')}`)).status;
      if (status === 410) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(410);
  });
});
