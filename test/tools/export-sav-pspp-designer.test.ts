import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDesignerSurvey } from '../support/designer-survey';
import { dictionary, findPspp, frequencies, runPspp, tables, type Table } from '../support/pspp';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

/**
 * A questionnaire written in the designer, answered through the citizen form, read by GNU PSPP:
 * the 3-level scale, the choice, each option of the multiple choice behind its show-if and the
 * short text must come back with their labels, missing codes and hailong's counts.
 */

const ANSWERS: Record<string, unknown>[] = [
  { overall: 1, staff: 2, channel_used: 1, problems: [4, 1], suggestion: 'Cần thêm chỗ ngồi chờ, nước uống' },
  { overall: 1, staff: 1, channel_used: 2, problems: [2], suggestion: 'Hướng dẫn chưa rõ ràng' },
  { overall: 1, staff: null, channel_used: 1, problems: null },
  // Satisfied: the multiple choice is not asked, so what came for it is dropped.
  { overall: 2, staff: 3, channel_used: 3, problems: [1], suggestion: 'Rất tốt, cảm ơn cán bộ Nguyễn Thị Ánh' },
  { overall: 3, staff: 3, channel_used: 1 },
  { overall: null, channel_used: 2 },
  {
    overall: 2,
    staff: 2,
    channel_used: 1,
    suggestion: 'Đề nghị niêm yết phí, lệ phí ở nơi dễ thấy; thời hạn trả kết quả ghi rõ trên giấy hẹn.',
  },
];

let t: TestApp;
let cookie: string;
let dir: string;
let pspp: string;

