import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { createApp } from '../../server/app';
import { firstStart } from '../../server/bootstrap/first-start';
import { appConfigFromEnv } from '../../server/config/app-config';
import { parseEnv } from '../../server/config/env';
import type { MailMessage } from '../../server/notifications/mailer';
import { dailyUpkeep } from '../../server/upkeep/daily-upkeep';
import { runWebhookDeliveries } from '../../server/webhooks/run-webhooks';
import { ADMIN_PASSWORD, login, submitJson } from '../support/test-app';

const RECEIVER_PORT = 4211;
const DEAD_PORT = 4213;
const PHONE = '0345678901';
const COMMENT = 'Nhân viên thu thêm tiền ngoài quy định';

const pgSchema = `test_hooks_${randomBytes(4).toString('hex')}`;

/**
 * The app over a kept PGlite folder (or, with DATABASE_URL, a schema of its own), so it can be
 * closed and started again on the same data.
 */
async function openApp(dataDir: string) {
  const url = process.env.DATABASE_URL;
  const db: DbHandle = url ? await createDb({ databaseUrl: url, schema: pgSchema, poolSize: 4 }) : await createDb({ dataDir });
  await migrateToLatest(db.dbWrite, url ? pgSchema : undefined);
  const env = parseEnv({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD, HAILONG_TRUST_PROXY: '1' });
  const state = await firstStart(db.dbWrite, env, () => {});
  return { app: createApp({ db, config: appConfigFromEnv(env, state.secret) }), db };
}

/** The Standard Webhooks check written from the spec here, not taken from the product. */
function verifySignature(secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const id = String(headers['webhook-id']);
  const ts = String(headers['webhook-timestamp']);
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, sig] = part.split(',');
      const got = Buffer.from(sig ?? '', 'base64');
      return version === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
    });
}

interface Hit {
  id: string;
  body: string;
  verified: boolean;
  answered: number;
}

let dataDir: string;
let t: Awaited<ReturnType<typeof openApp>>;
let cookie: string;
let receiver: Server | undefined;
let answerWith = 200;
const hits: Hit[] = [];
let secret = '';

function startReceiver(): Promise<void> {
  return new Promise((done) => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        hits.push({
          id: String(req.headers['webhook-id']),
          body,
          verified: verifySignature(secret, req.headers, body),
          answered: answerWith,
        });
        res.writeHead(answerWith, { 'content-type': 'text/plain' }).end(answerWith === 200 ? 'ok' : 'broken');
      });
    }).listen(RECEIVER_PORT, '127.0.0.1', () => done());
  });
}
const stopReceiver = () => new Promise<void>((done) => (receiver ? receiver.close(() => done()) : done()));

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await t.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: 'http://localhost', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const deliveries = () => t.db.dbRead.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'i20b-webhooks-'));
  t = await openApp(dataDir);
  cookie = await login(t.app);
});

