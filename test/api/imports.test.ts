import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitsInForce } from '../../db/units';
import { dbSnapshot } from '../support/db-snapshot';
import { addDays, localDay } from '../../surveys/time';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
});
afterAll(() => t.close());

const post = async (query: string, body: BodyInit, type = 'text/csv') => {
  const res = await t.app.request(`/api/imports?${query}`, { method: 'POST', headers: { cookie, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const stats = async (query: string) =>
  (
    (await (await t.app.request(`/api/stats?from=2020-01-01&to=2030-12-31&${query}`, { headers: { cookie } })).json()) as {
      overall: { n: number; satisfied: number };
    }
  ).overall;

const PAPER = [
  'submitted_at,overall,access_q,procedure_q,comment,dossier_code',
  '2025-10-02,5,4,9,Cán bộ tận tình,000.00.17.H31-251002-0001',
  '2025-10-02T15:30,2,,Không ý kiến,"Phải chờ lâu, không có số",',
  '2025-10-03,4,5,4,,',
].join('\n');

describe('importing earlier paper-survey results', () => {
  it('stores every row of a valid CSV through the writer path, and the same file again stores nothing', async () => {
    const before = await stats('counter=demo-land');
    const first = await post('counter=demo-land', PAPER);
    expect(first).toEqual({ status: 201, body: { rows: 3, valid: 3, stored: 3, alreadyImported: 0, casesOpened: 0 } });
    const after = await stats('counter=demo-land');
    expect([after.n - before.n, after.satisfied - before.satisfied]).toEqual([3, 2]);
    const again = await post('counter=demo-land', PAPER);
    expect(again).toEqual({ status: 200, body: { rows: 3, valid: 3, stored: 0, alreadyImported: 3, casesOpened: 0 } });
    const csv = await (await t.app.request('/api/exports/responses.csv?from=2025-10-01&to=2025-10-31', { headers: { cookie } })).text();
    // Paper forms typed in come in as paper forms, not as an interviewer's answers.
    const exported = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(exported.map((r) => [r.channel, r.sipas_overall])).toEqual([
      ['paper', '5'],
      ['paper', '2'],
      ['paper', '4'],
    ]);
    expect(await stats('counter=demo-land&channel=paper')).toMatchObject({ n: 3, satisfied: 2 });
    expect(csv).toContain('"Phải chờ lâu, không có số"');
    // 15:30 written without an offset is Vietnam time
    expect(csv).toContain('2025-10-02T15:30:00.000+07:00');
  });

  it('takes a channel column (paper or interviewer) and the exports’ own column names', async () => {
    const file = [
      'submitted_at,channel,sipas_overall,sipas_access_q',
      '2025-08-04,interviewer,4,5',
      '2025-08-05,,2,9',
      '2025-08-06,paper,5,',
    ].join('\n');
    expect(await post('counter=demo-land', file)).toEqual({
      status: 201,
      body: { rows: 3, valid: 3, stored: 3, alreadyImported: 0, casesOpened: 0 },
    });
    const csv = await (
      await t.app.request('/api/exports/responses.csv?from=2025-08-01&to=2025-08-31&codes=1', { headers: { cookie } })
    ).text();
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.channel, r.sipas_overall, r.sipas_access_q])).toEqual([
      ['interviewer', '4', '5'],
      ['paper', '2', '9'],
      ['paper', '5', ''],
    ]);
    // A file cannot pass itself off as citizens' own answers.
    const qr = await post('counter=demo-land', 'submitted_at,channel,overall\n2025-08-07,qr,5\n');
    expect(qr.status).toBe(422);
    expect(qr.body.problems).toEqual([
      {
        line: 2,
        column: 'channel',
        message: {
          vi: 'Kênh của phiếu nhập phải là một trong: paper, interviewer (để trống: paper).',
          en: 'An imported answer’s channel must be one of: paper, interviewer (blank: paper).',
        },
      },
    ]);
  });

  it('reads semicolon CSV as Excel saves it in Vietnam', async () => {
    const res = await post('counter=demo-land&dryRun=1', 'submitted_at;overall\n2025-09-01;5\n2025-09-02;3\n');
    expect(res).toEqual({ status: 200, body: { rows: 2, valid: 2, stored: 0, alreadyImported: 0, dryRun: true } });
  });

  it('imports nothing from a file with a bad row, and says what is wrong where', async () => {
    const before = await dbSnapshot(t.db);
    const bad = [
      'submitted_at,overall,access_q,dossier_code,mood',
      '2025-11-01,5,4,000.00.17.H31-251101-0001,',
      '01/11/2025,7,4,,',
      '2025-11-02,4,4,000.00.17.H31-251101-0001,',
    ].join('\n');
    const res = await post('counter=demo-land', bad);
    expect(res.status).toBe(422);
    const problems = res.body.problems as { line: number; column: string; message: { vi: string } }[];
    expect(problems.map((p) => [p.line, p.column])).toEqual([[1, 'mood']]);
    const fixedHeader = bad.replace(',mood', '').replace(/,\n/g, '\n').replace(/,$/, '');
    const rows = await post('counter=demo-land', fixedHeader);
    expect(rows.status).toBe(422);
    expect((rows.body.problems as { line: number; column: string }[]).map((p) => [p.line, p.column])).toEqual([
      [3, 'submitted_at'],
      [3, 'overall'],
      [4, 'dossier_code'],
    ]);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('imports an Excel sheet of interviews into a survey wave, each row naming its stratum', async () => {
    const units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
    const wave = await t.app.request('/api/waves', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Phiếu giấy 2025',
        survey: 'sipas-counter',
        from: '2025-06-01',
        to: '2025-06-30',
        strata: [
          { unitId: units['11953'], population: 300 },
          { unitId: units['11980'], population: 100 },
        ],
      }),
    });
    const { id } = (await wave.json()) as { id: number };
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Phiếu');
    sheet.addRow(['submitted_at', 'unit_code', 'overall', 'access_1', 'comment']);
    sheet.addRow(['2025-06-10', '11953', 5, 4, 'Ổn']);
    sheet.addRow(['2025-06-11', '11953', 3, 9, '']);
    sheet.addRow(['2025-06-12', '11980', 4, 5, '']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await post(`wave=${id}`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res).toEqual({ status: 201, body: { rows: 3, valid: 3, stored: 3, alreadyImported: 0, casesOpened: 0 } });
    const report = (await (await t.app.request(`/api/waves/${id}`, { headers: { cookie } })).json()) as {
      strata: { collected: number; weight: number }[];
    };
    // in tree order: 11980 first, then Phường Phố Hiến (11953), made by the demo merge of 1 July 2025
    expect(report.strata.map((s) => [s.collected, s.weight])).toEqual([
      [1, 100],
      [2, 150],
    ]);
    // A wave's rows without a channel column are its interviews.
    const waveCsv = await (
      await t.app.request(`/api/exports/responses.csv?wave=${id}&from=2025-06-01&to=2025-06-30`, { headers: { cookie } })
    ).text();
    expect((parse(waveCsv.slice(1), { columns: true }) as Record<string, string>[]).map((r) => r.channel)).toEqual([
      'interviewer',
      'interviewer',
      'interviewer',
    ]);
    const outside = await post(`wave=${id}`, 'submitted_at,unit_code,overall\n2025-06-10,HY,4\n');
    expect(outside.status).toBe(422);
  });

  it('refuses what it cannot read, and asks where the answers go', async () => {
    expect((await post('counter=demo-land', new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).status).toBe(400);
    expect((await post('', PAPER)).status).toBe(400);
    expect((await post('counter=no-such-counter', PAPER)).status).toBe(404);
    const noSession = await t.app.request('/api/imports?counter=demo-land', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: PAPER,
    });
    expect(noSession.status).toBe(401);
  });
});

describe('comments after an import of older answers', () => {
  it('come newest first by the time they were answered, not by when they were stored, page after page', async () => {
    const today = localDay(new Date());
    const citizen = await submitJson(t.app, 'demo-construction', { answers: { overall: 5 }, comment: 'Hôm nay: nhanh gọn' });
    expect(citizen.status).toBe(201);
    const older = [
      'submitted_at,overall,comment',
      `${addDays(today, -7)},4,Tuần trước: phiếu giấy`,
      `${addDays(today, -1)},4,Hôm qua: phiếu giấy`,
    ].join('\n');
    expect((await post('counter=demo-construction', older)).status).toBe(201);
    const list = async (extra = '') => {
      const res = await t.app.request(`/api/comments?from=${addDays(today, -10)}&to=${today}&counter=demo-construction${extra}`, {
        headers: { cookie },
      });
      return (await res.json()) as { items: { comment: string; submittedAt: string }[]; nextBefore: number | null };
    };
    expect((await list()).items.map((i) => i.comment)).toEqual(['Hôm nay: nhanh gọn', 'Hôm qua: phiếu giấy', 'Tuần trước: phiếu giấy']);
    const first = await list('&limit=2');
    expect(first.items.map((i) => i.comment)).toEqual(['Hôm nay: nhanh gọn', 'Hôm qua: phiếu giấy']);
    const second = await list(`&limit=2&before=${first.nextBefore}`);
    expect(second).toEqual({ items: [expect.objectContaining({ comment: 'Tuần trước: phiếu giấy' })], nextBefore: null });
  });
});

describe('complaint cases from imported rows', () => {
  const casesOfComment = async (comment: string) =>
    (
      await t.db.dbRead
        .selectFrom('cases as c')
        .innerJoin('responses as r', 'r.id', 'c.response_id')
        .select(['c.reason', 'c.opened_by', 'c.due_at', 'c.created_at', 'r.submitted_at'])
        .where('r.comment', '=', comment)
        .execute()
    ).map((c) => ({ ...c, dueDays: (c.due_at.getTime() - c.submitted_at.getTime()) / 86_400_000 }));

  it('a paper form rated 1–2 within the due days opens one, due from the day on the form; older forms and other rows open none', async () => {
    const today = localDay(new Date());
    const csv = [
      'submitted_at,overall,access_q,comment',
      `${addDays(today, -2)},2,4,Giấy: chờ lâu (mới)`,
      `${addDays(today, -3)},4,1,Giấy: thiếu chỗ ngồi (mới)`,
      `${addDays(today, -30)},1,,Giấy: chờ lâu (cũ)`,
      `${addDays(today, -1)},5,,Giấy: góp ý (mới)`,
    ].join('\n');
    const res = await post('counter=demo-civil', csv);
    expect(res).toEqual({ status: 201, body: { rows: 4, valid: 4, stored: 4, alreadyImported: 0, casesOpened: 2 } });
    for (const comment of ['Giấy: chờ lâu (mới)', 'Giấy: thiếu chỗ ngồi (mới)']) {
      expect(await casesOfComment(comment)).toEqual([expect.objectContaining({ reason: 'low_rating', opened_by: 'auto', dueDays: 7 })]);
    }
    expect(await casesOfComment('Giấy: chờ lâu (cũ)')).toEqual([]);
    expect(await casesOfComment('Giấy: góp ý (mới)')).toEqual([]);
    // the same file again: nothing stored, no second case
    expect((await post('counter=demo-civil', csv)).body).toMatchObject({ stored: 0, alreadyImported: 4, casesOpened: 0 });
  });

  it('a survey wave’s interviews never open one, however low and recent', async () => {
    const units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
    const today = localDay(new Date());
    const wave = await t.app.request('/api/waves', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Điều tra XHH tuần này',
        survey: 'sipas-counter',
        from: addDays(today, -5),
        to: today,
        strata: [{ unitId: units['11953'], population: 100 }],
      }),
    });
    const { id } = (await wave.json()) as { id: number };
    const res = await post(`wave=${id}`, `submitted_at,unit_code,overall,comment\n${addDays(today, -1)},11953,1,Phỏng vấn: rất tệ\n`);
    expect(res.body).toMatchObject({ stored: 1, casesOpened: 0 });
    expect(await casesOfComment('Phỏng vấn: rất tệ')).toEqual([]);
  });
});
