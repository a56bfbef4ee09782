import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDossiers } from '../../db/dossiers';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { dossierJson, unitId } from '../support/dossier-facts';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let centre: number;

const complaint = (answeredAt: string | null, satisfied: boolean | null) => ({
  complained: true,
  complaintDueAt: '2026-03-12T17:00:00+07:00',
  complaintAnsweredAt: answeredAt,
  complaintSatisfied: satisfied,
});

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  centre = await unitId(t.db.dbRead, t.state.tenantId, '33-TTPVHCC');
  const items = [
    // The one-stop centre, land: 5 finished, one open.
    dossierJson(1, { channel: 'online' }),
    dossierJson(2, { channel: 'online', rating: 1, ratingScale: 3 }),
    dossierJson(3, { rating: 5, ratingScale: 5 }),
    dossierJson(4, { finishedAt: '2026-03-11T09:00:00+07:00' }), // overdue
    dossierJson(5, complaint('2026-03-11T09:00:00+07:00', true)), // answered on time, satisfied
    dossierJson(6, { finishedAt: null }),
    // The centre, construction: a complaint answered late, another never answered.
    dossierJson(7, { sector: 'construction', channel: 'online', ...complaint('2026-03-13T09:00:00+07:00', true) }),
    dossierJson(8, { sector: 'construction', ...complaint(null, null) }),
    // Hiến Nam ward, civil status, in January: satisfied, one rated 2 of 5.
    ...[9, 10, 11].map((n) =>
      dossierJson(n, {
        unit: '11953',
        sector: 'civil_status',
        channel: 'online',
        receivedAt: '2026-01-05T08:00:00+07:00',
        dueAt: '2026-01-09T17:00:00+07:00',
        finishedAt: '2026-01-08T10:00:00+07:00',
        ...(n === 11 ? { rating: 2, ratingScale: 5 } : {}),
      }),
    ),
    // After the 6-month period (15/12/2025 – 14/06/2026): not in its report.
    dossierJson(12, {
      receivedAt: '2026-06-20T08:00:00+07:00',
      dueAt: '2026-06-30T17:00:00+07:00',
      finishedAt: '2026-06-25T10:00:00+07:00',
    }),
  ];
  const { records, problems } = await resolveDossiers(
    t.db.dbWrite,
    t.state.tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  await storeDossiers(t.db.dbWrite, t.state.tenantId, records, 'import');
});
afterAll(() => t.close());

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface IndexRow {
  key: string;
  label: string;
  r1: Ratio;
  r2: Ratio;
  r3: Ratio;
  online: { n: number; satisfied: number; rate: number | null; target: number; verdict: string };
  dossiers: { total: number; rated: number; ratedUnsatisfied: number; overdue: number; complained: number; online: number };
}
interface Report {
  index766: { overall: IndexRow; bySector: IndexRow[]; byUnit: IndexRow[]; open: { open: number; pastDue: number }; rule: { vi: string } };
}

const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
const figures = (r: IndexRow) => ({ key: r.key, r1: r.r1, r2: r.r2, r3: r.r3, online: r.online, dossiers: r.dossiers });
const H1 = 'from=2025-12-15&to=2026-06-14';