beforeAll(async () => {
  pspp = findPspp();
  t = await createTestApp();
  cookie = await login(t.app);
  dir = await mkdtemp(join(tmpdir(), 'hailong-sav-designer-'));
  await askDesignerSurvey(t.db.dbWrite, t.state.tenantId, 'demo-civil');
  for (const answers of ANSWERS) expect((await submitJson(t.app, 'demo-civil', { answers })).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => t.app.request(path, { headers: { cookie } });

async function psppOn(query: string, syntax: string): Promise<Table[]> {
  const res = await get(`/api/exports/responses.sav${query}`);
  expect(res.status).toBe(200);
  const { csv, log } = await runPspp(pspp, dir, new Uint8Array(await res.arrayBuffer()), syntax);
  expect(`${log}${csv}`).not.toMatch(/warning|error/i);
  return tables(csv);
}

/** The value labels PSPP shows for the variable with this label: [value, label] pairs. */
function valueLabels(out: readonly Table[], variableLabel: string): string[][] {
  const rows = out.find((x) => x.title === 'Value Labels')!.rows;
  const at = rows.findIndex((r) => r[0] === variableLabel);
  expect(at, variableLabel).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > at && r[0] !== '');
  return rows.slice(at, end === -1 ? undefined : end).map((r) => [r[1]!, r[2]!]);
}

describe('a designer survey in SPSS', () => {
  it('has its 3-level scale, choice, per-option multiple choice and short text labelled and counted', async () => {
    const problems = ['ks_2026_problems_1', 'ks_2026_problems_2', 'ks_2026_problems_4'];
    const out = await psppOn(
      '?survey=ks-2026',
      [
        'DISPLAY DICTIONARY.',
        `FREQUENCIES VARIABLES=ks_2026_overall ks_2026_staff ks_2026_channel_used ${problems.join(' ')} satisfied.`,
        'LIST VARIABLES=id ks_2026_suggestion.',
      ].join('\n'),
    );
    const byName = dictionary(out);
    expect(byName.get('ks_2026_overall')).toMatchObject({
      Label: 'Ông/Bà có hài lòng không?',
      'Missing Values': '9',
      'Measurement Level': 'Ordinal',
    });
    expect(byName.get('ks_2026_channel_used')).toMatchObject({ 'Missing Values': '', 'Measurement Level': 'Nominal' });
    expect(byName.get('ks_2026_problems_4')).toMatchObject({ Label: 'Ông/Bà gặp vấn đề gì? — Phí cao', 'Missing Values': '9' });
    expect(byName.has('ks_2026_problems')).toBe(false);
    expect(byName.get('ks_2026_suggestion')).toMatchObject({ Label: 'Góp ý ngắn', 'Print Format': 'A480' });
    // Every question variable of the codebook, under its label, in the file.
    const codebook = (await (await get('/api/exports/codebook.json?survey=ks-2026')).json()) as {
      variables: { name: string; label: { vi: string }; question?: unknown }[];
    };
    const questions = codebook.variables.filter((v) => v.question);
    expect(questions.map((v) => v.name)).toEqual([
      'ks_2026_overall',
      'ks_2026_staff',
      'ks_2026_channel_used',
      ...problems,
      'ks_2026_suggestion',
    ]);
    for (const v of questions) expect(byName.get(v.name)?.Label, v.name).toBe(v.label.vi);

    expect(valueLabels(out, 'Ông/Bà có hài lòng không?')).toEqual([
      ['1', 'Không hài lòng'],
      ['2', 'Hài lòng'],
      ['3', 'Rất hài lòng'],
      ['9[a]', 'Không ý kiến'],
    ]);
    expect(valueLabels(out, 'Ông/Bà nộp hồ sơ bằng cách nào?')).toEqual([
      ['1', 'Trực tiếp'],
      ['2', 'Trực tuyến'],
      ['3', 'Bưu chính'],
    ]);
    expect(valueLabels(out, 'Ông/Bà gặp vấn đề gì? — Chờ lâu')).toEqual([
      ['0', 'Không chọn'],
      ['1', 'Có chọn'],
      ['9[a]', 'Không ý kiến'],
    ]);

    const [overall, staff, channel, p1, p2, p4, satisfied] = out.filter((x) => x.rows[0]?.[2] === 'Frequency').map(frequencies);
    expect(overall).toEqual({
      valid: new Map([
        ['Không hài lòng', 3],
        ['Hài lòng', 2],
        ['Rất hài lòng', 1],
      ]),
      missing: new Map([['Không ý kiến', 1]]),
    });
    expect(staff).toEqual({
      valid: new Map([
        ['Không hài lòng', 1],
        ['Hài lòng', 2],
        ['Rất hài lòng', 2],
      ]),
      missing: new Map([
        ['.', 1],
        ['Không ý kiến', 1],
      ]),
    });
    expect(channel!.valid).toEqual(
      new Map([
        ['Trực tiếp', 4],
        ['Trực tuyến', 2],
        ['Bưu chính', 1],
      ]),
    );
    // Asked of the three dissatisfied only: ticked, not ticked, no opinion; the four others were not asked.
    const notAsked = new Map([
      ['.', 4],
      ['Không ý kiến', 1],
    ]);
    expect(p1).toEqual({
      valid: new Map([
        ['Không chọn', 1],
        ['Có chọn', 1],
      ]),
      missing: notAsked,
    });
    expect(p2).toEqual({
      valid: new Map([
        ['Không chọn', 1],
        ['Có chọn', 1],
      ]),
      missing: notAsked,
    });
    expect(p4!.valid.get('Có chọn')).toBe(1);
    // Satisfied on the 3-level scale: Hài lòng or Rất hài lòng; the same count as hailong's own rate.
    expect(satisfied!.valid).toEqual(
      new Map([
        ['Không hài lòng', 3],
        ['Hài lòng', 3],
      ]),
    );
    const stats = (await (await get('/api/stats?survey=ks-2026')).json()) as { overall: { n: number; satisfied: number } };
    expect(stats.overall).toMatchObject({ n: 6, satisfied: 3 });

    // Short texts come back whole, diacritics intact; none written is empty.
    const texts = out
      .find((x) => x.title === 'Data List')!
      .rows.slice(1)
      .map((r) => r[1]);
    expect(texts).toEqual(ANSWERS.map((a) => (typeof a.suggestion === 'string' ? a.suggestion : '')));
  });
});
