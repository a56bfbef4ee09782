import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db';
import { createApp } from '../../server/app';
import { appConfigFromEnv } from '../../server/config/app-config';
import { createHashSlots } from '../../server/auth/hash-slots';
import { verifyPassword } from '../../server/auth/password';
import type { LoginHashing } from '../../server/auth/login-hashing';
import { parseEnv } from '../../server/config/env';
import { dailyUpkeep } from '../../server/upkeep/daily-upkeep';
import { createTestApp, login, type TestApp } from '../support/test-app';

/** The real password check, counted: how many ran, and the most at once. */
function countedHashing(concurrency: number, queue: number) {
  const count = { checks: 0, running: 0, peak: 0 };
  const hashing: LoginHashing = {
    slots: createHashSlots({ concurrency, queue }),
    verify: async (password, stored) => {
      count.checks++;
      count.peak = Math.max(count.peak, ++count.running);
      try {
        return await verifyPassword(password, stored);
      } finally {
        count.running--;
      }
    },
  };
  return { hashing, count };
}

// Room for every parallel login of these tests, so what refuses them is the throttle alone.
const roomy = countedHashing(2, 1000);
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({}, { loginHashing: roomy.hashing });
  admin = await login(t.app);
  for (const username of ['nguyen.thi.b', 'tran.van.c', 'le.thi.d', 'pham.van.e', 'vo.thi.f']) {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ username, role: 'analyst', password: `${username}-right-1` }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => t.close());

type App = TestApp['app'];
interface Outcome {
  status: number;
  retryAfter: string | null;
  message: { vi: string; en: string } | undefined;
}

async function tryLogin(app: App, username: string, password: string, from: string): Promise<Outcome> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { message?: { vi: string; en: string } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), message: body.message };
}

const statusCounts = (outcomes: Outcome[]) => {
  const counts: Record<number, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
};

/** Password checks the audit log saw for a name: every evaluated login leaves one entry. */
async function evaluated(username: string) {
  const rows = await sql<{ action: string; n: number }>`
    select action, count(*)::int as n from audit_log where actor_username = ${username} and action in ('login', 'login_failed')
    group by action`.execute(t.db.dbRead);
  return Object.fromEntries(rows.rows.map((r) => [r.action, r.n])) as { login?: number; login_failed?: number };
}

