import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

// The survey designer over the API: a draft is saved as it is, published as the next immutable
// version after the schema's check, counters ask the version in force, answers keep theirs.
let t: TestApp;
let admin: string;
let analyst: string;
let communeAdmin: string;
let tenantId: number;
const PASSWORD = 'designer-test-password';
const COUNTER = 'demo-land';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: admin },
  body: JSON.stringify(body),
});
const call = (path: string, init: RequestInit = {}, cookie = admin) =>
  t.app.request(path, { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>), cookie } });

/** A three-factor survey with a 3-level overall question, a choice, a multiple choice, a text and a show-if. */
function designed(wording = 'Thời gian chờ tại quầy') {
  return {
    key: 'ks-2026',
    version: 1,
    kind: 'custom',
    form: 'short',
    title: { vi: 'Khảo sát 2026' },
    intro: { vi: 'Phiếu không ghi tên.', en: 'Anonymous.' },
    satisfactionRule: 'overall_question',
    overall: { key: 'overall', type: 'scale3', required: true, allowNoOpinion: false, text: { vi: 'Nhìn chung Ông/Bà hài lòng không?' } },
    factors: [
      { key: 'wait', label: { vi: 'Chờ đợi' }, items: [{ key: 'wait_q', type: 'scale3', text: { vi: wording } }] },
      { key: 'staff', label: { vi: 'Công chức' }, items: [{ key: 'staff_q', type: 'scale5', text: { vi: 'Thái độ công chức' } }] },
      {
        key: 'info',
        label: { vi: 'Thông tin' },
        items: [
          {
            key: 'source',
            type: 'choice',
            text: { vi: 'Ông/Bà biết thủ tục qua đâu?' },
            options: [
              { code: 1, label: { vi: 'Cổng dịch vụ công' } },
              { code: 2, label: { vi: 'Người quen' } },
            ],
          },
          {
            key: 'portal_use',
            type: 'multi',
            text: { vi: 'Ông/Bà đã dùng chức năng nào?' },
            options: [
              { code: 1, label: { vi: 'Nộp hồ sơ' } },
              { code: 2, label: { vi: 'Thanh toán' } },
              { code: 3, label: { vi: 'Tra cứu' } },
            ],
            showIf: { question: 'source', in: [1] },
          },
        ],
      },
    ],
    extras: [{ key: 'suggest', type: 'text', maxLength: 80, text: { vi: 'Một điều cần cải thiện' } }],
    comment: { label: { vi: 'Góp ý khác' }, maxLength: 500 },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  tenantId = (await t.db.dbRead.selectFrom('users').select('tenant_id').where('username', '=', 'admin').executeTakeFirstOrThrow())
    .tenant_id;
  const unit = await t.db.dbRead
    .selectFrom('units')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is not', null)
    .executeTakeFirstOrThrow();
  for (const [username, role, unitId] of [
    ['designer-analyst', 'analyst', null],
    ['designer-commune', 'admin', unit.id],
  ] as const) {
    await createUser(t.db.dbWrite, { tenant_id: tenantId, username, password_hash: await hashPassword(PASSWORD), role, unit_id: unitId });
  }
  analyst = await login(t.app, 'designer-analyst', PASSWORD);
  communeAdmin = await login(t.app, 'designer-commune', PASSWORD);
});
afterAll(() => t.close());

