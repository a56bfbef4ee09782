import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

// What GNU PSPP makes of the file is checked in test/tools/export-sav-pspp.test.ts (CI installs PSPP).
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  expect((await submitJson(t.app, 'demo-land', { answers: { overall: 5, access_q: null }, comment: 'Tốt' })).status).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/exports/responses.sav', () => {
  it('needs a session', async () => {
    expect((await t.app.request('/api/exports/responses.sav')).status).toBe(401);
  });

  it('is an SPSS system file in UTF-8, sent as an attachment', async () => {
    const res = await t.app.request('/api/exports/responses.sav', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-spss-sav');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="hailong-responses-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.sav"/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('$FL2');
    // the question text and the value labels travel as UTF-8
    expect(bytes.includes(Buffer.from('Rất hài lòng', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('Không ý kiến', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('UTF-8', 'latin1'))).toBe(true);
  });

  it('refuses a bad filter before sending anything', async () => {
    expect((await t.app.request('/api/exports/responses.sav?channel=fax', { headers: { cookie } })).status).toBe(400);
  });
});
