import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDossiers } from '../../db/dossiers';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { dossierJson, unitId } from '../support/dossier-facts';
import { createTestApp, login, type TestApp } from '../support/test-app';

// A hand-made month at the provincial service centre (33-TTPVHCC): each dossier stands for one
// reason a portal figure may differ, and one at the hospital lies outside a ward analyst's scope.
let t: TestApp;
let admin: string;
let wardAnalyst: string;
let tenantId: number;
let centre: number;
let hospital: number;
let ward: number;
const PASSWORD = 'recon-password-1';
const MARCH = 'from=2026-03-01&to=2026-03-31';

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface Row {
  id: number;
  unit: { id: number; code: string; name: string };
  indicator: string;
  from: string;
  to: string;
  portal: number;
  hailong: Ratio;
  difference: number | null;
  explanation: {
    dossierChannel: string | null;
    counts: Record<string, number>;
    failed: { hailong: number; portal: number; more: number } | null;
    ratedOnly: Ratio | null;
  };
}
type Refusal = { message: { vi: string; en: string }; fields?: Record<string, { vi: string; en: string }>; problems?: unknown[] };

const call = async <T = Record<string, unknown>>(cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
};
const put = (cookie: string, body: Record<string, unknown>) => call<Row & Refusal>(cookie, 'PUT', '/api/indices/766/portal-figures', body);
const rowsOf = async (cookie: string, query = MARCH) => {
  const res = await call<{ rows: Row[] }>(cookie, 'GET', `/api/indices/766/reconciliation?${query}`);
  expect(res.status).toBe(200);
  return res.body.rows;
};
const auditOf = (action: string) =>
  t.db.dbRead.selectFrom('audit_log').select(['subject', 'details', 'actor_username']).where('action', '=', action).orderBy('id').execute();
const importSheet = (cookie: string, csv: string) =>
  t.app.request('/api/indices/766/portal-figures/import?name=figures.csv', {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: csv,
  });
