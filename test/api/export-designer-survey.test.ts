// A designer survey's answers, given through the citizen form, in the XLSX and the CSV: the same
// cells the codebook promises (3-level codes, a 0/1 column per option, the short text as text).
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDesignerSurvey } from '../support/designer-survey';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
const get = (path: string) => t.app.request(path, { headers: { cookie } });

const ANSWERS: Record<string, unknown>[] = [
  { overall: 1, staff: 2, channel_used: 1, problems: [4, 1], suggestion: 'Cần thêm chỗ ngồi, "nước uống"' },
  { overall: 1, staff: null, channel_used: 2, problems: null, suggestion: '=1+1' },
  { overall: 3, channel_used: 3, problems: [2], suggestion: '   ' },
];
const COLUMNS = [
  'ks_2026_overall',
  'ks_2026_staff',
  'ks_2026_channel_used',
  'ks_2026_problems_1',
  'ks_2026_problems_2',
  'ks_2026_problems_4',
  'ks_2026_suggestion',
];

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await askDesignerSurvey(t.db.dbWrite, t.state.tenantId, 'demo-civil');
  for (const answers of ANSWERS) expect((await submitJson(t.app, 'demo-civil', { answers })).status).toBe(201);
});
afterAll(() => t.close());

describe('a designer survey in the exports', () => {
  it('writes numbers as numbers and the short text as a text cell in the XLSX', async () => {
    const res = await get('/api/exports/responses.xlsx?survey=ks-2026');
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array', cellFormula: true });
    const sheet = book.Sheets['Phiếu trả lời']!;
    const [names, labels, ...rows] = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    const at = COLUMNS.map((c) => (names as string[]).indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect((labels as string[])[at[5]!]).toBe('Ông/Bà gặp vấn đề gì? — Phí cao');
    expect(rows.map((r) => at.map((i) => r[i]))).toEqual([
      [1, 2, 1, 1, 0, 1, 'Cần thêm chỗ ngồi, "nước uống"'],
      [1, 9, 2, 9, 9, 9, "'=1+1"],
      // Satisfied: the multiple choice is not asked (blank, not 0); a blank text is no answer.
      [3, null, 3, null, null, null, null],
    ]);
    const text = sheet[XLSX.utils.encode_cell({ r: 3, c: at[6]! })] as XLSX.CellObject;
    expect(text).toMatchObject({ t: 's', v: "'=1+1" });
    expect(text.f).toBeUndefined();
    const codebook = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Từ điển biến']!, { range: 0, raw: true });
    const row = (name: string) => codebook.find((r) => r.variable === name)!;
    expect(row('ks_2026_problems_2')).toMatchObject({
      type: 'numeric',
      values: '0 = Không chọn; 1 = Có chọn',
      missing: '9 = Không ý kiến',
    });
    expect(row('ks_2026_overall')).toMatchObject({ values: '1 = Không hài lòng; 2 = Hài lòng; 3 = Rất hài lòng' });
    expect(row('ks_2026_suggestion')).toMatchObject({ type: 'string', label_vi: 'Góp ý ngắn' });
  });

  it('writes the same cells in the CSV, no opinion as words or as its code', async () => {
    const csv = async (query: string) => {
      const res = await get(`/api/exports/responses.csv?survey=ks-2026${query}`);
      expect(res.status).toBe(200);
      const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      return rows.map((r) => COLUMNS.map((c) => r[c]));
    };
    expect(await csv('&codes=1')).toEqual([
      ['1', '2', '1', '1', '0', '1', 'Cần thêm chỗ ngồi, "nước uống"'],
      ['1', '9', '2', '9', '9', '9', "'=1+1"],
      ['3', '', '3', '', '', '', ''],
    ]);
    expect((await csv(''))[1]).toEqual(['1', 'Không ý kiến', '2', 'Không ý kiến', 'Không ý kiến', 'Không ý kiến', "'=1+1"]);
  });

  it('lists the new variables in the codebook JSON with their question', async () => {
    const body = (await (await get('/api/exports/codebook.json?survey=ks-2026')).json()) as {
      variables: { name: string; type: string; width?: number; question?: Record<string, unknown> }[];
    };
    const byName = new Map(body.variables.map((v) => [v.name, v]));
    expect(byName.get('ks_2026_problems_4')!.question).toEqual({ key: 'problems', type: 'multi', option: 4 });
    const page = await (await get('/exports/codebook?survey=ks-2026')).text();
    expect(page).toContain('<tr data-variable="ks_2026_problems_4">');
    expect(page).toContain('0 = Không chọn; 1 = Có chọn');
    expect(page).toContain('1 = Không hài lòng; 2 = Hài lòng; 3 = Rất hài lòng');
    expect(page).toContain('text (480)');
    expect(byName.get('ks_2026_suggestion')).toMatchObject({
      type: 'string',
      width: 480,
      question: { key: 'suggestion', type: 'text', maxLength: 120 },
    });
  });
});
