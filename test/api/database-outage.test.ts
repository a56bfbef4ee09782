import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '../../db/create-db';
import { GROUP_BYS, satisfiedCountsFromResponses, satisfiedCountsFromRollups } from '../../db/stats';
import { localDay } from '../../surveys/time';
import { loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';
import {
  counterTargets,
  createSubmissionLedger,
  retryUntilAcknowledged,
  steadyLoad,
  type SubmissionLedger,
} from '../support/submission-ledger';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// Fault drills on the bundled server (as `npm start` runs it) pointed at PostgreSQL through a TCP
// proxy the test controls: a restart (every connection cut, new ones refused for a while) and a
// frozen server (connections open, nothing answered). A real PostgreSQL is needed to stand behind
// the proxy, so on the embedded database this file says why it does not run.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.warn(
    'database-outage.test.ts: not run — these drills need a real PostgreSQL behind a TCP proxy; set DATABASE_URL (CI runs them in its PostgreSQL pass).',
  );
}

const SECRET = randomBytes(32).toString('base64url');
const ADMIN_PASSWORD = 'drill-admin-password';
// Short on purpose, so a frozen database shows within seconds: the drills measure no speed.
const TIMEOUTS = { connect: 2, statement: 3 };
const CODES = ['demo-land', 'demo-construction', 'demo-investment', 'demo-health', 'demo-civil'];

