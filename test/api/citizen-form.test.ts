import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../server/citizen/form-token';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, formToken, newClientKey, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SHORT_FORM_KEYS = ['overall', 'access_q', 'procedure_q', 'civil_servant_q', 'result_q', 'feedback_q'];

describe('GET /q/:code', () => {
  it('renders the counter survey in Vietnamese, with a token and every question, without scripts', async () => {
    const res = await t.app.request('/q/demo-land');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toContain('Quầy Đất đai');
    expect(html).toContain('Rất không hài lòng');
    expect(html).toMatch(/name="token" value="[^"]+\.[^"]+"/);
    for (const key of SHORT_FORM_KEYS) expect(html).toContain(`name="q.${key}"`);
    // the form works without JavaScript; the only script is the optional enhancement
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script src="/q-assets/citizen.js" defer>');
  });

  it('switches to English with ?lang=en', async () => {
    const html = await (await t.app.request('/q/demo-land?lang=en')).text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('Very satisfied');
    // A soft hyphen lets the longest English word break on a 360 px phone.
    expect(html).toContain('Very dis\u00ADsatisfied');
  });

  it('answers JSON for outside tools: counter, survey version with questions, token', async () => {
    const res = await t.app.request('/q/demo-health', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      counter: { code: string; sectors: string[] };
      survey: { versionId: number; key: string; factors: unknown[] };
      token: string;
    };
    expect(body.counter).toMatchObject({ code: 'demo-health', sectors: ['health'] });
    expect(body.survey.key).toBe('health-outpatient');
    expect(body.survey.versionId).toBeGreaterThan(0);
    expect(body.survey.factors.length).toBe(5);
    expect(body.token).toContain('.');
  });

  it('shows a friendly 404 page for an unknown counter, and JSON 404 to tools', async () => {
    const res = await t.app.request('/q/no-such-counter');
    expect(res.status).toBe(404);
    const page = await res.text();
    // Whoever scanned a wrong code has chosen no language yet: Vietnamese first, English beside it.
    expect(page).toMatch(/<html lang="vi">/);
    expect(page).toContain('<h1>Không tìm thấy quầy này</h1>');
    expect(page).toContain('<div class="en" lang="en"><h2>Counter not found</h2><p>The QR code may be out of date');
    expect(page.indexOf('Không tìm thấy quầy này')).toBeLessThan(page.indexOf('Counter not found'));
    for (const path of ['/q/no-such-counter?lang=en', '/q/NO_SUCH']) {
      const other = await t.app.request(path);
      expect(other.status, path).toBe(404);
      expect(await other.text(), path).toContain('Không tìm thấy quầy này');
    }
    const json = await t.app.request('/q/no-such-counter', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: string }).error).toMatch(/QR code/);
    expect((await t.app.request('/q/..%2F..%2Fetc')).status).toBe(404);
  });
});

