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
    // short counter form first, then the health form's own questions; each question once
    expect(header.slice(0, 3)).toEqual(['id', 'submitted_at', 'unit_code']);
    for (const key of ['overall', 'access_q', 'feedback_q', 'a1', 'expectations_met', 'come_back', 'comment'])
      expect(header).toContain(key);
    expect(header.filter((h) => h === 'overall')).toHaveLength(1);

    const [first, second, third] = rows;
    expect(first).toMatchObject({
      counter_code: 'demo-land',
      sector: 'land',
      channel: 'qr',
      overall: '5',
      access_q: '4',
      procedure_q: 'Không ý kiến',
      civil_servant_q: '',
      satisfied: '1',
    });
    expect(first!.comment).toBe('Cán bộ rất tận tình, cảm ơn!');
    expect(first!.unit_name).toBe('Bộ phận Một cửa thành phố Hưng Yên');
    expect(first!.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(second).toMatchObject({ overall: '2', satisfied: '0' });
    expect(second!.comment).toBe(`'=HYPERLINK("http://x","bấm")`);
    expect(third).toMatchObject({ counter_code: 'demo-health', overall: '4', expectations_met: '80', access_q: '' });
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
    expect(labels![col('overall')]).toBe('Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?');
    const first = rows.find((r) => r[col('overall')] === '5')!;
    expect(first[col('procedure_q')]).toBe('9');
    expect(first[col('civil_servant_q')]).toBe('');
  });

  it('publishes its codebook as JSON and as a readable page', async () => {
    const json = (await (await get('/api/exports/codebook.json')).json()) as {
      variables: { name: string; label: { vi: string }; missing?: { code: number }[] }[];
    };
    const access = json.variables.find((v) => v.name === 'access_q')!;
    expect(access.missing).toEqual([{ code: 9, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    const page = await (await get('/exports/codebook')).text();
    expect(page).toContain('<tr data-variable="access_q">');
    expect(page).toContain('1 = Rất không hài lòng; 2 = Không hài lòng; 3 = Bình thường; 4 = Hài lòng; 5 = Rất hài lòng');
    expect((await t.app.request('/exports/codebook')).status).toBe(401);
  });
});
