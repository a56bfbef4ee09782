import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { maskPhone, normalizePhone } from '../../server/cases/phone-number';
import { parseEnv } from '../../server/config/env';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, formToken, login, newClientKey, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
});
afterAll(() => t.close());

interface CaseJson {
  id: number;
  responseId: number | null;
  status: string;
  openedBy: string;
  reason: string;
  unit: { id: number; name: string };
  assignedUnit: { id: number; name: string } | null;
  createdAt: string;
  dueAt: string;
  answeredAt: string | null;
  answer: string | null;
  closeReason: string | null;
  overdue: boolean;
  answeredOnTime: boolean | null;
  contact: { phone: string; consentAt: string } | null;
}
interface Figures {
  open: number;
  overdue: number;
  answered: number;
  answeredOnTime: number;
  answeredOnTimeShare: number | null;
}

async function api<T>(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await t.app.request(path, {
    method: init.method ?? 'GET',
    // A browser names its origin on every POST and DELETE; the CSRF guard wants it for bodiless ones.
    headers: {
      cookie: init.cookie ?? admin,
      origin: 'http://localhost',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Submits through the citizen JSON API and returns the stored response id. */
async function rate(code: string, body: Record<string, unknown>): Promise<number> {
  const res = await submitJson(t.app, code, body as { answers: Record<string, unknown> });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function casesOf(responseId: number) {
  return t.db.dbRead.selectFrom('cases').selectAll().where('response_id', '=', responseId).execute();
}
async function caseIdOf(responseId: number): Promise<number> {
  const [row] = await casesOf(responseId);
  expect(row).toBeDefined();
  return row!.id;
}
const countRows = async (table: 'cases' | 'case_contacts') =>
  Number(
    (
      await t.db.dbRead
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const unitId = async (code: string) =>
  (await t.db.dbRead.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('opening a case by itself', () => {
  it('opens one for a low rating, due in 7 days; a replay of the same answer opens no second one', async () => {
    const body = { clientKey: newClientKey(), token: await formToken(t.app, 'demo-land'), answers: { overall: 2, access_q: 4 } };
    const id = await rate('demo-land', body);
    const [opened] = await casesOf(id);
    expect(opened).toMatchObject({ status: 'received', opened_by: 'auto', reason: 'low_rating', unit_id: await unitId('33-TTPVHCC') });
    expect(opened!.due_at.getTime() - opened!.created_at.getTime()).toBe(7 * DAY);

    const before = await countRows('cases');
    const replay = await submitJson(t.app, 'demo-land', body);
    expect(replay.status).toBe(200);
    expect(await casesOf(id)).toHaveLength(1);
    expect(await countRows('cases')).toBe(before);
  });

  it('opens one for a single item rated 1 even with a good overall, and none for good ratings', async () => {
    expect(await casesOf(await rate('demo-land', { answers: { overall: 4, procedure_q: 1 } }))).toHaveLength(1);
    const before = await countRows('cases');
    await rate('demo-land', { answers: { overall: 4, access_q: 3, procedure_q: 5 } });
    await rate('demo-land', { answers: { overall: 5 }, comment: 'Rất tốt, cảm ơn' });
    expect(await countRows('cases')).toBe(before);
  });

  it('opens one for a comment with a phone left, even with a good rating', async () => {
    const id = await rate('demo-land', {
      answers: { overall: 4 },
      comment: 'Xin hỏi về hồ sơ',
      contact: { phone: '0912 345 678', consent: true },
    });
    expect((await casesOf(id))[0]).toMatchObject({ reason: 'contact_request' });
  });

  it('takes the due days from HAILONG_CASE_DUE_DAYS', () => {
    expect(parseEnv({}).HAILONG_CASE_DUE_DAYS).toBe(7);
    expect(parseEnv({ HAILONG_CASE_DUE_DAYS: '3' }).HAILONG_CASE_DUE_DAYS).toBe(3);
    expect(() => parseEnv({ HAILONG_CASE_DUE_DAYS: '0' })).toThrow(/HAILONG_CASE_DUE_DAYS/);
  });
});

describe('a phone number to be called back on', () => {
  it('is read as Vietnamese numbers are written, and masked', () => {
    for (const typed of [
      '0912345678',
      '091 234 5678',
      '0912.345.678',
      '+84912345678',
      '+84 (0)912 345 678',
      '0084912345678',
      '84912345678',
      '０９１２３４５６７８',
    ]) {
      expect(normalizePhone(typed)).toBe('0912345678');
    }
    expect(normalizePhone('024 3825 1234')).toBe('02438251234');
    for (const wrong of ['12345', '0112345678', '091234567', '09123456789', '+1 202 555 0100', 'abc'])
      expect(normalizePhone(wrong)).toBeNull();
    expect(maskPhone('0912345123')).toBe('09•••••123');
    expect(maskPhone('02438251234')).toBe('02••••••234');
  });

  it('is refused without consent, storing nothing at all', async () => {
    const before = { ...(await dbSnapshot(t.db)), cases: await countRows('cases'), contacts: await countRows('case_contacts') };
    for (const contact of [{ phone: '0912345678' }, { phone: '0912345678', consent: false }]) {
      const res = await submitJson(t.app, 'demo-land', { answers: { overall: 1 }, comment: 'Chờ quá lâu', contact });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { fields: Record<string, { vi: string; en: string }> };
      expect(body.fields._contact!.vi).toMatch(/chưa đánh dấu ô đồng ý/);
    }
    const bad = await submitJson(t.app, 'demo-land', { answers: { overall: 1 }, contact: { phone: '12345', consent: true } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { fields: Record<string, { en: string }> }).fields._contact!.en).toMatch(/not valid/);
    const after = { ...(await dbSnapshot(t.db)), cases: await countRows('cases'), contacts: await countRows('case_contacts') };
    expect(after).toEqual(before);
  });

  it('ignores consent without a number', async () => {
    const id = await rate('demo-land', { answers: { overall: 1 }, contact: { phone: '  ', consent: true } });
    const caseId = await caseIdOf(id);
    expect(await t.db.dbRead.selectFrom('case_contacts').selectAll().where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('with consent is kept apart from the answers, normalised, and only ever shown masked', async () => {
    const id = await rate('demo-land', {
      answers: { overall: 1 },
      comment: 'Cán bộ hẹn mãi',
      contact: { phone: '+84 (0)91 234-5678', consent: true },
    });
    const caseId = await caseIdOf(id);
    const contact = await t.db.dbRead.selectFrom('case_contacts').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(contact.phone).toBe('0912345678');
    const row = await sql<{ text: string }>`select r::text as text from responses r where id = ${id}`.execute(t.db.dbRead);
    expect(row.rows[0]!.text).not.toMatch(/912\D?345|345\D?678|2345678/);
    expect(row.rows[0]!.text).toContain('Cán bộ hẹn mãi');

    const one = await t.app.request(`/api/cases/${caseId}`, { headers: { cookie: admin } });
    const raw = await one.text();
    expect(raw).not.toContain('0912345678');
    const detail = JSON.parse(raw) as CaseJson & { response: { answers: object; comment: string } };
    expect(detail.contact?.phone).toBe('09•••••678');
    expect(detail.response).toMatchObject({ answers: { overall: 1 }, comment: 'Cán bộ hẹn mãi' });
    const list = await t.app.request('/api/cases?status=received', { headers: { cookie: admin } });
    const listText = await list.text();
    expect(listText).not.toContain('0912345678');
    expect((JSON.parse(listText) as { items: CaseJson[] }).items.find((c) => c.id === caseId)?.contact?.phone).toBe('09•••••678');
  });

  it('is offered on the form without JavaScript, unticked, and refused there without the tick', async () => {
    const html = await (await t.app.request('/q/demo-land')).text();
    expect(html).toContain('Để lại số điện thoại nếu Ông/Bà muốn được liên hệ lại về góp ý này');
    expect(html).toMatch(/<label class="block" for="phone">/);
    expect(html).toMatch(/<input type="checkbox" name="contactConsent" value="yes"\/?>/);
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const clientKey = /name="clientKey" value="([^"]+)"/.exec(html)![1]!;
    const fields = { token, clientKey, 'q.overall': '2', comment: 'Thiếu hướng dẫn', phone: '0987654321' };
    const post = (f: Record<string, string>) =>
      t.app.request('/q/demo-land?lang=vi', { method: 'POST', headers: { origin: 'http://localhost' }, body: new URLSearchParams(f) });
    const before = await dbSnapshot(t.db);
    const refused = await post(fields);
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toMatch(/id="err-contact"[^>]*>Ông\/Bà đã ghi số điện thoại nhưng chưa đánh dấu ô đồng ý/);
    expect(page).toContain('value="0987654321"');
    expect(await dbSnapshot(t.db)).toEqual(before);
    const freshToken = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const stored = await post({ ...fields, token: freshToken, contactConsent: 'yes' });
    expect(stored.status).toBe(201);
    const contact = await sql<{ phone: string }>`select cc.phone from case_contacts cc join cases c on c.id = cc.case_id
      join responses r on r.id = c.response_id where r.client_key = ${clientKey}`.execute(t.db.dbRead);
    expect(contact.rows).toEqual([{ phone: '0987654321' }]);
  });
});

describe('the workflow', () => {
  it('goes received → assigned → answered → closed, with notes; closing deletes the phone', async () => {
    const id = await rate('demo-land', {
      answers: { overall: 1 },
      comment: 'Nộp hồ sơ 3 lần',
      contact: { phone: '0345678901', consent: true },
    });
    const caseId = await caseIdOf(id);
    const ward = await unitId('11980');
    const note = await api<{ id: number; author: string }>(`/api/cases/${caseId}/notes`, {
      method: 'POST',
      body: { text: 'Đã gọi điện, hẹn trả lời trong tuần' },
    });
    expect(note.status).toBe(201);
    expect(note.body.author).toBe('admin');

    const assigned = await api<CaseJson>(`/api/cases/${caseId}/assign`, { method: 'POST', body: { unitId: ward } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assignedUnit: { id: ward } });
    const answered = await api<CaseJson>(`/api/cases/${caseId}/answer`, {
      method: 'POST',
      body: { answer: '  Đơn vị đã hướng dẫn lại thủ tục.  ' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: 'Đơn vị đã hướng dẫn lại thủ tục.', answeredOnTime: true });
    expect(answered.body.contact?.phone).toBe('03•••••901');

    const closed = await api<CaseJson>(`/api/cases/${caseId}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', contact: null });
    expect(await t.db.dbRead.selectFrom('case_contacts').selectAll().where('case_id', '=', caseId).execute()).toEqual([]);
    // the answers stay as they were
    const response = await t.db.dbRead
      .selectFrom('responses')
      .select(['answers', 'comment'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(response).toEqual({ answers: { overall: 1 }, comment: 'Nộp hồ sơ 3 lần' });

    const detail = await api<CaseJson & { notes: { text: string; author: string }[] }>(`/api/cases/${caseId}`);
    expect(detail.body.notes).toEqual([expect.objectContaining({ text: 'Đã gọi điện, hẹn trả lời trong tuần', author: 'admin' })]);
    const audit = await sql<{
      action: string;
      details: unknown;
    }>`select action, details from audit_log where subject = ${`case:${caseId}`} order by id`.execute(t.db.dbRead);
    expect(audit.rows.map((r) => r.action)).toEqual(['case_changed', 'case_changed', 'case_changed', 'case_changed']);
    expect(JSON.stringify(audit.rows)).not.toContain('0345678901');
  });

  it('refuses steps out of order with 409 and a message saying what to do', async () => {
    const caseId = await caseIdOf(await rate('demo-land', { answers: { overall: 2 } }));
    const early = await api<{ message: { vi: string; en: string } }>(`/api/cases/${caseId}/answer`, {
      method: 'POST',
      body: { answer: 'Đã xử lý' },
    });
    expect(early.status).toBe(409);
    expect(early.body.message.en).toMatch(/Assign the case to a unit/);
    const noReason = await api<{ message: { vi: string } }>(`/api/cases/${caseId}/close`, { method: 'POST', body: {} });
    expect(noReason.status).toBe(409);
    expect(noReason.body.message.vi).toMatch(/ghi lý do/);

    const withReason = await api<CaseJson>(`/api/cases/${caseId}/close`, { method: 'POST', body: { reason: 'Trùng với phản ánh khác' } });
    expect(withReason.status).toBe(200);
    expect(withReason.body).toMatchObject({ status: 'closed', closeReason: 'Trùng với phản ánh khác', answer: null });
    for (const [step, body] of [
      ['answer', { answer: 'x' }],
      ['assign', { unitId: await unitId('11980') }],
      ['close', { reason: 'again' }],
    ] as const) {
      const res = await api<{ message: { en: string } }>(`/api/cases/${caseId}/${step}`, { method: 'POST', body });
      expect(res.status).toBe(409);
      expect(res.body.message.en).toMatch(/closed/);
    }
    const empty = await api(`/api/cases/${caseId}/answer`, { method: 'POST', body: { answer: '   ' } });
    expect(empty.status).toBe(422);
  });

  it('lets an analyst open a case for a comment, once, and not for an answer with nothing to follow up', async () => {
    const withComment = await rate('demo-land', { answers: { overall: 4 }, comment: 'Nhà vệ sinh hỏng' });
    const opened = await api<CaseJson>('/api/cases', {
      method: 'POST',
      body: { responseId: withComment, note: 'Chuyển bộ phận hành chính' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ openedBy: 'analyst', reason: 'comment', status: 'received', responseId: withComment });
    const twice = await api<{ message: { en: string } }>('/api/cases', { method: 'POST', body: { responseId: withComment } });
    expect(twice.status).toBe(409);
    const nothing = await api('/api/cases', { method: 'POST', body: { responseId: await rate('demo-land', { answers: { overall: 5 } }) } });
    expect(nothing.status).toBe(422);
    expect((await api('/api/cases', { method: 'POST', body: { responseId: 99_999_999 } })).status).toBe(404);
  });

  it('deletes the phone when the citizen asks, keeping the case', async () => {
    const caseId = await caseIdOf(await rate('demo-land', { answers: { overall: 1 }, contact: { phone: '0701234567', consent: true } }));
    const res = await api<{ contactDeleted: boolean }>(`/api/cases/${caseId}/contact`, { method: 'DELETE' });
    expect(res).toMatchObject({ status: 200, body: { contactDeleted: true } });
    expect(await t.db.dbRead.selectFrom('case_contacts').selectAll().where('case_id', '=', caseId).execute()).toEqual([]);
    expect((await api<CaseJson>(`/api/cases/${caseId}`)).body).toMatchObject({ status: 'received', contact: null });
    expect((await api<{ contactDeleted: boolean }>(`/api/cases/${caseId}/contact`, { method: 'DELETE' })).body.contactDeleted).toBe(false);
  });
});

describe('due dates', () => {
  const figures = async () => (await api<Figures>('/api/cases/figures')).body;
  /** A case received `daysAgo` days ago, with its due date as the setting made it then. */
  async function oldCase(daysAgo: number): Promise<number> {
    const caseId = await caseIdOf(await rate('demo-construction', { answers: { overall: 1 } }));
    await sql`update cases set created_at = now() - make_interval(days => ${daysAgo}),
      due_at = now() - make_interval(days => ${daysAgo}) + interval '7 days' where id = ${caseId}`.execute(t.db.dbWrite);
    return caseId;
  }

  it('a case assigned with a due date already past is overdue, in the list and in the figures; answered then, it is late', async () => {
    const before = await figures();
    const caseId = await oldCase(10);
    const dueAt = new Date(Date.now() - 2 * DAY).toISOString();
    const assigned = await api<CaseJson>(`/api/cases/${caseId}/assign`, {
      method: 'POST',
      body: { unitId: await unitId('33-TTPVHCC'), dueAt },
    });
    expect(assigned.body).toMatchObject({ status: 'assigned', dueAt, overdue: true });
    const overdueList = await api<{ items: CaseJson[] }>('/api/cases?overdue=1');
    expect(overdueList.body.items.map((c) => c.id)).toContain(caseId);
    expect(overdueList.body.items.every((c) => c.overdue)).toBe(true);
    const mid = await figures();
    expect(mid.open).toBe(before.open + 1);
    expect(mid.overdue).toBe(before.overdue + 1);

    const answered = await api<CaseJson>(`/api/cases/${caseId}/answer`, { method: 'POST', body: { answer: 'Đã trả lời muộn' } });
    expect(answered.body).toMatchObject({ overdue: false, answeredOnTime: false });
    const after = await figures();
    expect(after.overdue).toBe(before.overdue);
    expect(after.answered).toBe(before.answered + 1);
    expect(after.answeredOnTime).toBe(before.answeredOnTime);
    expect((await api<{ items: CaseJson[] }>('/api/cases?overdue=1')).body.items.map((c) => c.id)).not.toContain(caseId);
  });

  it('answered before the due date counts as on time; the share is answered on time over answered', async () => {
    const before = await figures();
    const onTime = await oldCase(3);
    await api(`/api/cases/${onTime}/assign`, { method: 'POST', body: { unitId: await unitId('33-TTPVHCC') } });
    const res = await api<CaseJson>(`/api/cases/${onTime}/answer`, { method: 'POST', body: { answer: 'Đã xử lý' } });
    expect(res.body.answeredOnTime).toBe(true);
    const after = await figures();
    expect(after.answered).toBe(before.answered + 1);
    expect(after.answeredOnTime).toBe(before.answeredOnTime + 1);
    expect(after.answeredOnTimeShare).toBeCloseTo(after.answeredOnTime / after.answered, 10);
    // a period with no answers has no share
    expect((await api<Figures>('/api/cases/figures?from=2020-01-01&to=2020-12-31')).body).toMatchObject({
      answered: 0,
      answeredOnTimeShare: null,
    });
  });

  it('refuses a due date before the case was received', async () => {
    const caseId = await oldCase(5);
    const res = await api(`/api/cases/${caseId}/assign`, {
      method: 'POST',
      body: { unitId: await unitId('33-TTPVHCC'), dueAt: new Date(Date.now() - 6 * DAY).toISOString() },
    });
    expect(res.status).toBe(422);
  });
});

describe('unit scope', () => {
  let wardAnalyst: string;
  beforeAll(async () => {
    const tenantId = (await t.db.dbRead.selectFrom('units').select('tenant_id').where('code', '=', '11980').executeTakeFirstOrThrow())
      .tenant_id;
    const password_hash = await hashPassword('ward-analyst-password');
    await createUser(t.db.dbWrite, {
      tenant_id: tenantId,
      username: 'hien-nam',
      password_hash,
      role: 'analyst',
      unit_id: await unitId('11980'),
    });
    await createUser(t.db.dbWrite, {
      tenant_id: tenantId,
      username: 'quay-dat',
      password_hash,
      role: 'officer',
      unit_id: await unitId('33-TTPVHCC'),
    });
    wardAnalyst = await login(t.app, 'hien-nam', 'ward-analyst-password');
  });

  it('an analyst of one ward can neither see nor change a case of another unit', async () => {
    const caseId = await caseIdOf(await rate('demo-land', { answers: { overall: 1 }, contact: { phone: '0911111222', consent: true } }));
    const as = { cookie: wardAnalyst };
    expect((await api(`/api/cases/${caseId}`, as)).status).toBe(404);
    expect((await api<{ items: CaseJson[] }>('/api/cases', as)).body.items.map((c) => c.id)).not.toContain(caseId);
    for (const [step, body] of [
      ['assign', { unitId: await unitId('11980') }],
      ['answer', { answer: 'x' }],
      ['close', { reason: 'x' }],
      ['notes', { text: 'x' }],
    ] as const) {
      expect((await api(`/api/cases/${caseId}/${step}`, { ...as, method: 'POST', body })).status).toBe(404);
    }
    expect((await api(`/api/cases/${caseId}/contact`, { ...as, method: 'DELETE' })).status).toBe(404);
    const elsewhere = await rate('demo-land', { answers: { overall: 4 }, comment: 'Quầy đông' });
    expect((await api('/api/cases', { ...as, method: 'POST', body: { responseId: elsewhere } })).status).toBe(404);
    expect((await api(`/api/cases?unit=${await unitId('33-TTPVHCC')}`, as)).status).toBe(403);
    expect((await api(`/api/cases/figures?unit=${await unitId('33-TTPVHCC')}`, as)).status).toBe(403);
    expect((await api<CaseJson>(`/api/cases/${caseId}`)).body.status).toBe('received');
  });

  it('sees a case once it is assigned to the ward, and may not hand it outside its ward', async () => {
    const caseId = await caseIdOf(await rate('demo-land', { answers: { overall: 2 } }));
    const as = { cookie: wardAnalyst };
    const figuresBefore = (await api<Figures>('/api/cases/figures', as)).body;
    await api(`/api/cases/${caseId}/assign`, { method: 'POST', body: { unitId: await unitId('11980') } });
    expect((await api<CaseJson>(`/api/cases/${caseId}`, as)).body.status).toBe('assigned');
    expect((await api<Figures>('/api/cases/figures', as)).body.open).toBe(figuresBefore.open + 1);
    const outside = await api(`/api/cases/${caseId}/assign`, { ...as, method: 'POST', body: { unitId: await unitId('33-TTPVHCC') } });
    expect(outside.status).toBe(403);
    expect(
      (await api<CaseJson>(`/api/cases/${caseId}/answer`, { ...as, method: 'POST', body: { answer: 'Phường đã xử lý' } })).body.status,
    ).toBe('answered');
  });

  it('is for analysts and administrators only', async () => {
    const officer = await login(t.app, 'quay-dat', 'ward-analyst-password');
    expect((await api('/api/cases', { cookie: officer })).status).toBe(403);
    expect((await api('/api/cases/figures', { cookie: 'hailong_session=nope' })).status).toBe(401);
  });
});

describe('the case page: the answer in words, the dossier code', () => {
  it('gives each question of the version with the answer’s label, and the dossier code the citizen entered', async () => {
    const id = await rate('demo-land', { answers: { overall: 2, access_q: null }, dossierCode: '000.00.17.H31-260101-0042' });
    const detail = await api<{
      response: {
        dossierCode: string | null;
        lines: { key: string; question: { vi: string; en: string }; value: number | null; answer: { vi: string; en: string } | null }[];
      };
    }>(`/api/cases/${await caseIdOf(id)}`);
    expect(detail.body.response.dossierCode).toBe('000.00.17.H31-260101-0042');
    const [overall, access, procedure] = detail.body.response.lines;
    expect(overall).toEqual({
      key: 'overall',
      question: {
        vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?',
        en: 'Overall, how satisfied are you with the public administrative service you received?',
      },
      value: 2,
      answer: { vi: '2 — Không hài lòng', en: '2 — Dissatisfied' },
    });
    expect(access).toMatchObject({ key: 'access_q', value: null, answer: { vi: 'Không ý kiến' } });
    expect(procedure).toMatchObject({ key: 'procedure_q', answer: null });
  });
});

describe('a person to handle the case, and the phone revealed to call back', () => {
  const password = 'handler-password-1';
  const ids: Record<string, number> = {};
  const cookies: Record<string, string> = {};
  interface Detail extends CaseJson {
    assignee: { id: number; username: string } | null;
    mayRevealContact: boolean;
    contactReveals: { at: string; username: string; reason: string }[];
  }
  beforeAll(async () => {
    const password_hash = await hashPassword(password);
    for (const [username, role, unit] of [
      ['xu-ly-mot-cua', 'analyst', '33-TTPVHCC'],
      ['xu-ly-an-tao', 'analyst', '11953'],
      ['can-bo-quay', 'officer', '33-TTPVHCC'],
      ['da-nghi', 'analyst', '33-TTPVHCC'],
    ] as const) {
      const user = await createUser(t.db.dbWrite, {
        tenant_id: t.state.tenantId,
        username,
        password_hash,
        role,
        unit_id: await unitId(unit),
      });
      ids[username] = user.id;
    }
    cookies.handler = await login(t.app, 'xu-ly-mot-cua', password);
    cookies.ward = await login(t.app, 'xu-ly-an-tao', password);
    await t.db.dbWrite.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', ids['da-nghi']!).execute();
  });

  it('lists whom a case of a unit may be given to: active, a role that works cases, the unit within their own', async () => {
    const res = await api<{ items: { id: number; username: string; role: string }[] }>(
      `/api/cases/assignees?unit=${await unitId('33-TTPVHCC')}`,
    );
    expect(res.status).toBe(200);
    const names = res.body.items.map((u) => u.username);
    expect(names).toContain('admin');
    expect(names).toContain('xu-ly-mot-cua');
    for (const no of ['xu-ly-an-tao', 'can-bo-quay', 'da-nghi']) expect(names).not.toContain(no);
    expect((await api(`/api/cases/assignees?unit=${await unitId('33-TTPVHCC')}`, { cookie: cookies.ward })).status).toBe(403);
    expect((await api('/api/cases/assignees?unit=abc')).status).toBe(400);
  });

  it('assigns a person with the unit, audited; refuses an unknown, disabled, officer or out-of-scope account in both languages', async () => {
    const caseId = await caseIdOf(await rate('demo-land', { answers: { overall: 1 } }));
    const oneStop = await unitId('33-TTPVHCC');
    for (const [assigneeId, en] of [
      [99_999_999, /not found/],
      [ids['da-nghi']!, /disabled/],
      [ids['can-bo-quay']!, /role may not handle/],
      [ids['xu-ly-an-tao']!, /outside this account’s units/],
    ] as const) {
      const res = await api<{ message: { vi: string; en: string }; fields: Record<string, { vi: string }> }>(
        `/api/cases/${caseId}/assign`,
        {
          method: 'POST',
          body: { unitId: oneStop, assigneeId },
        },
      );
      expect(res.status).toBe(422);
      expect(res.body.message.en).toMatch(en);
      expect(res.body.fields.assigneeId!.vi.length).toBeGreaterThan(10);
    }
    expect((await api<Detail>(`/api/cases/${caseId}`)).body).toMatchObject({ status: 'received', assignee: null });
    const ok = await api<Detail>(`/api/cases/${caseId}/assign`, {
      method: 'POST',
      body: { unitId: oneStop, assigneeId: ids['xu-ly-mot-cua'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'assigned',
      assignedUnit: { id: oneStop },
      assignee: { id: ids['xu-ly-mot-cua'], username: 'xu-ly-mot-cua' },
    });
    const audit = await sql<{ details: { assignee: unknown } }>`select details from audit_log where subject = ${`case:${caseId}`}
      and action = 'case_changed' order by id desc limit 1`.execute(t.db.dbRead);
    expect(audit.rows[0]!.details.assignee).toEqual({ id: ids['xu-ly-mot-cua'], username: 'xu-ly-mot-cua' });
    // handed to another unit without a person: nobody handles it by name any more
    const again = await api<Detail>(`/api/cases/${caseId}/assign`, { method: 'POST', body: { unitId: await unitId('11953') } });
    expect(again.body).toMatchObject({ assignedUnit: { id: await unitId('11953') }, assignee: null });
  });

  it('reveals the phone only to the assignee, with a reason, once per request, each reveal audited and shown on the case', async () => {
    const caseId = await caseIdOf(
      await rate('demo-land', { answers: { overall: 1 }, comment: 'Xin gọi lại', contact: { phone: '0987 111 222', consent: true } }),
    );
    const reveal = (cookie: string, reason: unknown) =>
      t.app.request(`/api/cases/${caseId}/contact/reveal`, {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
    // not assigned to anyone yet: nobody may, not even an administrator
    expect((await reveal(admin, 'Gọi lại cho người dân theo đề nghị')).status).toBe(403);
    await api(`/api/cases/${caseId}/assign`, {
      method: 'POST',
      body: { unitId: await unitId('33-TTPVHCC'), assigneeId: ids['xu-ly-mot-cua'] },
    });
    expect((await api<Detail>(`/api/cases/${caseId}`)).body.mayRevealContact).toBe(false);
    const asAdmin = await reveal(admin, 'Gọi lại cho người dân theo đề nghị');
    expect(asAdmin.status).toBe(403);
    expect(((await asAdmin.json()) as { message: { vi: string } }).message.vi).toMatch(/Chỉ người được giao xử lý/);
    const short = await reveal(cookies.handler!, 'gọi');
    expect(short.status).toBe(422);
    expect(((await short.json()) as { message: { vi: string; en: string } }).message).toEqual({
      vi: 'Xin ghi lý do xem số điện thoại (ít nhất 10 ký tự).',
      en: 'Give a reason to see the phone number (at least 10 characters).',
    });
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'contact_revealed'`.execute(
      t.db.dbRead,
    );
    expect(before.rows[0]!.n).toBe(0);

    const shown = await reveal(cookies.handler!, '  Gọi lại để hẹn ngày trả kết quả  ');
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(await shown.json()).toMatchObject({ id: caseId, phone: '0987111222' });

    const entries = await sql<{ actor_username: string; subject: string; details: object }>`select actor_username, subject, details
      from audit_log where action = 'contact_revealed'`.execute(t.db.dbRead);
    expect(entries.rows).toEqual([
      { actor_username: 'xu-ly-mot-cua', subject: `case:${caseId}`, details: { reason: 'Gọi lại để hẹn ngày trả kết quả' } },
    ]);
    expect(JSON.stringify(entries.rows)).not.toMatch(/0987|111222/);

    const page = await t.app.request(`/api/cases/${caseId}`, { headers: { cookie: cookies.handler! } });
    const raw = await page.text();
    expect(raw).not.toContain('0987111222');
    const detail = JSON.parse(raw) as Detail;
    expect(detail).toMatchObject({ mayRevealContact: true, contact: { phone: '09•••••222' } });
    expect(detail.contactReveals).toEqual([
      { at: expect.any(String), username: 'xu-ly-mot-cua', reason: 'Gọi lại để hẹn ngày trả kết quả' },
    ]);

    // closing deletes the number as before: nothing left to reveal
    await api(`/api/cases/${caseId}/close`, { method: 'POST', body: { reason: 'Đã gọi lại, người dân đồng ý' } });
    expect((await reveal(cookies.handler!, 'Gọi lại lần nữa cho chắc chắn')).status).toBe(404);
    expect((await api<Detail>(`/api/cases/${caseId}`)).body).toMatchObject({
      contact: null,
      mayRevealContact: false,
      contactReveals: [{ username: 'xu-ly-mot-cua' }],
    });
  });
});