describe('the pages around the form', () => {
  it('answers /q and /q/ (no counter code) with a bilingual HTML page saying what to do, not JSON', async () => {
    for (const path of ['/q', '/q/']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<h1>Địa chỉ thiếu mã quầy</h1>');
      expect(html).toContain('Xin quét mã QR dán tại quầy Ông/Bà vừa giao dịch');
      expect(html).toContain('<h2>No counter code in this address</h2>');
      expect(html).toContain('Please scan the code posted at the counter you visited');
    }
    const json = await t.app.request('/q/', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { message: { en: string } }).message.en).toContain('Each counter has its own QR code');
  });

  it('serves the icon every browser asks for, so no page ends on a 404', async () => {
    const res = await t.app.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const ico = Buffer.from(await res.arrayBuffer());
    // An ICO with one 32 × 32 image, stored as PNG.
    expect([...ico.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
    const png = PNG.sync.read(ico.subarray(ico.readUInt32LE(18)));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(ico.length).toBeLessThan(2048);
  });

  it('asks for the dossier code on a one-stop counter form, not on the hospital or school forms', async () => {
    const land = await (await t.app.request('/q/demo-land')).text();
    expect(land).toContain('name="dossierCode"');
    expect(land).toContain('Mã hồ sơ (nếu có, in trên Giấy tiếp nhận)');
    for (const code of ['demo-health', 'demo-education']) {
      for (const query of ['', '?lang=en', '?dossier=000.00.17.H31-230101-0001']) {
        const html = await (await t.app.request(`/q/${code}${query}`)).text();
        expect(html, code + query).not.toContain('dossierCode');
        expect(html, code + query).not.toMatch(/Mã hồ sơ|Dossier code|dossier=/);
      }
    }
  });

  it("says how long the form takes from its own question count, and numbers each question 'Câu n/N'", async () => {
    const land = await (await t.app.request('/q/demo-land')).text();
    expect(land).toContain('<p class="length">Phiếu có 6 câu hỏi, mất khoảng 1 phút.</p>');
    const health = await (await t.app.request('/q/demo-health')).text();
    expect(health).toContain('<p class="length">Phiếu có 21 câu hỏi, mất khoảng 4 phút.</p>');
    const numbers = [...health.matchAll(/<span class="num">Câu (\d+)\/21<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const english = await (await t.app.request('/q/demo-health?lang=en')).text();
    expect(english).toContain('<p class="length">21 questions, about 4 minutes.</p>');
    expect(english).toContain('<span class="num">Question 21/21</span>');
  });
});

describe('POST /q/:code with JSON', () => {
  it('stores an answer once: 201 with an id, then 200 with the same id for a retry', async () => {
    const before = await dbSnapshot(t.db);
    const clientKey = newClientKey();
    const token = await formToken(t.app, 'demo-land');
    const body = { clientKey, token, answers: { overall: 4, access_q: 5, procedure_q: null } };
    const first = await submitJson(t.app, 'demo-land', body);
    expect(first.status).toBe(201);
    const { id, reference } = (await first.json()) as { id: number; reference: string };
    const retry = await submitJson(t.app, 'demo-land', body);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id, reference, case: null });
    const after = await dbSnapshot(t.db);
    expect(after.responses).toBe(before.responses + 1);
    // overall + access_q + the satisfied marker; "no opinion" is not counted
    expect(after.rollupCount).toBe(before.rollupCount + 3);
  });

  it('answers a late retry with its first id even after its token expired', async () => {
    const counter = (await (await t.app.request('/q/demo-land', { headers: { accept: 'application/json' } })).json()) as { token: string };
    const payload = JSON.parse(Buffer.from(counter.token.split('.')[0]!, 'base64url').toString()) as { c: number };
    const body = {
      clientKey: newClientKey(),
      token: issueFormToken(t.state.secret, payload.c, Date.now() - 50 * 60_000),
      answers: { overall: 5 },
    };
    const first = await submitJson(t.app, 'demo-land', body);
    expect(first.status).toBe(201);
    const before = await dbSnapshot(t.db);
    // The same answer, sent again from the phone's queue long after the form's token expired.
    const late = await submitJson(t.app, 'demo-land', {
      ...body,
      token: issueFormToken(t.state.secret, payload.c, Date.now() - 3 * 3600_000),
    });
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual(await first.json());
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a token used by another submission with 409, storing nothing', async () => {
    const token = await formToken(t.app, 'demo-land');
    expect((await submitJson(t.app, 'demo-land', { token, answers: { overall: 5 } })).status).toBe(201);
    const before = await dbSnapshot(t.db);
    const again = await submitJson(t.app, 'demo-land', { token, answers: { overall: 1 } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/already sent/);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses bad answers with 422 and an error per field, storing nothing', async () => {
    const before = await dbSnapshot(t.db);
    const res = await submitJson(t.app, 'demo-land', { answers: { overall: 7, access_q: 'good', nope: 3 } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: Record<string, { vi: string; en: string }> };
    expect(Object.keys(body.fields).sort()).toEqual(['access_q', 'nope', 'overall']);
    expect(body.fields.overall!.vi).toMatch(/Xin chọn một mức/);
    const missing = await submitJson(t.app, 'demo-land', { answers: { access_q: 4 } });
    expect(missing.status).toBe(422);
    expect(Object.keys(((await missing.json()) as { fields: object }).fields)).toEqual(['overall']);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a comment over the survey’s limit with 422 saying the limit, instead of cutting it', async () => {
    const before = await dbSnapshot(t.db);
    const res = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: 'Chờ lâu. '.repeat(2500) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: Record<string, { vi: string; en: string }> };
    expect(body.fields).toEqual({
      _comment: {
        vi: 'Góp ý dài 22499 ký tự, quá giới hạn 1000 ký tự. Xin rút gọn rồi gửi lại.',
        en: 'The comment is 22499 characters long, over the limit of 1000. Please shorten it and send again.',
      },
    });
    expect(await dbSnapshot(t.db)).toEqual(before);
    // Exactly at the limit is taken whole.
    const atLimit = 'ý'.repeat(1000);
    const ok = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: atLimit });
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: number };
    const row = await t.db.dbRead.selectFrom('responses').select('comment').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.comment).toBe(atLimit);
  });

  it('refuses a token of another counter, a forged token and an expired token', async () => {
    const before = await dbSnapshot(t.db);
    const other = await submitJson(t.app, 'demo-land', { token: await formToken(t.app, 'demo-health'), answers: { overall: 5 } });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { fields: object }).fields).toHaveProperty('_token');
    const forged = await submitJson(t.app, 'demo-land', { token: issueFormToken('not-the-secret', 1), answers: { overall: 5 } });
    expect(forged.status).toBe(422);
    const counter = (await (await t.app.request('/q/demo-land', { headers: { accept: 'application/json' } })).json()) as { token: string };
    const payload = JSON.parse(Buffer.from(counter.token.split('.')[0]!, 'base64url').toString()) as { c: number };
    const old = issueFormToken(t.state.secret, payload.c, Date.now() - 3 * 3600_000);
    const expired = await submitJson(t.app, 'demo-land', { token: old, answers: { overall: 5 } });
    expect(expired.status).toBe(422);
    expect(((await expired.json()) as { error: string }).error).toMatch(/expired/);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('takes the sector from the counter, and refuses one the counter does not serve', async () => {
    const ok = await submitJson(t.app, 'demo-investment', { answers: { overall: 5 }, sector: 'business' });
    expect(ok.status).toBe(201);
    const wrong = await submitJson(t.app, 'demo-investment', { answers: { overall: 5 }, sector: 'health' });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { fields: object }).fields).toHaveProperty('_sector');
  });

  it('validates the dossier code format', async () => {
    const good = await submitJson(t.app, 'demo-land', { answers: { overall: 4 }, dossierCode: '000.00.17.H31-230101-0001' });
    expect(good.status).toBe(201);
    const bad = await submitJson(t.app, 'demo-land', { answers: { overall: 4 }, dossierCode: 'abc' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { fields: object }).fields).toHaveProperty('_dossier_code');
  });

  it('answers 415 for a wrong content type and 400 for malformed JSON, 422 for a missing client key', async () => {
    const before = await dbSnapshot(t.db);
    const base = { method: 'POST', body: '{"answers":' } as const;
    expect((await t.app.request('/q/demo-land', { ...base, headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await t.app.request('/q/demo-land', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(
      415,
    );
    const noKey = await t.app.request('/q/demo-land', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: await formToken(t.app, 'demo-land'), answers: { overall: 5 } }),
    });
    expect(noKey.status).toBe(422);
    expect(((await noKey.json()) as { fields: object }).fields).toHaveProperty('clientKey');
    expect(await dbSnapshot(t.db)).toEqual(before);
  });
});