const countedAttempts = async (username: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from login_attempts where username = ${username}`.execute(t.db.dbRead)).rows[0]!.n;

function expectPaused(o: Outcome, maxSeconds: number) {
  expect(o.status).toBe(429);
  expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(o.retryAfter)).toBeLessThanOrEqual(maxSeconds);
  expect(o.message?.vi).toContain('Đăng nhập sai quá nhiều lần');
  expect(o.message?.en).toContain('Too many failed logins');
}

describe('the login throttle decides in the database, one attempt at a time', () => {
  it('evaluates at most 5 of 40 parallel wrong passwords for one name from one address; the other 35 get 429 with Retry-After', async () => {
    const before = roomy.count.checks;
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin(t.app, 'nguyen.thi.b', `wrong-${i}`, '203.0.113.10')));
    expect(statusCounts(outcomes)).toEqual({ 401: 5, 429: 35 });
    for (const o of outcomes.filter((o) => o.status === 429)) expectPaused(o, 15 * 60);
    expect(roomy.count.checks - before).toBe(5);
    expect(await evaluated('nguyen.thi.b')).toEqual({ login_failed: 5 });
    expect(await countedAttempts('nguyen.thi.b')).toBe(5);
    expect(roomy.count.peak).toBeLessThanOrEqual(2);
  });

  it('does not let the right password in once 40 parallel guesses have used up the limit', async () => {
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin(t.app, 'tran.van.c', `wrong-${i}`, '203.0.113.20')));
    expect(statusCounts(guesses)).toEqual({ 401: 5, 429: 35 });
    expectPaused(await tryLogin(t.app, 'tran.van.c', 'tran.van.c-right-1', '203.0.113.20'), 15 * 60);
    expect(await evaluated('tran.van.c')).toEqual({ login_failed: 5 });
  });

  it('hidden at a random place among 41 parallel guesses, the right password gets in only if it was among the few evaluated', async () => {
    const position = Math.floor(Math.random() * 41);
    const passwords = Array.from({ length: 41 }, (_, i) => (i === position ? 'pham.van.e-right-1' : `wrong-${i}`));
    const outcomes = await Promise.all(passwords.map((p) => tryLogin(t.app, 'pham.van.e', p, '203.0.113.30')));
    const counts = statusCounts(outcomes);
    // Five failures at most are ever evaluated. A success does not count against the limit, so
    // its place may go to a guess still on its way, or to none when every other was refused first.
    const succeeded = counts[200] ?? 0;
    expect(succeeded).toBeLessThanOrEqual(1);
    if (succeeded === 0) expect(counts[401]).toBe(5);
    else expect(counts[401]).toBeGreaterThanOrEqual(4);
    expect(counts[401]).toBeLessThanOrEqual(5);
    expect(counts[429]).toBe(41 - counts[401]! - succeeded);
    const seen = await evaluated('pham.van.e');
    expect(seen.login_failed).toBe(counts[401]);
    expect(seen.login ?? 0).toBe(succeeded);
    expect(await countedAttempts('pham.van.e')).toBe(counts[401]);
  });

  it('evaluates at most 20 of 200 parallel guesses from one address, whatever the names', async () => {
    const before = roomy.count.checks;
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => tryLogin(t.app, `guess-${i}`, 'wrong-password', '203.0.113.40')),
    );
    const counts = statusCounts(outcomes);
    // A busy database may answer some with 503 (a connection not free within the connect timeout);
    // none of them gets past the limit, so at most 20 are ever evaluated, and exactly 20 when none is refused so.
    expect(Object.keys(counts).every((status) => ['401', '429', '503'].includes(status))).toBe(true);
    if (!counts[503]) expect(counts).toEqual({ 401: 20, 429: 180 });
    expect(counts[401]).toBeLessThanOrEqual(20);
    for (const o of outcomes.filter((o) => o.status === 429)) {
      expectPaused(o, 15 * 60);
      expect(o.message?.en).toContain('from your address');
    }
    const checks = roomy.count.checks - before;
    expect(checks).toBeGreaterThanOrEqual(counts[401] ?? 0);
    expect(checks).toBeLessThanOrEqual(20);
  }, 180_000);

  it("a stranger's flood from one address does not lock the administrator out from another", async () => {
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin(t.app, 'admin', `wrong-${i}`, '198.51.100.66')));
    expect(statusCounts(flood)).toEqual({ 401: 5, 429: 35 });
    // From the flooded address even the right password waits; from the administrator's own it works.
    expectPaused(await tryLogin(t.app, 'admin', 'test-admin-password', '198.51.100.66'), 15 * 60);
    expect((await tryLogin(t.app, 'admin', 'test-admin-password', '192.0.2.1')).status).toBe(200);
  });

  it('bounds guessing spread over many addresses: 50 failures for a name in an hour pause it everywhere until they age out', async () => {
    const from = (i: number) => `198.18.0.${i}`;
    const outcomes = await Promise.all(Array.from({ length: 72 }, (_, i) => tryLogin(t.app, 'le.thi.d', `wrong-${i}`, from(i % 12))));
    expect(statusCounts(outcomes)).toEqual({ 401: 50, 429: 22 });
    const paused = await tryLogin(t.app, 'le.thi.d', 'le.thi.d-right-1', from(100));
    expectPaused(paused, 3600);
    expect(paused.message?.en).toContain('for this name.');
    expect(Number(paused.retryAfter)).toBeGreaterThan(15 * 60);
    await sql`update login_attempts set at = at - interval '61 minutes' where username = 'le.thi.d'`.execute(t.db.dbWrite);
    expect((await tryLogin(t.app, 'le.thi.d', 'le.thi.d-right-1', from(100))).status).toBe(200);
  }, 180_000);

  it('a successful login takes back only its own attempt: the failures before it keep counting', async () => {
    for (let i = 0; i < 4; i++) expect((await tryLogin(t.app, 'vo.thi.f', `typo-${i}`, '192.0.2.50')).status).toBe(401);
    expect((await tryLogin(t.app, 'vo.thi.f', 'vo.thi.f-right-1', '192.0.2.50')).status).toBe(200);
    expect(await countedAttempts('vo.thi.f')).toBe(4);
    expect((await tryLogin(t.app, 'vo.thi.f', 'typo-5', '192.0.2.50')).status).toBe(401);
    expectPaused(await tryLogin(t.app, 'vo.thi.f', 'vo.thi.f-right-1', '192.0.2.50'), 15 * 60);
  });

  it('counts the same attempts for two server processes on one database', async () => {
    // On PostgreSQL a second pool on the same schema, as a second process would have; PGlite is one process.
    const url = process.env.DATABASE_URL;
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.dbRead)).rows[0]!.s;
    const second = url ? await createDb({ databaseUrl: url, schema, poolSize: 4 }) : t.db;
    try {
      const other = createApp({
        db: second,
        config: appConfigFromEnv(parseEnv({ HAILONG_TRUST_PROXY: '1' }), t.state.secret),
        loginHashing: roomy.hashing,
      });
      await sql`insert into users (tenant_id, username, role, password_hash)
                select tenant_id, 'hoang.van.g', role, password_hash from users where username = 'admin'`.execute(t.db.dbWrite);
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) => tryLogin(i % 2 ? other : t.app, 'hoang.van.g', `wrong-${i}`, '203.0.113.70')),
      );
      expect(statusCounts(outcomes)).toEqual({ 401: 5, 429: 35 });
    } finally {
      if (second !== t.db) await second.close();
    }
  });

  it('daily upkeep removes attempts older than the longest window (an hour), and only those', async () => {
    await sql`insert into login_attempts (username, origin_hash, at)
              values ('aged.out', null, now() - interval '61 minutes'), ('still.counted', null, now() - interval '59 minutes')`.execute(
      t.db.dbWrite,
    );
    const before = await countedAttempts('nguyen.thi.b');
    await dailyUpkeep(t.db);
    expect(await countedAttempts('aged.out')).toBe(0);
    expect(await countedAttempts('still.counted')).toBe(1);
    expect(await countedAttempts('nguyen.thi.b')).toBe(before);
  });
});

describe('password hashing is bounded', () => {
  it('runs at most 2 hashes at once with 3 waiting, and refuses the excess at once with 503 and Retry-After', async () => {
    const tight = countedHashing(2, 3);
    const small = await createTestApp({}, { loginHashing: tight.hashing });
    try {
      const finished: number[] = [];
      // Unknown names from addresses of their own: no limit of the throttle applies, only the bound.
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const o = await tryLogin(small.app, `nobody-${i}`, 'wrong-password', `100.64.0.${i}`);
          finished.push(o.status);
          return o;
        }),
      );
      expect(statusCounts(outcomes)).toEqual({ 401: 5, 503: 25 });
      for (const o of outcomes.filter((o) => o.status === 503)) {
        expect(o.retryAfter).toBe('2');
        expect(o.message?.vi).toContain('Máy chủ đang bận');
        expect(o.message?.en).toContain('busy');
      }
      // Refused at once: every 503 was answered before the first hash had finished.
      expect(finished.slice(0, 25).every((s) => s === 503)).toBe(true);
      // Unknown names cost a real hash each (no shortcut that would time differently), two at a time.
      expect(tight.count.checks).toBe(5);
      expect(tight.count.peak).toBe(2);
      // Refused before the database: only the five evaluated attempts were recorded.
      const recorded = await sql<{ n: number }>`select count(*)::int as n from login_attempts`.execute(small.db.dbRead);
      expect(recorded.rows[0]!.n).toBe(5);
      // Places are given back: once the line is empty, a login gets in again.
      expect((await tryLogin(small.app, 'admin', 'test-admin-password', '100.64.1.1')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