describe('the Decision 766 group in the periodic report', () => {
  it('equals /api/indices/766 per sector and per unit, for the whole tenant and for one unit', async () => {
    for (const unit of ['', `&unit=${centre}`]) {
      const report = await get<Report>(`/api/reports?kind=h1&year=2026${unit}`);
      const bySector = await get<{ overall: IndexRow; rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=sector${unit}`);
      const byUnit = await get<{ rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=unit${unit}`);
      expect(report.index766.bySector.map(figures)).toEqual(bySector.rows.map(figures));
      expect(report.index766.byUnit.map(figures)).toEqual(byUnit.rows.map(figures));
      expect(figures(report.index766.overall)).toEqual(figures(bySector.overall));
    }
    const all = (await get<Report>('/api/reports?kind=h1&year=2026')).index766;
    // 10 finished in the period; R3 fails 2, 11 (ratings), 4 (overdue), 5, 7, 8 (complaints).
    expect(all.overall.r3).toEqual({ numerator: 4, denominator: 10, value: 40 });
    // R1: 5 on time of 3 complaints; R2: 3 − (7 late) − (8 never answered) = 1.
    expect(all.overall.r1).toEqual({ numerator: 1, denominator: 3, value: 100 / 3 });
    expect(all.overall.r2).toEqual({ numerator: 1, denominator: 3, value: 100 / 3 });
    // Online: 1 passes, 2 and 7 fail, 9 and 10 pass, 11 fails.
    expect(all.overall.online).toMatchObject({ n: 6, satisfied: 3, rate: 50, target: 95, verdict: 'too_few' });
    expect(all.bySector.map((r) => [r.key, r.dossiers.total])).toEqual([
      ['land', 5],
      ['construction', 2],
      ['civil_status', 3],
    ]);
    expect(all.open).toEqual({ open: 1, pastDue: 1 });
    const centreOnly = (await get<Report>(`/api/reports?kind=h1&year=2026&unit=${centre}`)).index766;
    expect(centreOnly.byUnit.map((r) => r.key)).toEqual([String(centre)]);
    expect(centreOnly.overall.r3).toEqual({ numerator: 2, denominator: 7, value: 200 / 7 });
  });

  it('prints the section with R1–R3 as /api/indices/766 gives them, and says when a period has no dossiers', async () => {
    const html = await (await t.app.request('/reports/print?kind=h1&year=2026', { headers: { cookie } })).text();
    const section = html.slice(html.indexOf('data-testid="index766"'), html.indexOf('Ghi chú phương pháp'));
    expect(section).toContain('7. Chỉ số hài lòng theo Quyết định 766');
    expect(section).toContain('hồ sơ không được đánh giá tính là hài lòng');
    const shown = (r: Ratio) =>
      `${r.value === null ? '—' : `${r.value.toFixed(1).replace('.', ',')}\u00a0%`} (${r.numerator}/${r.denominator})`;
    const bySector = await get<{ overall: IndexRow; rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=sector`);
    const byUnit = await get<{ rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=unit`);
    const [sectorTable, unitTable] = section.split('Theo đơn vị');
    const cell = (table: string, key: string, col: string) =>
      new RegExp(`data-key="${key}">.*?data-col="${col}">([^<]*)<`, 's').exec(table)?.[1]?.replace(/<!-- -->/g, '');
    for (const r of [...bySector.rows, { ...bySector.overall, key: '_overall' }]) {
      for (const col of ['r1', 'r2', 'r3'] as const) expect(cell(sectorTable!, r.key, col), `${r.key} ${col}`).toBe(shown(r[col]));
    }
    for (const r of byUnit.rows) {
      for (const col of ['r1', 'r2', 'r3'] as const) expect(cell(unitTable!, r.key, col), `${r.key} ${col}`).toBe(shown(r[col]));
    }
    expect(section).toContain('Hồ sơ chưa trả kết quả, chưa được tính: 1 (trong đó 1 quá hạn).');
    expect(cell(sectorTable!, '_overall', 'verdict')).toBe('Chưa đủ số hồ sơ');

    const empty = await (await t.app.request('/reports/print?kind=custom&from=2024-01-01&to=2024-01-31', { headers: { cookie } })).text();
    expect(empty).toContain('Không có hồ sơ trong kỳ này.');
    const english = await (
      await t.app.request('/reports/print?kind=custom&from=2024-01-01&to=2024-01-31&lang=en', { headers: { cookie } })
    ).text();
    expect(english).toContain('7. Decision 766 satisfaction group');
    expect(english).toContain('No dossiers in this period.');
  });

  it('fills the "Chỉ số 766" sheet with the sector and unit tables, ratios as percent cells', async () => {
    const res = await t.app.request(`/api/reports/report.xlsx?kind=h1&year=2026&unit=${centre}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Chỉ số 766');
    const sheet = book.getWorksheet('Chỉ số 766')!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    const headers = rows.filter((r) => r.getCell(1).value === 'Tên');
    expect(headers.map((r) => r.font?.bold)).toEqual([true, true]);
    const unitHeaderAt = headers[1]!.number;
    const line = (label: string, afterUnitHeader: boolean) =>
      rows.find((r) => r.getCell(1).value === label && r.number > 3 && r.number > unitHeaderAt === afterUnitHeader)!;
    const numbers = (row: ExcelJS.Row) => [3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => row.getCell(c).value);
    const expected = (r: IndexRow) =>
      [r.r1, r.r2, r.r3].flatMap((x) => [x.numerator, x.denominator, x.value === null ? null : x.value / 100]);
    const bySector = await get<{ overall: IndexRow; rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=sector&unit=${centre}`);
    const byUnit = await get<{ rows: IndexRow[] }>(`/api/indices/766?${H1}&groupBy=unit&unit=${centre}`);
    const report = await get<Report>(`/api/reports?kind=h1&year=2026&unit=${centre}`);
    expect(bySector.rows.length).toBe(2);
    for (const r of bySector.rows) {
      const label = report.index766.bySector.find((s) => s.key === r.key)!.label;
      expect(numbers(line(label, false)), label).toEqual(expected(r));
    }
    expect(numbers(line('Tổng thể', false))).toEqual(expected(bySector.overall));
    for (const r of byUnit.rows) expect(numbers(line(r.label, true)), r.label).toEqual(expected(r));
    const land = line('Đất đai', false);
    expect(land.getCell(2)).toMatchObject({ value: 5, numFmt: '#,##0' });
    expect(land.getCell(11).numFmt).toBe('0.0%');
    expect(land.getCell(15)).toMatchObject({ value: 0.95, numFmt: '0%' });
    expect(land.getCell(16).value).toBe('Chưa đủ số hồ sơ');
  });
});
