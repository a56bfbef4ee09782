import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../server/notifications/mailer';
import { runWebhookDeliveries } from '../../server/webhooks/run-webhooks';
import { startSmtpInbox } from '../support/smtp-inbox';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let mailer: ReturnType<typeof smtpMailer>;
let broken: Server;
let brokenUrl: string;

async function api<T>(path: string, init: { method?: string; body?: unknown; as?: string } = {}) {
  const res = await t.app.request(path, {
    method: init.method ?? 'GET',
    headers: {
      cookie: init.as ?? cookie,
      origin: 'http://localhost',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

type User = { id: number; username: string; role: string; email: string | null; disabled: boolean };
const userNamed = async (name: string) => (await api<{ users: User[] }>('/api/users')).body.users.find((u) => u.username === name)!;

beforeAll(async () => {
  // Both servers on loopback, on ports the system picks.
  smtp = await startSmtpInbox();
  mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'hailong <he-thong@hailong.test>');
  broken = createServer((_req, res) => res.writeHead(500).end('down for maintenance'));
  await new Promise<void>((done) => broken.listen(0, '127.0.0.1', () => done()));
  const address = broken.address();
  brokenUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
  t = await createTestApp();
  cookie = await login(t.app);
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
  await new Promise<void>((done) => broken.close(() => done()));
  await t.close();
});

describe("an account's e-mail address", () => {
  it('has none at first, and refuses a malformed one with a bilingual 422 naming the field', async () => {
    expect((await userNamed('admin')).email).toBeNull();
    const me = await userNamed('admin');
    for (const email of ['not-an-address', 'a@', `${'x'.repeat(200)}@example.vn`, 42]) {
      const bad = await api<{ message: { vi: string; en: string }; fields: Record<string, { vi: string; en: string }> }>(
        `/api/users/${me.id}`,
        { method: 'PATCH', body: { email } },
      );
      expect(bad.status, String(email)).toBe(422);
      expect(bad.body.message.vi).toBe('Dữ liệu gửi lên chưa đúng.');
      expect(bad.body.fields.email?.vi).toMatch(/^Giá trị không hợp lệ/);
      expect(bad.body.fields.email?.en).toBeTruthy();
    }
    expect((await userNamed('admin')).email).toBeNull();
  });

  it('is set (kept in lower case) without signing the account out, audited, and removed with null', async () => {
    const me = await userNamed('admin');
    const set = await api<User>(`/api/users/${me.id}`, { method: 'PATCH', body: { email: 'Chu.Tich@HungYen.gov.vn' } });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe('chu.tich@hungyen.gov.vn');
    // The same session goes on: a new address changes nothing the account may do.
    expect((await userNamed('admin')).email).toBe('chu.tich@hungyen.gov.vn');
    const audit = await t.db.dbRead
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'user_changed')
      .where('subject', '=', `user:${me.id}`)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ email: 'chu.tich@hungyen.gov.vn' });
    const cleared = await api<User>(`/api/users/${me.id}`, { method: 'PATCH', body: { email: null } });
    expect(cleared.body.email).toBeNull();
    await api(`/api/users/${me.id}`, { method: 'PATCH', body: { email: 'chu.tich@hungyen.gov.vn' } });
  });

  it('is given when an account is created, and refused there too when malformed', async () => {
    const bad = await api<{ fields: Record<string, unknown> }>('/api/users', {
      method: 'POST',
      body: { username: 'qt-hai', role: 'admin', email: 'qt hai@x' },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toContain('email');
    for (const [username, role, email] of [
      ['qt-hai', 'admin', 'qt.hai@hungyen.gov.vn'],
      ['qt-nghi', 'admin', 'qt.nghi@hungyen.gov.vn'],
      ['pt-mot', 'analyst', 'pt.mot@hungyen.gov.vn'],
      ['qt-khong-mail', 'admin', undefined],
    ] as const) {
      const created = await api<User>('/api/users', { method: 'POST', body: { username, role, ...(email ? { email } : {}) } });
      expect(created.status).toBe(201);
      expect(created.body.email).toBe(email ?? null);
    }
    const away = await userNamed('qt-nghi');
    expect((await api(`/api/users/${away.id}`, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);
  });
});

describe('the e-mail when a webhook endpoint is switched off', () => {
  it("reaches each active administrator's own address once, through a real SMTP server, and nobody else", async () => {
    const endpoint = await api<{ id: number }>('/api/webhooks', { method: 'POST', body: { url: brokenUrl, events: ['case.opened'] } });
    expect(endpoint.status).toBe(201);
    await submitJson(t.app, 'demo-land', { answers: { overall: 1 } } as never);
    const start = new Date();
    for (let hour = 0; hour <= 30; hour++) {
      for (const minute of [0, 1, 6, 31])
        await runWebhookDeliveries({ db: t.db.dbWrite, mailer }, new Date(start.getTime() + (hour * 60 + minute) * 60_000));
    }
    const listed = await api<{ webhooks: { id: number; enabled: boolean }[] }>('/api/webhooks');
    expect(listed.body.webhooks.find((w) => w.id === endpoint.body.id)?.enabled).toBe(false);

    const recipients = smtp.inbox.flatMap((m) => m.to).sort();
    expect(recipients).toEqual(['chu.tich@hungyen.gov.vn', 'qt.hai@hungyen.gov.vn']);
    for (const m of smtp.inbox) {
      expect(m.subject).toBe('Webhook đã bị tắt / Webhook disabled');
      expect(m.text).toContain(brokenUrl);
      expect(m.text).toMatch(/đã bị tắt tự động[\s\S]*switched off automatically/);
      // Nothing of the citizen's answer rides along.
      expect(m.text).not.toMatch(/overall|demo-land/);
    }
    // Off is off: more rounds send nothing more.
    for (let hour = 31; hour <= 33; hour++)
      await runWebhookDeliveries({ db: t.db.dbWrite, mailer }, new Date(start.getTime() + hour * 3600_000));
    expect(smtp.inbox).toHaveLength(2);
  });
});
