import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter } from '../../db/counters';
import { ensureSurveyVersion } from '../../db/surveys';
import { optionField } from '../../surveys/form-fields';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, type TestApp } from '../support/test-app';
import { DESIGNER_SURVEY_40 } from '../fixtures/designer-survey-40';

const CODE = 'designer-forty';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const land = await t.db.dbRead
    .selectFrom('counters')
    .select(['tenant_id', 'unit_id'])
    .where('code', '=', 'demo-land')
    .executeTakeFirstOrThrow();
  const { surveyId } = await ensureSurveyVersion(t.db.dbWrite, land.tenant_id, DESIGNER_SURVEY_40);
  await createCounter(t.db.dbWrite, { ...land, code: CODE, name: 'Bộ phận Một cửa xã', survey_id: surveyId, sectors: ['land'] });
});
afterAll(() => t.close());

async function formFields(): Promise<Record<string, string>> {
  const html = await (await t.app.request(`/q/${CODE}`)).text();
  return {
    token: /name="token" value="([^"]+)"/.exec(html)![1]!,
    clientKey: /name="clientKey" value="([^"]+)"/.exec(html)![1]!,
  };
}
const post = (fields: Record<string, string>) => t.app.request(`/q/${CODE}?lang=vi`, { method: 'POST', body: new URLSearchParams(fields) });

describe('a designer survey posted without script', () => {
  it('stores ticked boxes as a sorted list, a short text as typed (digits too), and drops answers to questions not asked', async () => {
    const res = await post({
      ...(await formFields()),
      'q.overall': '2',
      [optionField('channels', 3)]: '1',
      [optionField('channels', 1)]: '1',
      'q.portal_ease': '1',
      'q.portal_problem': '  Trang web báo lỗi khi tải tệp  ',
      'q.visits': '1',
      // Shown by CSS only after "2 or 3 visits": a browser that ignores :has() still sends it.
      'q.visits_why': 'không liên quan',
      'q.idea': '1022',
      // Asked only of the satisfied (overall 4 or 5).
      'q.recommend': '1',
    });
    expect(res.status).toBe(201);
    const row = await t.db.dbRead.selectFrom('responses').select('answers').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.answers).toEqual({
      overall: 2,
      channels: [1, 3],
      portal_ease: 1,
      portal_problem: 'Trang web báo lỗi khi tải tệp',
      visits: 1,
      idea: '1022',
    });
  });

  it('brings the form back after an error with every box, radio and text kept', async () => {
    const before = await dbSnapshot(t.db);
    const res = await post({
      ...(await formFields()),
      [optionField('channels', 2)]: '1',
      [optionField('channels', 8)]: '1',
      'q.portal_ease': '3',
      'q.idea': 'Thêm ghế chờ',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="err-overall"[^>]*>Xin trả lời câu hỏi này/);
    expect(html).toContain('name="q.channels.2" value="1" checked');
    expect(html).toContain('name="q.channels.8" value="1" checked');
    expect(html).not.toContain('name="q.channels.1" value="1" checked');
    expect(html).toMatch(/name="q.portal_ease" value="3" checked/);
    expect(html).toContain('value="Thêm ghế chờ"');
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a short text over its limit, keeping it on the form to shorten', async () => {
    const long = 'Quá dài '.repeat(20);
    const res = await post({
      ...(await formFields()),
      'q.overall': '4',
      [optionField('channels', 2)]: '1',
      'q.portal_ease': '1',
      'q.portal_problem': long,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="err-portal_problem"[^>]*>Câu trả lời dài/);
    expect(html).toContain(`value="${long.trim()}"`);
  });
});
