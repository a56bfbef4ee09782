import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

/** What the administrator's settings pages read before they change anything: counters' kiosk state, retention's reach, the audit log by person. */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
});
afterAll(() => t.close());

const call = async <T = any>(method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie: admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
};

interface CounterSetting {
  code: string;
  name: string;
  unit: { id: number; name: string };
  kiosk: boolean;
  retired: boolean;
}

describe('the counters an administrator switches to kiosk mode', () => {
  it('lists every counter with its unit and kiosk state, and shows a switch made through PATCH', async () => {
    const before = await call<{ counters: CounterSetting[] }>('GET', '/api/counters');
    expect(before.status).toBe(200);
    const land = before.body.counters.find((c) => c.code === 'demo-land')!;
    expect(land).toMatchObject({ kiosk: false, retired: false });
    expect(land.name.length).toBeGreaterThan(0);
    expect(land.unit.name.length).toBeGreaterThan(0);
    expect((await call('PATCH', '/api/counters/demo-land', { kiosk: true })).status).toBe(200);
    const after = await call<{ counters: CounterSetting[] }>('GET', '/api/counters');
    expect(after.body.counters.find((c) => c.code === 'demo-land')!.kiosk).toBe(true);
    expect(after.body.counters.filter((c) => c.kiosk).map((c) => c.code)).toEqual(['demo-land']);
  });
});

describe('the retention preview', () => {
  it('counts what a period would remove, removes nothing, and then matches what applying it removed', async () => {
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 4 }, comment: 'Nhanh gọn' })).status).toBe(201);
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: 'Tốt' })).status).toBe(201);
    // One answer from 14 months ago, one from 3 months ago: a 12-month period reaches the first only.
    await sql`update responses set submitted_at = now() - interval '14 months' where id = (select min(id) from responses where comment = 'Nhanh gọn')`.execute(
      t.db.dbWrite,
    );
    await sql`update responses set submitted_at = now() - interval '3 months' where id = (select min(id) from responses where comment = 'Tốt')`.execute(
      t.db.dbWrite,
    );

    const wide = await call<{ months: number; cutoff: string; responses: number; contacts: number }>(
      'GET',
      '/api/privacy/retention/preview?months=24',
    );
    expect(wide.body).toMatchObject({ months: 24, responses: 0, contacts: 0 });
    const preview = await call<{ months: number; cutoff: string; responses: number; contacts: number }>(
      'GET',
      '/api/privacy/retention/preview?months=12',
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ months: 12, responses: 1, contacts: 0 });
    const cutoff = new Date(preview.body.cutoff);
    const twelveMonthsAgo = new Date();
    twelveMonthsAgo.setUTCMonth(twelveMonthsAgo.getUTCMonth() - 12);
    expect(Math.abs(cutoff.getTime() - twelveMonthsAgo.getTime())).toBeLessThan(60_000);
    // A preview changes nothing.
    expect((await call<{ months: number }>('GET', '/api/privacy/retention')).body.months).toBe(24);
    const kept = await sql<{ n: number }>`select count(*)::int as n from responses where comment is not null`.execute(t.db.dbRead);
    expect(kept.rows[0]!.n).toBe(2);

    const applied = await call<{ months: number; applied: { responses: number; contacts: number } }>('PUT', '/api/privacy/retention', {
      months: 12,
    });
    expect(applied.body.applied).toMatchObject({ responses: preview.body.responses, contacts: preview.body.contacts });
    expect((await call('GET', '/api/privacy/retention/preview?months=12')).body).toMatchObject({ responses: 0 });
  });

  it('refuses a period that is not 1 to 120 whole months with a 400 in both languages', async () => {
    for (const bad of ['0', '121', '1.5', 'abc', '']) {
      const res = await call<{ message: { vi: string; en: string }; fields: Record<string, { vi: string; en: string }> }>(
        'GET',
        `/api/privacy/retention/preview?months=${bad}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.fields.months).toEqual({
        vi: 'Số tháng phải là số nguyên từ 1 đến 120.',
        en: '"months" must be a whole number from 1 to 120.',
      });
    }
  });
});

describe('the audit log, filtered by who acted', () => {
  it('returns only that person’s entries', async () => {
    const failed = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'someone.else', password: 'not-the-password' }),
    });
    expect(failed.status).toBe(401);
    const mine = await call<{ items: { actor: { username: string | null }; action: string }[] }>('GET', '/api/audit?actor=admin&limit=500');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(new Set(mine.body.items.map((i) => i.actor.username))).toEqual(new Set(['admin']));
    const theirs = await call<{ items: { actor: { username: string | null }; action: string }[] }>('GET', '/api/audit?actor=someone.else');
    expect(theirs.body.items.map((i) => i.action)).toEqual(['login_failed']);
  });
});