afterAll(async () => {
  await stopReceiver();
  if (process.env.DATABASE_URL) await sql`drop schema ${sql.id(pgSchema)} cascade`.execute(t.db.dbWrite);
  await t.db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('webhook endpoints', () => {
  it('refuses a bad endpoint with a bilingual 422', async () => {
    const bad = await api<{ message: { vi: string; en: string } }>('/api/webhooks', {
      method: 'POST',
      body: { url: 'ftp://x', events: ['case.nope'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message.vi).toBeTruthy();
    expect(bad.body.message.en).toBeTruthy();
    const missing = await api('/api/webhooks/999/deliveries');
    expect(missing.status).toBe(404);
  });

  it('shows the secret once, on creation', async () => {
    const created = await api<{ id: number; secret: string }>('/api/webhooks', {
      method: 'POST',
      body: { url: `http://127.0.0.1:${RECEIVER_PORT}/hook`, events: ['case.opened', 'case.closed'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    secret = created.body.secret;
    const list = await api<{ webhooks: Record<string, unknown>[] }>('/api/webhooks');
    expect(list.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));
  });
});

describe('deliveries', () => {
  const t0 = new Date('2026-12-01T03:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it('retries while the receiver is down or failing, across a restart, and delivers once', async () => {
    const res = await submitJson(t.app, 'demo-land', {
      answers: { overall: 1 },
      comment: COMMENT,
      contact: { phone: PHONE, consent: true },
    } as never);
    expect(res.status).toBe(201);
    const [queued] = await deliveries();
    expect(queued?.event).toBe('case.opened');
    await t.db.dbWrite.updateTable('webhook_deliveries').set({ next_attempt_at: t0 }).execute();

    // Nobody listening: connection refused, retried after 5 s.
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, t0)).toBe(1);
    let [d] = await deliveries();
    expect(d?.status).toBe('pending');
    expect(d?.attempts).toBe(1);
    expect(d?.last_error).toMatch(/ECONNREFUSED|refused|fetch failed/i);
    expect(new Date(d!.next_attempt_at).getTime()).toBe(at(5).getTime());
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, at(4))).toBe(0);

    // Listening, but failing: 500, retried after 5 min.
    answerWith = 500;
    await startReceiver();
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, at(5))).toBe(1);
    [d] = await deliveries();
    expect(d?.last_status).toBe(500);
    expect(new Date(d!.next_attempt_at).getTime()).toBe(at(305).getTime());

    // The server stops in the middle of the retries and starts again on the same data.
    await t.db.close();
    t = await openApp(dataDir);
    cookie = await login(t.app);

    answerWith = 200;
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, at(305))).toBe(1);
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, at(100_000))).toBe(0);
    [d] = await deliveries();
    expect(d?.status).toBe('delivered');
    expect(d?.attempts).toBe(3);
    const forThis = hits.filter((h) => h.id === d!.message_id);
    expect(forThis.map((h) => h.answered)).toEqual([500, 200]);
    expect(forThis.every((h) => h.verified)).toBe(true);

    const payload = JSON.parse(forThis[1]!.body) as { type: string; data: Record<string, unknown> };
    expect(payload.type).toBe('case.opened');
    expect(payload.data.caseId).toEqual(expect.any(Number));
    expect(payload.data.unitName).toEqual(expect.any(String));
    // Times as JavaScript writes them, equal to the case's own.
    const opened = await t.db.dbRead
      .selectFrom('cases')
      .select(['created_at', 'due_at'])
      .where('id', '=', payload.data.caseId as number)
      .executeTakeFirstOrThrow();
    expect(payload.data.openedAt).toBe(new Date(opened.created_at).toISOString());
    expect(payload.data.dueAt).toBe(new Date(opened.due_at).toISOString());
    expect(payload.data.closedAt).toBeNull();
    expect(payload.data.state).toBe('received');
    expect(forThis[1]!.body).not.toContain(PHONE);
    expect(forThis[1]!.body).not.toContain(COMMENT);
    expect(forThis[1]!.body).not.toMatch(/@/);
  });

  it('shows the delivery log and redelivers on request', async () => {
    const [endpoint] = (await api<{ webhooks: { id: number }[] }>('/api/webhooks')).body.webhooks;
    const log = await api<{ deliveries: { id: number; status: string; last_status: number }[]; attempts: unknown[] }>(
      `/api/webhooks/${endpoint!.id}/deliveries`,
    );
    expect(log.status).toBe(200);
    expect(log.body.deliveries[0]?.status).toBe('delivered');
    expect(log.body.deliveries[0]?.last_status).toBe(200);
    expect(log.body.attempts).toHaveLength(3);
    const deliveryId = log.body.deliveries[0]!.id;
    const again = await api(`/api/webhooks/${endpoint!.id}/deliveries/${deliveryId}/redeliver`, { method: 'POST' });
    expect(again.status).toBe(200);
    const before = hits.length;
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, new Date())).toBe(1);
    expect(hits.length).toBe(before + 1);
    expect(hits.at(-1)?.verified).toBe(true);
    const wrong = await api(`/api/webhooks/${endpoint!.id}/deliveries/999999/redeliver`, { method: 'POST' });
    expect(wrong.status).toBe(404);
  });

  it('sends case.closed when a case is closed', async () => {
    const caseRow = await t.db.dbRead.selectFrom('cases').select('id').executeTakeFirstOrThrow();
    const closed = await api(`/api/cases/${caseRow.id}/close`, { method: 'POST', body: { reason: 'Đã xử lý / handled' } });
    expect(closed.status).toBe(200);
    expect(await runWebhookDeliveries({ db: t.db.dbWrite }, new Date())).toBe(1);
    const last = JSON.parse(hits.at(-1)!.body) as { type: string; data: { state: string } };
    expect(last.type).toBe('case.closed');
    expect(last.data.state).toBe('closed');
  });

  it('switches an endpoint off after a day of failures and e-mails the administrators', async () => {
    // The administrator's own address (migration 0020), not an alert subscription's.
    const me = await t.db.dbRead.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const withEmail = await api(`/api/users/${me.id}`, { method: 'PATCH', body: { email: 'Admin@Example.test' } });
    expect(withEmail.status).toBe(200);
    const dead = await api<{ id: number }>('/api/webhooks', {
      method: 'POST',
      body: { url: `http://127.0.0.1:${DEAD_PORT}/`, events: ['case.opened'] },
    });
    expect(dead.status).toBe(201);
    await submitJson(t.app, 'demo-land', { answers: { overall: 1 } } as never);
    const start = new Date();
    const mails: MailMessage[] = [];
    const mailer = { send: async (m: MailMessage) => void mails.push(m), close: () => {} };
    for (let hour = 0; hour <= 30; hour++) {
      for (const minute of [0, 1, 6, 31])
        await runWebhookDeliveries({ db: t.db.dbWrite, mailer }, new Date(start.getTime() + (hour * 60 + minute) * 60_000));
    }
    const endpoint = (
      await api<{ webhooks: { id: number; enabled: boolean; disabledReason: string }[] }>('/api/webhooks')
    ).body.webhooks.find((w) => w.id === dead.body.id);
    expect(endpoint?.enabled).toBe(false);
    expect(endpoint?.disabledReason).toMatch(/24 h|consecutive/);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe('admin@example.test');
    expect(mails[0]?.subject).toContain('Webhook');
    expect(mails[0]?.text).toMatch(/đã bị tắt[\s\S]*switched off/);
    const failed = await t.db.dbRead
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempts'])
      .where('endpoint_id', '=', dead.body.id)
      .execute();
    expect(failed.every((f) => f.attempts >= 7)).toBe(true);
  });

  it('announces the month just ended once (report.ready from the daily upkeep)', async () => {
    const hook = await api<{ id: number }>('/api/webhooks', {
      method: 'POST',
      body: { url: `http://127.0.0.1:${RECEIVER_PORT}/r`, events: ['report.ready'] },
    });
    expect(hook.status).toBe(201);
    const now = new Date('2027-02-01T02:00:00Z');
    await dailyUpkeep(t.db, now);
    await dailyUpkeep(t.db, new Date(now.getTime() + 86_400_000));
    const ready = await t.db.dbRead.selectFrom('webhook_deliveries').select(['payload']).where('endpoint_id', '=', hook.body.id).execute();
    expect(ready).toHaveLength(1);
    expect(ready[0]?.payload).toMatchObject({ type: 'report.ready', data: { month: '2027-01' } });
  });
});