describe('oversized bodies', () => {
  it('are refused with 413 before anything is read, storing nothing', async () => {
    const before = await dbSnapshot(t.db);
    const res = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/too large/);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });
});

describe('POST /q/:code with the HTML form (JavaScript off)', () => {
  async function formFields(lang = 'vi') {
    const html = await (await t.app.request(`/q/demo-land?lang=${lang}`)).text();
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const clientKey = /name="clientKey" value="([^"]+)"/.exec(html)![1]!;
    return { token, clientKey };
  }
  const post = (fields: Record<string, string>) =>
    t.app.request('/q/demo-land?lang=vi', { method: 'POST', body: new URLSearchParams(fields) });

  it('stores the answers and shows the thank-you page; a double submit is stored once', async () => {
    const before = await dbSnapshot(t.db);
    const fields = { ...(await formFields()), 'q.overall': '5', 'q.access_q': '4', 'q.procedure_q': 'na', comment: '  Cán bộ tận tình  ' };
    const res = await post(fields);
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain('Cảm ơn Ông/Bà đã đánh giá!');
    const again = await post(fields);
    expect(again.status).toBe(200);
    const after = await dbSnapshot(t.db);
    expect(after.responses).toBe(before.responses + 1);
    const row = await t.db.dbRead.selectFrom('responses').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.answers).toEqual({ overall: 5, access_q: 4, procedure_q: null });
    expect(row.comment).toBe('Cán bộ tận tình');
    expect(row.satisfied).toBe(true);
    expect(row.channel).toBe('qr');
  });

  it('shows a kind page, not JSON, when a used form is sent again with another key', async () => {
    const fields = { ...(await formFields()), 'q.overall': '4' };
    expect((await post(fields)).status).toBe(201);
    const res = await post({ ...fields, clientKey: newClientKey() });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Phiếu này đã được gửi rồi');
  });

  it('re-renders the form with a message beside the missing answer, keeping the other answers', async () => {
    const before = await dbSnapshot(t.db);
    const res = await post({ ...(await formFields()), 'q.access_q': '2', comment: 'Chờ lâu' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Phiếu chưa gửi được');
    expect(html).toMatch(/id="err-overall"[^>]*>Xin trả lời câu hỏi này/);
    expect(html).toMatch(/name="q.access_q" value="2" checked/);
    expect(html).toContain('Chờ lâu</textarea>');
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a comment over the limit posted anyway: the form comes back refilled, saying the limit', async () => {
    const before = await dbSnapshot(t.db);
    // Line ends arrive as CR LF from a form and count once, as the textarea's maxlength counts them.
    const long = `${'Phải chờ lâu\r\n'.repeat(80)}kết thúc`;
    const res = await post({ ...(await formFields()), 'q.overall': '2', comment: long });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="err-comment"[^>]*>Góp ý dài 1048 ký tự, quá giới hạn 1000 ký tự/);
    expect(html).toMatch(/name="q.overall" value="2" checked/);
    expect(html).toContain('kết thúc</textarea>');
    expect(await dbSnapshot(t.db)).toEqual(before);
    // The same text cut to the limit is taken.
    const cut = long.replace(/\r\n/g, '\n').slice(0, 1000);
    expect((await post({ ...(await formFields()), 'q.overall': '2', comment: cut })).status).toBe(201);
  });
});