describe.skipIf(!databaseUrl)('hailong on PostgreSQL when the database fails', () => {
  let proxy: TcpProxy;
  let server: RunningServer;
  let direct: DbHandle;
  const schema = `drill_${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    const upstream = new URL(databaseUrl!);
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 5432));
    const proxied = new URL(databaseUrl!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    server = await runServer({
      DATABASE_URL: proxied.toString(),
      HAILONG_DB_SCHEMA: schema,
      HAILONG_SECRET: SECRET,
      HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HAILONG_DEMO: '1',
      HAILONG_TRUST_PROXY: '1',
      HAILONG_DB_CONNECT_TIMEOUT_SECONDS: String(TIMEOUTS.connect),
      HAILONG_DB_STATEMENT_TIMEOUT_SECONDS: String(TIMEOUTS.statement),
    });
    // The test's own look at what was stored, past the proxy.
    direct = await createDb({ databaseUrl, schema, poolSize: 2 });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    if (direct) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(direct.dbWrite);
      await direct.close();
    }
  });

  /** Every answer the ledger made is stored exactly once, under the id it was acknowledged with; rollups equal a recount. */
  async function expectStoredOnce(ledger: SubmissionLedger, tag: string) {
    const rows = await sql<{ client_key: string; n: number; id: number }>`
      select client_key, count(*)::int as n, min(id)::int as id from responses
      where client_key like ${`${tag}-%`} group by client_key`.execute(direct.dbRead);
    const stored = new Map(rows.rows.map((r) => [r.client_key, r]));
    expect(rows.rows.filter((r) => r.n > 1)).toEqual([]);
    expect([...stored.keys()].sort()).toEqual([...ledger.answers.keys()].sort());
    const wrongIds = [...ledger.acknowledged].filter(([key, id]) => stored.get(key)?.id !== id);
    expect(wrongIds).toEqual([]);

    const tenant = await direct.dbRead.selectFrom('tenants').select('id').orderBy('id').executeTakeFirstOrThrow();
    const today = localDay(new Date());
    const filter = { tenantId: tenant.id, from: today, to: today };
    for (const groupBy of GROUP_BYS) {
      expect(await satisfiedCountsFromRollups(direct.dbRead, filter, groupBy)).toEqual(
        await satisfiedCountsFromResponses(direct.dbRead, filter, groupBy),
      );
    }
  }

  const timed = async (path: string, init: RequestInit = {}) => {
    const started = Date.now();
    const res = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text(), ms: Date.now() - started };
  };

  it(
    'a restart under load: the server stays up, answers 503 with Retry-After, recovers by itself, and loses or doubles nothing',
    { timeout: 180_000 },
    async () => {
      const targets = await counterTargets(server.url, CODES);
      const ledger = createSubmissionLedger(server.url, targets, { secret: SECRET, tag: 'restart' });
      const load = steadyLoad(ledger, 8);
      await vi.waitFor(() => expect(ledger.acknowledged.size).toBeGreaterThanOrEqual(100), { timeout: 60_000, interval: 100 });

      const cutAt = Date.now();
      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const health = await timed('/healthz');
      const live = await timed('/livez');
      const page = await timed('/q/demo-land', { headers: { accept: 'text/html' } });
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const restoredAt = Date.now();
      await proxy.restore();

      // Recovered by itself: new answers are taken again, with no one touching the server.
      await vi.waitFor(
        () => expect(ledger.attempts.filter((a) => a.startedAt > restoredAt && a.status === 201).length).toBeGreaterThanOrEqual(50),
        { timeout: 60_000, interval: 100 },
      );
      await load.stop();
      // Tries begun while the database was away (and not just before it came back).
      const duringOutage = ledger.attempts.filter((a) => a.startedAt > cutAt && a.startedAt < restoredAt - 500);
      // Phones send what was not acknowledged again, with the same client key.
      const unacknowledged = ledger.unacknowledged().length;
      await retryUntilAcknowledged(ledger, 60_000);

      expect(server.alive()).toBe(true);
      expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
      expect(Object.keys(ledger.statusCounts()).every((s) => ['200', '201', '503'].includes(s))).toBe(true);
      expect(ledger.statusCounts()['201']).toBeGreaterThan(150);
      expect(duringOutage.length).toBeGreaterThan(20);
      expect(duringOutage.every((a) => a.status === 503)).toBe(true);
      expect(ledger.attempts.filter((a) => a.status === 503 && a.retryAfter !== '5')).toEqual([]);
      expect(unacknowledged).toBeGreaterThan(0);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: 'degraded', database: 'postgres', databaseReachable: false });
      expect(health.retryAfter).toBe('5');
      expect(live.status).toBe(200);
      // The form still opens: the counter was read before the outage.
      expect(page.status).toBe(200);
      expect(page.body).toContain('name="token"');
      expect((await timed('/healthz')).status).toBe(200);
      await expectStoredOnce(ledger, 'restart');
      console.log(
        `restart drill: ${ledger.answers.size} answers, ${ledger.acknowledged.size} acknowledged, ${unacknowledged} sent again after recovery; ` +
          `tries by status ${JSON.stringify(ledger.statusCounts())}; outage ${((restoredAt - cutAt) / 1000).toFixed(1)} s`,
      );
    },
  );

  it('a frozen database: requests get a timely 503, not a hang, and all is taken once it thaws', { timeout: 180_000 }, async () => {
    const targets = await counterTargets(server.url, CODES);
    const ledger = createSubmissionLedger(server.url, targets, { secret: SECRET, tag: 'freeze' });
    for (let i = 0; i < 10; i++) expect((await ledger.send(ledger.newAnswer())).status).toBe(201);
    const cookie = await loginCookie(server.url, ADMIN_PASSWORD);

    proxy.freeze();
    const [submissions, stats, health, live] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => ledger.send(ledger.newAnswer(), 60_000))),
      timed('/api/stats?groupBy=sector', { headers: { cookie, accept: 'application/json' } }),
      // After the second for which /healthz reuses its last answer (taken before the freeze).
      new Promise((resolve) => setTimeout(resolve, 1_100)).then(() => timed('/healthz')),
      timed('/livez'),
    ]);
    proxy.thaw();

    // Bounded by the configured timeouts (connect, statement and the client's grace, twice over
    // for a request that queued behind another), not by the database coming back.
    const bound = 2 * (TIMEOUTS.connect + TIMEOUTS.statement + 2) * 1000 + 6_000;
    for (const s of submissions) {
      expect(s.status).toBe(503);
      expect(s.retryAfter).toBe('5');
      expect(s.ms).toBeLessThan(bound);
    }
    expect(stats.status).toBe(503);
    expect(stats.retryAfter).toBe('5');
    expect(stats.ms).toBeLessThan(bound);
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(10_000);
    expect(live.status).toBe(200);

    await vi.waitFor(async () => expect((await ledger.send(ledger.newAnswer())).status).toBe(201), { timeout: 60_000, interval: 500 });
    await retryUntilAcknowledged(ledger, 60_000);
    expect(server.alive()).toBe(true);
    expect(Object.keys(ledger.statusCounts()).every((s) => ['200', '201', '503'].includes(s))).toBe(true);
    await expectStoredOnce(ledger, 'freeze');
    console.log(
      `freeze drill: 503 after ${submissions.map((s) => s.ms).join(', ')} ms (submissions), ${stats.ms} ms (stats), ${health.ms} ms (healthz); ` +
        `tries by status ${JSON.stringify(ledger.statusCounts())}`,
    );
  });
});