const figureCount = async () =>
  (
    await t.db.dbRead
      .selectFrom('portal_figures')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

const complaint = (answeredAt: string) => ({
  complained: true,
  complaintDueAt: '2026-03-12T17:00:00+07:00',
  complaintAnsweredAt: answeredAt,
  complaintSatisfied: true,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  tenantId = t.state.tenantId;
  centre = await unitId(t.db.dbRead, tenantId, '33-TTPVHCC');
  hospital = await unitId(t.db.dbRead, tenantId, '33-BVDK');
  ward = await unitId(t.db.dbRead, tenantId, '11953');
  const created = await call(admin, 'POST', '/api/users', {
    username: 'phan.tich.pho.hien',
    role: 'analyst',
    unitId: ward,
    password: PASSWORD,
  });
  expect(created.status).toBe(201);
  wardAnalyst = await login(t.app, 'phan.tich.pho.hien', PASSWORD);

  const late = '2026-03-11T09:00:00+07:00';
  const items = [
    dossierJson(1), // unrated, on time: satisfied by the rule
    dossierJson(2, { rating: 1, ratingScale: 3 }), // "không hài lòng"
    dossierJson(3, { rating: 3, ratingScale: 3 }), // satisfied
    dossierJson(4, { rating: 3, ratingScale: 3, finishedAt: late }), // overdue
    dossierJson(5, { finishedAt: late }), // overdue and unrated
    dossierJson(6, complaint('2026-03-11T09:00:00+07:00')), // complained, answered on time
    dossierJson(7, complaint('2026-03-13T09:00:00+07:00')), // complained, answered late
    dossierJson(8, { finishedAt: null }), // received in March, not finished: open
    dossierJson(9, { rating: 5, ratingScale: 5, channel: 'online' }), // online, satisfied
    // Received in March, finished in April: counts in April, not open either.
    dossierJson(10, { dueAt: '2026-04-05T17:00:00+07:00', finishedAt: '2026-04-02T10:00:00+07:00' }),
    dossierJson(11, { unit: '33-BVDK', sector: 'health', finishedAt: late }), // another unit, overdue
  ];
  const { records, problems } = await resolveDossiers(
    t.db.dbWrite,
    tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  await storeDossiers(t.db.dbWrite, tenantId, records, 'api');
});
afterAll(() => t.close());

describe('portal figures are entered, replaced and deleted, each on the audit record', () => {
  it('creates (201), replaces (200) with the old value audited, and deletes', async () => {
    const first = await put(admin, {
      unitId: hospital,
      indicator: 'r3',
      from: '2026-03-01',
      to: '2026-03-31',
      value: '70,5',
      note: 'Cổng 02/4',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 70.5, replaced: null });
    const again = await put(admin, { unitId: hospital, indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 72 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, value: 72, replaced: { value: 70.5 } });
    const entered = await auditOf('portal_figure_entered');
    expect(entered.map((e) => e.details.value)).toEqual([
      { from: null, to: 70.5 },
      { from: 70.5, to: 72 },
    ]);
    expect(entered[1]).toMatchObject({ subject: `portal_figure:${first.body.id}`, actor_username: 'admin' });

    const gone = await call(admin, 'DELETE', `/api/indices/766/portal-figures/${first.body.id}`);
    expect(gone.status).toBe(200);
    expect(await figureCount()).toBe(0);
    const deleted = await auditOf('portal_figure_deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.details).toMatchObject({ unit: '33-BVDK', indicator: 'r3', value: 72 });
    expect((await call(admin, 'DELETE', `/api/indices/766/portal-figures/${first.body.id}`)).status).toBe(404);
  });

  it('refuses a value above 100, an unknown indicator and a period read backwards, in both languages', async () => {
    const base = { unitId: centre, indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 80 };
    for (const [over, field] of [
      [{ value: 120 }, 'value'],
      [{ value: '12a' }, 'value'],
      [{ indicator: 'r9' }, 'indicator'],
      [{ from: '2026-04-01' }, 'from'],
      [{ unitId: 'x' }, 'unitId'],
    ] as const) {
      const res = await put(admin, { ...base, ...over });
      expect(res.status).toBe(422);
      expect(res.body.fields?.[field]?.vi).toMatch(/./);
      expect(res.body.fields?.[field]?.en).toMatch(/./);
      expect(res.body.fields?.[field]?.vi).not.toBe(res.body.fields?.[field]?.en);
    }
    expect((await put(admin, { ...base, unitId: 999_999 })).status).toBe(404);
    expect(await figureCount()).toBe(0);
  });
});

describe('reconciliation compares each figure with hailong and explains the difference', () => {
  it("gives hailong's R3 as /api/indices/766 does, the difference and the counts by reason", async () => {
    const entered = await put(admin, { unitId: centre, indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 25 });
    expect(entered.status).toBe(201);
    const index = await call<{ overall: { r3: Ratio } }>(admin, 'GET', `/api/indices/766?${MARCH}&unit=${centre}&groupBy=none`);
    const [row] = (await rowsOf(admin)).filter((r) => r.unit.id === centre && r.indicator === 'r3');
    expect(row!.hailong).toEqual(index.body.overall.r3);
    // Counted in March: 1–7 and 9; failed: 2 (rating), 4 and 5 (overdue), 6 and 7 (complained).
    expect(row!.hailong).toEqual({ numerator: 3, denominator: 8, value: 37.5 });
    expect(row!.portal).toBe(25);
    expect(row!.difference).toBeCloseTo(12.5, 10);
    expect(row!.unit).toEqual({ id: centre, code: '33-TTPVHCC', name: expect.any(String) });
    expect(row!.explanation.counts).toEqual({
      overdue: 2,
      unsatisfied: 1,
      complained: 2,
      unrated: 4,
      open: 1,
      complaint_late: 1,
      complaint_unsatisfied: 0,
    });
    // 25 % of 8 means 6 failed dossiers on the portal, against hailong's 5.
    expect(row!.explanation.failed).toEqual({ hailong: 5, portal: 6, more: 1 });
    // Rated only: 2, 3, 4 and 9, of which 2 and 4 failed.
    expect(row!.explanation.ratedOnly).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('explains the online rate by online dossiers only, and a figure with no dossiers has no difference', async () => {
    await put(admin, { unitId: centre, indicator: 'online', from: '2026-03-01', to: '2026-03-31', value: '90' });
    await put(admin, { unitId: centre, indicator: 'r1', from: '2026-05-01', to: '2026-05-31', value: 100 });
    const rows = await rowsOf(admin, 'from=2026-01-01&to=2026-12-31');
    const online = rows.find((r) => r.indicator === 'online')!;
    expect(online.hailong).toEqual({ numerator: 1, denominator: 1, value: 100 });
    expect(online.difference).toBe(10);
    expect(online.explanation.dossierChannel).toBe('online');
    expect(online.explanation.counts).toMatchObject({ overdue: 0, unrated: 0, open: 0 });
    const may = rows.find((r) => r.indicator === 'r1')!;
    expect(may).toMatchObject({ difference: null, hailong: { denominator: 0, value: null } });
    expect(may.explanation.failed).toBeNull();
    // A period within [from, to] only: March alone leaves May out.
    expect((await rowsOf(admin)).map((r) => r.indicator).sort()).toEqual(['online', 'r3']);
  });

  it('lists the dossiers of a reason as JSON and as a CSV for Excel, audited as an export', async () => {
    const list = await call<{ total: number; dossiers: { code: string }[]; next: number | null }>(
      admin,
      'GET',
      `/api/indices/766/reconciliation/dossiers?${MARCH}&unit=${centre}&reason=overdue`,
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.next).toBeNull();
    expect(list.body.dossiers.map((d) => d.code).sort()).toEqual([dossierJson(4).code, dossierJson(5).code]);
    const open = await call<{ dossiers: { code: string; finishedAt: null }[] }>(
      admin,
      'GET',
      `/api/indices/766/reconciliation/dossiers?${MARCH}&unit=${centre}&reason=open`,
    );
    expect(open.body.dossiers.map((d) => d.code)).toEqual([dossierJson(8).code]);

    const res = await t.app.request(`/api/indices/766/reconciliation/dossiers.csv?${MARCH}&unit=${centre}&reason=overdue`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Mã hồ sơ,Mã thủ tục,Tên thủ tục,Lĩnh vực,Mã đơn vị,Kênh,Tiếp nhận,Hạn trả kết quả,Hoàn thành/);
    const codes = lines.slice(1).map((l) => l.split(',')[0]);
    expect(codes.sort()).toEqual([dossierJson(4).code, dossierJson(5).code]);
    // Times in Vietnam time, as the dossier was sent (+07:00).
    expect(lines.find((l) => l.startsWith(String(dossierJson(5).code)))).toContain('2026-03-11 09:00');
    const exports = await auditOf('export');
    expect(exports.at(-1)).toMatchObject({
      subject: 'reconciliation-dossiers.csv',
      details: { rows: 2, complete: true, reason: 'overdue' },
    });

    const bad = await call<Refusal>(admin, 'GET', `/api/indices/766/reconciliation/dossiers?${MARCH}&reason=late`);
    expect(bad.status).toBe(400);
  });
});

describe('a sheet of portal figures is imported whole or not at all', () => {
  it('refuses a sheet with a bad row (422, line and column), storing nothing; then imports the corrected one', async () => {
    const before = await figureCount();
    const sheet = (value: string) =>
      'Mã đơn vị,Chỉ số,Từ ngày,Đến ngày,Giá trị,Ghi chú\n' +
      `33-BVDK,R3,2026-01-01,2026-03-31,"85,3",Quý I\n` +
      `33-BVDK,Trực tuyến,01/01/2026,31/03/2026,${value},\n`;
    const refused = await importSheet(admin, sheet('101'));
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as {
      rows: number;
      problems: { line: number; column: string; message: { vi: string; en: string } }[];
    };
    expect(body.rows).toBe(2);
    expect(body.problems).toEqual([{ line: 3, column: 'Giá trị', message: expect.objectContaining({ vi: expect.any(String) }) }]);
    expect(await figureCount()).toBe(before);

    const done = await importSheet(admin, sheet('88.25'));
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ rows: 2, created: 2, replaced: 0 });
    const rows = await rowsOf(admin, `from=2026-01-01&to=2026-03-31&unit=${hospital}`);
    expect(rows.map((r) => [r.indicator, r.portal]).sort()).toEqual([
      ['online', 88.25],
      ['r3', 85.3],
    ]);
    expect((await auditOf('portal_figure_entered')).filter((e) => e.details.source === 'import')).toHaveLength(2);
  });
});

describe('a ward analyst keeps to their subtree', () => {
  it("can neither enter a figure for another unit (403) nor see others' figures or dossiers", async () => {
    const refused = await put(wardAnalyst, { unitId: centre, indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 50 });
    expect(refused.status).toBe(403);
    expect(refused.body.message.vi).toMatch(/./);
    expect(await rowsOf(wardAnalyst, 'from=2026-01-01&to=2026-12-31')).toEqual([]);
    expect((await call(wardAnalyst, 'GET', `/api/indices/766/reconciliation?unit=${centre}`)).status).toBe(403);
    expect((await call(wardAnalyst, 'GET', `/api/indices/766/reconciliation/dossiers?${MARCH}&unit=${centre}&reason=overdue`)).status).toBe(
      403,
    );
    const theirs = await call<{ total: number }>(wardAnalyst, 'GET', `/api/indices/766/reconciliation/dossiers?${MARCH}&reason=overdue`);
    expect(theirs.body.total).toBe(0);
    const someone = (await rowsOf(admin))[0]!;
    expect((await call(wardAnalyst, 'DELETE', `/api/indices/766/portal-figures/${someone.id}`)).status).toBe(403);
    const sheet = 'unit_code,indicator,from,to,value\n33-TTPVHCC,r3,2026-03-01,2026-03-31,50\n';
    const imported = await importSheet(wardAnalyst, sheet);
    expect(imported.status).toBe(422);
    expect(((await imported.json()) as Refusal).problems).toEqual([expect.objectContaining({ line: 2, column: 'unit_code' })]);
    // Their own ward: allowed.
    expect((await put(wardAnalyst, { unitId: ward, indicator: 'r3', from: '2026-03-01', to: '2026-03-31', value: 50 })).status).toBe(201);
    expect((await rowsOf(wardAnalyst)).map((r) => r.unit.code)).toEqual(['11953']);
  });
});
