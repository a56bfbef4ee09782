import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_REFERENCE_PATTERN } from '../../server/references/answer-reference';
import { CONSENT_VALUE } from '../../surveys/form-fields';
import { localDay } from '../../surveys/time';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, formToken, login, newClientKey, submitJson, type TestApp } from '../support/test-app';

const CASE_DUE_DAYS = 5;
const KIOSK_PAUSE_S = 1;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ HAILONG_CASE_DUE_DAYS: String(CASE_DUE_DAYS), HAILONG_KIOSK_INTERVAL_SECONDS: String(KIOSK_PAUSE_S) });
});
afterAll(() => t.close());

interface Thanks {
  id: number;
  reference: string;
  case: { dueAt: string; callBack: boolean; message: { vi: string; en: string } } | null;
}

async function formFields(code = 'demo-land') {
  const html = await (await t.app.request(`/q/${code}`)).text();
  return { token: /name="token" value="([^"]+)"/.exec(html)![1]!, clientKey: /name="clientKey" value="([^"]+)"/.exec(html)![1]! };
}
const postForm = (fields: Record<string, string>, code = 'demo-land', lang = 'vi') =>
  t.app.request(`/q/${code}?lang=${lang}`, { method: 'POST', body: new URLSearchParams(fields) });
const referenceIn = (html: string) => /class="ref">([^<]+)</.exec(html)?.[1];
/** The due date as the citizen reads it: DD/MM/YYYY in Vietnam, CASE_DUE_DAYS after now. */
const dueDayShown = (from: Date) =>
  localDay(new Date(from.getTime() + CASE_DUE_DAYS * 86_400_000))
    .split('-')
    .reverse()
    .join('/');

describe('the reference a citizen is given', () => {
  it('is short and not the id, differs between answers, and is the same in JSON and on the page without JavaScript', async () => {
    const clientKey = newClientKey();
    const token = await formToken(t.app, 'demo-land');
    const res = await submitJson(t.app, 'demo-land', { clientKey, token, answers: { overall: 5 } });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Thanks;
    expect(json.reference).toMatch(ANSWER_REFERENCE_PATTERN);
    expect(json.reference.replace('-', '')).not.toMatch(new RegExp(`^0*${json.id}$`));
    expect(json.case).toBeNull();

    // The same answer sent again from a page without JavaScript (same client key): the same reference.
    const replay = await postForm({ clientKey, token, 'q.overall': '5' });
    expect(replay.status).toBe(200);
    const html = await replay.text();
    expect(referenceIn(html)).toBe(json.reference);
    const shown = html.split('<main>')[1]!;
    expect(shown).not.toContain(`#${json.id}`);
    expect(shown).not.toContain('data-response-id');
    expect(html).not.toContain('Mã phiếu');

    // …and the other way round: first without JavaScript, then the JSON retry.
    const fields = { ...(await formFields()), 'q.overall': '4' };
    const page = await postForm(fields);
    expect(page.status).toBe(201);
    const pageReference = referenceIn(await page.text());
    expect(pageReference).toMatch(ANSWER_REFERENCE_PATTERN);
    const retry = (await (
      await submitJson(t.app, 'demo-land', { clientKey: fields.clientKey, token: fields.token, answers: { overall: 4 } })
    ).json()) as Thanks;
    expect(retry.reference).toBe(pageReference);
    expect(retry.id).toBeGreaterThan(json.id);
    expect(pageReference).not.toBe(json.reference);
  });
});

