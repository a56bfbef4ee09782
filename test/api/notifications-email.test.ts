import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../server/notifications/mailer';
import { runNotifications } from '../../server/notifications/run-notifications';
import { startSmtpInbox, type ReceivedMail } from '../support/smtp-inbox';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

const SMTP_PORT = 4215;

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let inbox: ReceivedMail[] = [];
const mailer = smtpMailer(`smtp://127.0.0.1:${SMTP_PORT}`, 'hailong <alerts@hailong.test>');

const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtpInbox(SMTP_PORT);
  inbox = smtp.inbox;
  t = await createTestApp();
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
  await t.close();
});

async function api<T>(cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await t.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: 'http://localhost', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Vietnam-local wall time (UTC+7) as an instant. */
const vn = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 7, minute));

describe('alerts by e-mail', () => {
  it('refuses a bad subscription with a bilingual 422', async () => {
    const admin = await login(t.app);
    const top = await t.db.dbRead.selectFrom('units').select('id').orderBy('path').executeTakeFirstOrThrow();
    const bad = await api<{ message: { vi: string; en: string } }>(admin, '/api/alert-subscriptions', {
      method: 'POST',
      body: { unitId: top.id, email: 'not-an-address', quietFrom: 21 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message.vi).toBeTruthy();
    expect(bad.body.message.en).toBeTruthy();
    const missing = await api(admin, '/api/alert-subscriptions/987654', { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });

  it('sends each overdue case once, to the subtree, honouring digests and quiet hours', async () => {
    const admin = await login(t.app);
    // Subscribed at the top of the tree: the cases of every unit below reach them.
    const top = await t.db.dbRead.selectFrom('units').select('id').orderBy('path').executeTakeFirstOrThrow();
    for (const body of [
      { email: 'now@example.test', mode: 'immediate' },
      { email: 'digest@example.test', mode: 'digest' },
      { email: 'quiet@example.test', mode: 'immediate', quietFrom: 21, quietTo: 7 },
    ]) {
      expect((await api(admin, '/api/alert-subscriptions', { method: 'POST', body: { unitId: top.id, ...body } })).status).toBe(201);
    }
    const listed = await api<{ subscriptions: { email: string }[] }>(admin, '/api/alert-subscriptions');
    expect(listed.body.subscriptions.map((s) => s.email).sort()).toEqual(['digest@example.test', 'now@example.test', 'quiet@example.test']);

    for (let i = 0; i < 2; i++) {
      const res = await submitJson(t.app, 'demo-land', { answers: { overall: 1 }, comment: `Góp ý ${i}` } as never);
      expect(res.status).toBe(201);
    }
    const cases = await t.db.dbRead.selectFrom('cases').select('id').execute();
    expect(cases).toHaveLength(2);
    await t.db.dbWrite
      .updateTable('cases')
      .set({ due_at: vn(1, 8) })
      .execute();

    // 22:00: the immediate subscriber gets one e-mail per alert; the quiet one is held; no digest yet.
    await runNotifications({ db: t.db.dbWrite, mailer }, vn(1, 22));
    const overdueMails = mailsTo('now@example.test').filter((m) => m.text.includes('quá hạn'));
    expect(overdueMails).toHaveLength(2);
    for (const m of overdueMails) {
      expect(m.subject).toContain('Cảnh báo');
      expect(m.text.indexOf('quá hạn')).toBeLessThan(m.text.indexOf('overdue'));
      expect(m.text).toMatch(/Complaint case #\d+ of .* is overdue/);
      expect(m.text).not.toContain('Góp ý');
    }
    expect(mailsTo('quiet@example.test')).toHaveLength(0);
    expect(mailsTo('digest@example.test')).toHaveLength(0);
    const firstCount = mailsTo('now@example.test').length;

    // A second run finds the same alerts: nothing is sent again.
    await runNotifications({ db: t.db.dbWrite, mailer }, vn(1, 23));
    expect(mailsTo('now@example.test')).toHaveLength(firstCount);
    expect(mailsTo('quiet@example.test')).toHaveLength(0);

    // 07:30 next day: quiet hours are over and the digest is due, all alerts in one e-mail.
    await runNotifications({ db: t.db.dbWrite, mailer }, vn(2, 7, 30));
    expect(mailsTo('quiet@example.test').filter((m) => m.text.includes('quá hạn'))).toHaveLength(2);
    const digests = mailsTo('digest@example.test');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/Tổng hợp \d+ cảnh báo/);
    for (const c of cases) expect(digests[0]!.text).toContain(`#${c.id}`);

    const total = inbox.length;
    await runNotifications({ db: t.db.dbWrite, mailer }, vn(2, 9));
    expect(inbox.length).toBe(total);
  });
});
