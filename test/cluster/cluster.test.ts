import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { GROUP_BYS, satisfiedCountsFromResponses, satisfiedCountsFromRollups } from '../../db/stats';
import { issueFormToken } from '../../server/citizen/form-token';
import { localDay } from '../../surveys/time';
import { loginCookie } from '../support/http-client';
import { sleep, waitUntil } from '../support/cluster/exec';
import { startCluster, type Cluster } from '../support/cluster/cluster';
import { counterTargets, createSubmissionLedger, retryUntilAcknowledged } from '../support/submission-ledger';

// hailong behind nginx: three app processes writing through PgBouncer (transaction mode),
// listening on the primary directly and reading dashboards from a streaming replica
// (test/support/cluster). Needs root, the local PostgreSQL 15 on 5432, pgbouncer and nginx:
// `npm run test:cluster` (CI runs it). CLUSTER_DATABASE: the database it makes and drops.
const DATABASE = process.env.CLUSTER_DATABASE ?? 'hailong_cluster';
const CODES = ['demo-land', 'demo-construction', 'demo-investment', 'demo-civil'];
const RETIRED = 'demo-health';
const RATE_PER_SECOND = 100;
const LOAD_SECONDS = 15;

describe('a cluster: replica, PgBouncer, three processes behind nginx', () => {
  let cluster: Cluster;
  let primary: DbHandle;

  beforeAll(async () => {
    cluster = await startCluster(DATABASE);
    primary = await createDb({ databaseUrl: cluster.primaryUrl, poolSize: 2 });
  }, 400_000);

  afterAll(async () => {
    await primary?.close();
    await cluster?.stop();
  }, 120_000);

  it('migrations through PgBouncer leave no lock behind: twelve at once from one pool all finish', { timeout: 60_000 }, async () => {
    // Through a transaction-mode pooler a session-level lock and its unlock may land on different
    // server sessions; a lock left on a pooled session would make these (and a restart) wait.
    const pooled = await createDb({ databaseUrl: cluster.poolerUrl, pooler: 'transaction', poolSize: 12, log: () => {} });
    try {
      const runs = await Promise.all(Array.from({ length: 12 }, () => migrateToLatest(pooled.dbLong)));
      expect(runs.map((r) => r.applied)).toEqual(Array.from({ length: 12 }, () => []));
    } finally {
      await pooled.close();
    }
    const advisory = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`.execute(primary.dbWrite);
    expect(advisory.rows[0]!.n).toBe(0);
  });

  it(
    "an open-loop load with one process killed -9 and restarted: every answer stored once, rollups = recount, the replica's dashboards = the primary",
    { timeout: 240_000 },
    async () => {
      const targets = await counterTargets(cluster.url, CODES);
      const ledger = createSubmissionLedger(cluster.url, targets, { secret: cluster.secret, tag: 'cluster' });

      // A fixed arrival rate, whatever the answers take: a new answer every 10 ms, not after the last.
      const inFlight: Promise<unknown>[] = [];
      const started = Date.now();
      let killedAt = 0;
      let restarted: Promise<unknown> | undefined;
      for (let n = 0; n < RATE_PER_SECOND * LOAD_SECONDS; n++) {
        const due = started + (n * 1000) / RATE_PER_SECOND;
        if (due > Date.now()) await sleep(due - Date.now());
        inFlight.push(ledger.send(ledger.newAnswer(), 10_000));
        if (!killedAt && Date.now() - started > 5_000) {
          await cluster.kill(1);
          killedAt = Date.now();
        }
        if (killedAt && !restarted && Date.now() - killedAt > 3_000) restarted = cluster.restart(1);
      }
      await Promise.all(inFlight);
      await restarted;
      const firstPass = ledger.acknowledged.size;
      const statuses = ledger.statusCounts();
      console.log(
        `cluster load: ${ledger.answers.size} answers, ${firstPass} acknowledged on the first try, statuses ${JSON.stringify(statuses)}`,
      );
      // The load really went through, and the kill really cost something or was survived by nginx.
      expect(firstPass).toBeGreaterThan(ledger.answers.size * 0.8);
      expect(cluster.apps[1]!.alive()).toBe(true);

      // A phone resends what was not acknowledged, the same key and body.
      await retryUntilAcknowledged(ledger, 60_000);

      const rows = await sql<{ client_key: string; n: number; id: number }>`
      select client_key, count(*)::int as n, min(id)::int as id from responses
      where client_key like 'cluster-%' group by client_key`.execute(primary.dbWrite);
      const stored = new Map(rows.rows.map((r) => [r.client_key, r]));
      expect(rows.rows.filter((r) => r.n > 1)).toEqual([]);
      expect([...stored.keys()].sort()).toEqual([...ledger.answers.keys()].sort());
      expect([...ledger.acknowledged].filter(([key, id]) => stored.get(key)?.id !== id)).toEqual([]);

      const tenant = await primary.dbWrite.selectFrom('tenants').select('id').orderBy('id').executeTakeFirstOrThrow();
      const today = localDay(new Date());
      const filter = { tenantId: tenant.id, from: today, to: today };
      for (const groupBy of GROUP_BYS) {
        expect(await satisfiedCountsFromRollups(primary.dbWrite, filter, groupBy)).toEqual(
          await satisfiedCountsFromResponses(primary.dbWrite, filter, groupBy),
        );
      }

      // Once the replica has replayed all the primary wrote, every process's dashboard (read from
      // the replica) says what a recount on the primary says.
      await waitUntil('replica caught up', () => cluster.replica.caughtUp(), 30_000);
      const recount = await satisfiedCountsFromResponses(primary.dbWrite, filter, 'counter');
      const expected = {
        n: recount.reduce((s, r) => s + Number(r.valid), 0),
        satisfied: recount.reduce((s, r) => s + Number(r.satisfied), 0),
      };
      expect(expected.n).toBeGreaterThanOrEqual(ledger.answers.size);
      for (const app of cluster.apps) {
        const cookie = await loginCookie(app.url, cluster.adminPassword);
        const res = await fetch(`${app.url}/api/stats?from=${today}&to=${today}&groupBy=counter`, { headers: { Cookie: cookie } });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { overall: { n: number; satisfied: number } };
        expect({ n: body.overall.n, satisfied: body.overall.satisfied }).toEqual(expected);
      }
    },
  );

  it('a counter retired through one process is refused by every process within a second', { timeout: 60_000 }, async () => {
    const [target] = await counterTargets(cluster.url, [RETIRED]);
    const body = (i: number, key: string) =>
      JSON.stringify({
        clientKey: key,
        token: issueFormToken(cluster.secret, target!.id),
        answers: { overall: 5 },
        deviceKey: `dev-${key}-${i}`,
      });
    const submit = (i: number, key: string) =>
      fetch(`${cluster.apps[i]!.url}/q/${RETIRED}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        body: body(i, key),
      });
    // Every process has the counter in its cache: each has just taken an answer for it.
    for (let i = 0; i < cluster.apps.length; i++) expect([200, 201]).toContain((await submit(i, `retire-before-${i}`)).status);

    const cookie = await loginCookie(cluster.apps[0]!.url, cluster.adminPassword);
    const retired = await fetch(`${cluster.apps[0]!.url}/api/counters/${RETIRED}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: cluster.apps[0]!.url },
      body: JSON.stringify({ retired: true }),
    });
    expect(retired.status).toBe(200);
    const retiredAt = Date.now();
    const seenAfter = await Promise.all(
      cluster.apps.map(async (_, i) => {
        for (let attempt = 0; Date.now() - retiredAt < 1_000; attempt++) {
          if ((await submit(i, `retire-after-${i}-${attempt}`)).status === 410) return Date.now() - retiredAt;
          await sleep(50);
        }
        return null;
      }),
    );
    expect(seenAfter.every((ms) => ms !== null && ms <= 1_000)).toBe(true);
  });
});