describe('a low rating with a call-back request', () => {
  it('says a case was opened and by which day the citizen is called back, with and without JavaScript', async () => {
    const now = new Date();
    const contact = { phone: '0912 345 678', consent: true };
    const res = await submitJson(t.app, 'demo-land', { answers: { overall: 1 }, comment: 'Chờ quá lâu', contact });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Thanks;
    expect(json.case).not.toBeNull();
    expect(json.case!.callBack).toBe(true);
    expect(Math.abs(new Date(json.case!.dueAt).getTime() - (now.getTime() + CASE_DUE_DAYS * 86_400_000))).toBeLessThan(60_000);
    expect(json.case!.message.vi).toContain(`Cán bộ sẽ gọi lại số điện thoại Ông/Bà để lại, chậm nhất ngày ${dueDayShown(now)}`);
    expect(json.case!.message.en).toContain(`An officer will call the number you left by ${dueDayShown(now)}`);
    const stored = await t.db.dbRead
      .selectFrom('cases')
      .select(['due_at', 'response_id'])
      .where('response_id', '=', json.id)
      .executeTakeFirstOrThrow();
    expect(new Date(json.case!.dueAt).getTime()).toBe(stored.due_at.getTime());

    const fields = {
      ...(await formFields()),
      'q.overall': '2',
      comment: 'Thiếu hướng dẫn',
      phone: '0912345678',
      contactConsent: CONSENT_VALUE,
    };
    const page = await postForm(fields);
    expect(page.status).toBe(201);
    const html = await page.text();
    expect(html).toContain(`Cán bộ sẽ gọi lại số điện thoại Ông/Bà để lại, chậm nhất ngày ${dueDayShown(now)}`);
    const english = await (await postForm(fields, 'demo-land', 'en')).text();
    expect(english).toContain(`An officer will call the number you left by ${dueDayShown(now)} at the latest`);
    expect(referenceIn(english)).toBe(referenceIn(html));
  });

  it('says a case was opened without promising a call when no phone was left, and nothing of a case for a good rating', async () => {
    const low = (await (await submitJson(t.app, 'demo-land', { answers: { overall: 2 } })).json()) as Thanks;
    expect(low.case).toMatchObject({ callBack: false });
    expect(low.case!.message.vi).toContain('đã được ghi nhận thành phản ánh');
    expect(low.case!.message.vi).not.toContain('gọi lại');
    const good = await postForm({ ...(await formFields()), 'q.overall': '5' });
    expect(await good.text()).not.toContain('phản ánh');
  });
});

describe('staff', () => {
  it('see on the case page the reference the citizen was given', async () => {
    const json = (await (await submitJson(t.app, 'demo-land', { answers: { overall: 1 } })).json()) as Thanks;
    const cookie = await login(t.app);
    const row = await t.db.dbRead.selectFrom('cases').select('id').where('response_id', '=', json.id).executeTakeFirstOrThrow();
    const detail = (await (await t.app.request(`/api/cases/${row.id}`, { headers: { cookie } })).json()) as {
      response: { reference: string };
    };
    expect(detail.response.reference).toBe(json.reference);
  });
});

describe('a kiosk answer within the pause', () => {
  it('is refused with 429 and Retry-After, storing nothing; the same answer is stored once after the pause', async () => {
    const deviceKey = 'kiosk-tablet-thanks-1';
    const kiosk = (clientKey: string, overall: number) =>
      submitJson(t.app, 'demo-civil', { clientKey, answers: { overall }, channel: 'kiosk', deviceKey });
    expect((await kiosk(newClientKey(), 5)).status).toBe(201);
    const before = await dbSnapshot(t.db);
    const clientKey = newClientKey();
    const tooSoon = await kiosk(clientKey, 4);
    expect(tooSoon.status).toBe(429);
    const wait = Number(tooSoon.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(KIOSK_PAUSE_S);
    expect(((await tooSoon.json()) as { message: { vi: string } }).message.vi).toContain('Các câu trả lời của Ông/Bà vẫn được giữ');
    expect(await dbSnapshot(t.db)).toEqual(before);
    await new Promise((r) => setTimeout(r, wait * 1000));
    const later = await kiosk(clientKey, 4);
    expect(later.status).toBe(201);
    expect((await kiosk(clientKey, 4)).status).toBe(200);
    expect((await dbSnapshot(t.db)).responses).toBe(before.responses + 1);
  });
});
