import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamResponses } from '../../db/response-export';
import { resolveFilter } from '../../server/http/stats-filter';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
});
afterAll(() => t.close());

const get = (path: string) => t.app.request(path, { headers: { cookie } });

describe('GET /api/exports/responses.csv', () => {
  it('needs a session', async () => {
    expect((await t.app.request('/api/exports/responses.csv')).status).toBe(401);
  });

  it('streams UTF-8 with a BOM, one column per question, Vietnamese intact, formulas neutralised', async () => {
    const answers = [
      { answers: { overall: 5, access_q: 4, procedure_q: null }, comment: 'Cán bộ rất tận tình, cảm ơn!' },
      { answers: { overall: 2 }, comment: '=HYPERLINK("http://x","bấm")' },
    ];
    for (const a of answers) expect((await submitJson(t.app, 'demo-land', a)).status).toBe(201);
    expect((await submitJson(t.app, 'demo-health', { answers: { overall: 4, expectations_met: 80 } })).status).toBe(201);

    const res = await get('/api/exports/responses.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="hailong-responses-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const header = Object.keys(rows[0]!);
    // short counter form first, then the health form's questions; each variable one question of one instrument
    expect(header.slice(0, 3)).toEqual(['id', 'submitted_at', 'unit_code']);
    for (const key of ['sipas_overall', 'sipas_access_q', 'sipas_feedback_q', 'health_overall', 'health_a1', 'health_expectations_met'])
      expect(header).toContain(key);
    expect(header).not.toContain('overall');
    expect(new Set(header).size).toBe(header.length);

    const [first, second, third] = rows;
    expect(first).toMatchObject({
      counter_code: 'demo-land',
      sector: 'land',
      channel: 'qr',
      sipas_overall: '5',
      sipas_access_q: '4',
      sipas_procedure_q: 'Không ý kiến',
      sipas_civil_servant_q: '',
      health_overall: '',
      satisfied: '1',
    });
    expect(first!.comment).toBe('Cán bộ rất tận tình, cảm ơn!');
    expect(first!.unit_name).toBe('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên');
    expect(first!.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(second).toMatchObject({ sipas_overall: '2', health_overall: '', satisfied: '0' });
    expect(second!.comment).toBe(`'=HYPERLINK("http://x","bấm")`);
    // The hospital's answer to its own overall question is under the health variable, never the counter survey's.
    expect(third).toMatchObject({
      counter_code: 'demo-health',
      survey: 'health-outpatient',
      health_overall: '4',
      health_expectations_met: '80',
      sipas_overall: '',
      sipas_access_q: '',
    });
  });

  it('applies the same filter as the stats', async () => {
    for (let i = 0; i < 5; i++) expect((await submitJson(t.app, 'demo-civil', { answers: { overall: 4 } })).status).toBe(201);
    const csv = await (await get('/api/exports/responses.csv?sector=civil_status')).text();
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.sector)).toEqual(Array(5).fill('civil_status'));
    const stats = (await (await get('/api/stats?sector=civil_status')).json()) as { overall: { n: number } };
    expect(stats.overall.n).toBe(rows.length);
    expect((await get('/api/exports/responses.csv?channel=fax')).status).toBe(400);
  });

  it('reads the rows in keyset pages: every row once, in arrival order, whatever the page size', async () => {
    const user = { tenant_id: t.state.tenantId, unit_id: null } as Parameters<typeof resolveFilter>[1];
    const filter = await resolveFilter(t.db.dbRead, user, {});
    const ids: number[] = [];
    let pages = 0;
    for await (const page of streamResponses(t.db.dbRead, filter, 3)) {
      pages++;
      ids.push(...page.map((r) => r.id));
    }
    expect(ids.length).toBe(8);
    expect(pages).toBe(3);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds a second header row of Vietnamese labels, and writes no opinion as its code, on request', async () => {
    const csv = await (await get('/api/exports/responses.csv?sector=land&labels=1&codes=1')).text();
    const [names, labels, ...rows] = parse(csv.slice(1)) as string[][];
    const col = (name: string) => names!.indexOf(name);
    expect(labels![col('submitted_at')]).toBe('Thời điểm gửi (giờ Việt Nam)');
    expect(labels![col('sipas_overall')]).toBe('Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?');
    const first = rows.find((r) => r[col('sipas_overall')] === '5')!;
    expect(first[col('sipas_procedure_q')]).toBe('9');
    expect(first[col('sipas_civil_servant_q')]).toBe('');
  });

  it('publishes its codebook as JSON and as a readable page', async () => {
    const json = (await (await get('/api/exports/codebook.json')).json()) as {
      variables: { name: string; label: { vi: string }; missing?: { code: number }[]; surveys?: { key: string; version: number }[] }[];
    };
    const access = json.variables.find((v) => v.name === 'sipas_access_q')!;
    expect(access.missing).toEqual([{ code: 9, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    // Each question variable says which survey (and version) it belongs to.
    const overalls = json.variables.filter((v) => v.name.endsWith('_overall'));
    expect(overalls.map((v) => [v.name, v.label.vi, v.surveys!.map((s) => `${s.key} v${s.version}`)])).toEqual([
      ['sipas_overall', 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?', ['sipas-counter-short v1']],
      ['health_overall', 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ khám bệnh tại cơ sở y tế này?', ['health-outpatient v1']],
    ]);
    const page = await (await get('/exports/codebook')).text();
    expect(page).toContain('<tr data-variable="sipas_access_q">');
    const healthRow = page.slice(page.indexOf('<tr data-variable="health_overall">'));
    expect(healthRow.slice(0, healthRow.indexOf('</tr>'))).toContain('Khảo sát sự hài lòng của người bệnh ngoại trú');
    expect(page).toContain('1 = Rất không hài lòng; 2 = Không hài lòng; 3 = Bình thường; 4 = Hài lòng; 5 = Rất hài lòng');
    expect((await t.app.request('/exports/codebook')).status).toBe(401);
  });
});