describe('survey designer API', () => {
  it('lists the built-in surveys as read-only templates and refuses other roles', async () => {
    const res = await call('/api/surveys');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      surveys: { key: string; builtIn: boolean; current: { version: number } }[];
      templates: { key: string }[];
    };
    expect(body.templates.map((s) => s.key)).toContain('sipas-counter-short');
    const builtIn = body.surveys.find((s) => s.key === 'sipas-counter-short')!;
    expect(builtIn).toMatchObject({ builtIn: true, current: { version: 1 } });
    expect((await call('/api/surveys', {}, analyst)).status).toBe(403);
    expect((await call('/api/surveys/sipas-counter-short/draft', { method: 'PUT', body: JSON.stringify({ definition: {} }) })).status).toBe(
      409,
    );
  });

  it('creates a survey from a template, and refuses a taken key and a commune administrator', async () => {
    const res = await t.app.request('/api/surveys', json({ key: 'tu-mau', from: 'sipas-counter-short' }));
    expect(res.status).toBe(201);
    const { survey } = (await res.json()) as {
      survey: { kind: string; draft: { definition: { key: string; factors: unknown[] }; problems: unknown[] } };
    };
    expect(survey.kind).toBe('custom');
    expect(survey.draft.definition.key).toBe('tu-mau');
    expect(survey.draft.definition.factors).toHaveLength(5);
    expect(survey.draft.problems).toEqual([]);
    expect((await t.app.request('/api/surveys', json({ key: 'tu-mau' }))).status).toBe(409);
    expect((await t.app.request('/api/surveys', json({ key: 'sipas-counter-short' }))).status).toBe(409);
    expect((await t.app.request('/api/surveys', json({ key: 'Bad Key' }))).status).toBe(422);
    const commune = await call('/api/surveys', { method: 'POST', body: JSON.stringify({ key: 'xa' }) }, communeAdmin);
    expect(commune.status).toBe(403);
  });

  it('saves an incomplete draft with its problems, and refuses to publish it, field by field', async () => {
    expect((await t.app.request('/api/surveys', json({ key: 'ks-2026' }))).status).toBe(201);
    const broken = designed();
    (broken.factors[2]!.items[1] as { showIf: unknown }).showIf = { question: 'suggest', in: [1] };
    (broken.factors[0]!.items[0]!.text as { vi: string }).vi = '';
    const saved = await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: broken }) });
    expect(saved.status).toBe(200);
    const { draft } = (await saved.json()) as { draft: { problems: { path: string; message: { vi: string; en: string } }[] } };
    const paths = draft.problems.map((p) => p.path);
    expect(paths).toContain('factors.0.items.0.text.vi');
    expect(paths).toContain('factors.2.items.1.showIf');
    expect(draft.problems.every((p) => p.message.vi.length > 0 && p.message.en.length > 0)).toBe(true);
    const publish = await t.app.request('/api/surveys/ks-2026/publish', json({}));
    expect(publish.status).toBe(400);
    const refusal = (await publish.json()) as { fields: Record<string, { vi: string }> };
    expect(Object.keys(refusal.fields)).toContain('factors.2.items.1.showIf');
    const versions = (await (await call('/api/surveys/ks-2026/versions')).json()) as { versions: unknown[] };
    expect(versions.versions).toHaveLength(0);
  });

  it('previews the draft as citizens will see it, checks what it posts and stores nothing', async () => {
    const invalid = await call('/surveys/ks-2026/preview');
    expect(invalid.status).toBe(400);
    const refusal = await invalid.text();
    expect(refusal).toContain('which is not asked before this question');
    expect(refusal).toContain('lưu nháp rồi xem trước lại');
    await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: designed() }) });
    const page = await call('/surveys/ks-2026/preview?lang=vi&kiosk=0&t=123');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const html = await page.text();
    expect(html).toContain('Xem trước — không lưu');
    expect(html.match(/name="q\.overall"/g)).toHaveLength(3);
    expect(html).toContain('name="q.portal_use.3"');
    expect(html).not.toContain('name="token"');
    const form = (fields: Record<string, string>) =>
      t.app.request('/surveys/ks-2026/preview?lang=en&kiosk=0', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin },
        body: new URLSearchParams(fields).toString(),
      });
    const refused = await form({ 'q.overall': '4', 'q.suggest': 'quá tám mươi ký tự '.repeat(6) });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('Please choose a level: 1');
    expect(again).toContain('over the limit of 80');
    const accepted = await form({ 'q.overall': '2', 'q.source': '1', 'q.portal_use.1': '1' });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('were not stored');
    const stored = await t.db.dbRead
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
    expect((await call('/surveys/ks-2026/preview', {}, analyst)).status).toBe(403);
  });

  it('publishes version 1, a counter asks it, and answers of every type are stored under it', async () => {
    await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: designed() }) });
    const publish = await t.app.request('/api/surveys/ks-2026/publish', json({}));
    expect(publish.status).toBe(201);
    expect(((await publish.json()) as { version: { version: number; current: boolean } }).version).toMatchObject({
      version: 1,
      current: true,
    });
    const detail = (await (await call('/api/surveys/ks-2026')).json()) as { survey: { draft: unknown } };
    expect(detail.survey.draft).toBeNull();
    expect((await t.app.request('/api/surveys/ks-2026/publish', json({}))).status).toBe(409);

    const moved = await call(`/api/counters/${COUNTER}`, { method: 'PATCH', body: JSON.stringify({ survey: 'ks-2026' }) });
    expect(moved.status).toBe(200);
    const form = await t.app.request(`/q/${COUNTER}`, { headers: { accept: 'application/json' } });
    const page = (await form.json()) as { survey: { key: string; version: number } };
    expect(page.survey).toMatchObject({ key: 'ks-2026', version: 1 });

    const sent = await submitJson(t.app, COUNTER, {
      answers: { overall: 2, wait_q: 3, staff_q: 4, source: 1, portal_use: [3, 1], suggest: '  Thêm ghế chờ  ' },
    });
    expect(sent.status).toBe(201);
    // A show-if that does not hold: the answer that came for the question not asked is dropped.
    const skipped = await submitJson(t.app, COUNTER, { answers: { overall: 1, source: 2, portal_use: [2] } });
    expect(skipped.status).toBe(201);
    const bad = await submitJson(t.app, COUNTER, { answers: { overall: 4 } });
    expect(bad.status).toBe(422);

    const stored = await t.db.dbRead
      .selectFrom('responses as r')
      .innerJoin('survey_versions as v', 'v.id', 'r.survey_version_id')
      .select(['r.answers', 'r.satisfied', 'v.version'])
      .where(
        'r.counter_id',
        '=',
        (await t.db.dbRead.selectFrom('counters').select('id').where('code', '=', COUNTER).executeTakeFirstOrThrow()).id,
      )
      .orderBy('r.id')
      .execute();
    expect(stored).toEqual([
      {
        answers: { overall: 2, wait_q: 3, staff_q: 4, source: 1, portal_use: [1, 3], suggest: 'Thêm ghế chờ' },
        satisfied: true,
        version: 1,
      },
      { answers: { overall: 1, source: 2 }, satisfied: false, version: 1 },
    ]);
  });

  it('edits a wording as version 2; the counter moves to it, earlier answers keep version 1', async () => {
    const edit = await t.app.request('/api/surveys/ks-2026/versions/1/edit', json({}));
    expect(edit.status).toBe(200);
    // The same key on another scale would pool version 1's answers with others of a different meaning.
    const retyped = designed();
    retyped.factors[1]!.items[0]!.type = 'scale3';
    await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: retyped }) });
    const refused = await t.app.request('/api/surveys/ks-2026/publish', json({}));
    expect(refused.status).toBe(400);
    const fields = ((await refused.json()) as { fields: Record<string, { vi: string; en: string }> }).fields;
    expect(Object.keys(fields)).toEqual(['factors.1.items.0.type']);
    expect(fields['factors.1.items.0.type']!.en).toMatch(/type scale5 in version 1/);
    await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: designed('Thời gian chờ đến lượt') }) });
    const publish = await t.app.request('/api/surveys/ks-2026/publish', json({}));
    expect(((await publish.json()) as { version: { version: number } }).version.version).toBe(2);
    const form = (await (await t.app.request(`/q/${COUNTER}`, { headers: { accept: 'application/json' } })).json()) as {
      survey: { version: number };
    };
    expect(form.survey.version).toBe(2);
    expect((await submitJson(t.app, COUNTER, { answers: { overall: 3 } })).status).toBe(201);
    const byVersion = await t.db.dbRead
      .selectFrom('responses as r')
      .innerJoin('survey_versions as v', 'v.id', 'r.survey_version_id')
      .innerJoin('surveys as s', 's.id', 'v.survey_id')
      .select(['v.version', (eb) => eb.fn.countAll<string>().as('n')])
      .where('s.key', '=', 'ks-2026')
      .groupBy('v.version')
      .orderBy('v.version')
      .execute();
    expect(byVersion.map((r) => [r.version, Number(r.n)])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    const audit = await listAudit(t.db.dbRead, tenantId, { action: 'survey_published', limit: 10 });
    expect(audit.map((r) => (r.details as { version: number }).version).sort()).toEqual([1, 2]);
  });

  it('schedules version 3 for a later day: the counter keeps version 2 until then; an unanswered version can be deleted', async () => {
    await t.app.request('/api/surveys/ks-2026/versions/2/edit', json({}));
    await call('/api/surveys/ks-2026/draft', { method: 'PUT', body: JSON.stringify({ definition: designed('Chờ bao lâu') }) });
    expect((await t.app.request('/api/surveys/ks-2026/publish', json({ effectiveFrom: '2020-01-01' }))).status).toBe(400);
    const publish = await t.app.request('/api/surveys/ks-2026/publish', json({ effectiveFrom: '2099-01-01' }));
    expect(((await publish.json()) as { version: { version: number; scheduled: boolean } }).version).toMatchObject({
      version: 3,
      scheduled: true,
    });
    const form = (await (await t.app.request(`/q/${COUNTER}`, { headers: { accept: 'application/json' } })).json()) as {
      survey: { version: number };
    };
    expect(form.survey.version).toBe(2);
    const list = (await (await call('/api/surveys')).json()) as {
      surveys: { key: string; current: { version: number }; scheduled: { version: number } }[];
    };
    expect(list.surveys.find((s) => s.key === 'ks-2026')).toMatchObject({ current: { version: 2 }, scheduled: { version: 3 } });

    const answered = await call('/api/surveys/ks-2026/versions/1', { method: 'DELETE' });
    expect(answered.status).toBe(409);
    expect(((await answered.json()) as { message: { vi: string } }).message.vi).toMatch(/đã có phiếu trả lời/);
    expect((await call('/api/surveys/ks-2026/versions/3', { method: 'DELETE' })).status).toBe(204);
    const versions = (await (await call('/api/surveys/ks-2026/versions')).json()) as { versions: { version: number }[] };
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('exports a version as JSON that imports back; an invalid file gets a per-field report', async () => {
    const file = await call('/api/surveys/ks-2026/versions/2/definition.json');
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="ks-2026-v2.json"/);
    const definition = (await file.json()) as Record<string, unknown>;
    const imported = await t.app.request('/api/surveys/import', json({ definition, key: 'ks-copy' }));
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { survey: { key: string; draft: { problems: unknown[] } } };
    expect(copy.survey).toMatchObject({ key: 'ks-copy', draft: { problems: [] } });

    const invalid = await t.app.request(
      '/api/surveys/import',
      json({ definition: { ...definition, key: 'ks-bad', satisfactionRule: 'mean', factors: [] } }),
    );
    expect(invalid.status).toBe(400);
    const report = (await invalid.json()) as { fields: Record<string, { vi: string; en: string }>; problems: { path: string }[] };
    expect(Object.keys(report.fields).sort()).toEqual(['factors', 'satisfactionRule']);
    expect(report.problems.map((p) => p.path).sort()).toEqual(['factors', 'satisfactionRule']);
    expect(report.fields.factors!.vi).toMatch(/ít nhất 1/);
    expect((await call('/api/surveys/ks-bad')).status).toBe(404);
  });

  it('retires a survey only when no counter asks it, and keeps its answers', async () => {
    const refused = await t.app.request('/api/surveys/ks-2026/retire', json({}));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: { vi: string } }).message.vi).toContain(COUNTER);
    await call(`/api/counters/${COUNTER}`, { method: 'PATCH', body: JSON.stringify({ survey: 'sipas-counter-short' }) });
    expect((await t.app.request('/api/surveys/ks-2026/retire', json({}))).status).toBe(200);
    const answers = await t.db.dbRead
      .selectFrom('responses as r')
      .innerJoin('survey_versions as v', 'v.id', 'r.survey_version_id')
      .innerJoin('surveys as s', 's.id', 'v.survey_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('s.key', '=', 'ks-2026')
      .executeTakeFirstOrThrow();
    expect(Number(answers.n)).toBe(3);
    const choose = await call(`/api/counters/${COUNTER}`, { method: 'PATCH', body: JSON.stringify({ survey: 'ks-2026' }) });
    expect(choose.status).toBe(422);
    const unit = await t.db.dbRead.selectFrom('units').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const wave = { name: 'Đợt 1', survey: 'ks-2026', from: '2026-01-01', to: '2026-03-31', strata: [{ unitId: unit.id, population: 100 }] };
    const refusedWave = await t.app.request('/api/waves', json(wave));
    expect(refusedWave.status).toBe(422);
    expect(((await refusedWave.json()) as { fields: Record<string, unknown> }).fields).toHaveProperty('survey');
    expect((await t.app.request('/api/surveys/ks-2026/unretire', json({}))).status).toBe(200);
    expect((await t.app.request('/api/waves', json(wave))).status).toBe(201);
  });
});
