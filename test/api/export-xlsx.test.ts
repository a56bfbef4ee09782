// The workbook is read back with SheetJS, not with ExcelJS that wrote it, so a fault shared by
// one library's writer and its own reader cannot hide.
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import type { Answers } from '../../surveys/instrument-schema';
import { respondentSatisfied } from '../../surveys/scoring';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
const get = (path: string) => t.app.request(path, { headers: { cookie } });

// March 2026 in Vietnam; one response in April shows the period filter applies.
const MARCH = 'from=2026-03-01&to=2026-03-31';
const FORMULA = '=HYPERLINK("http://x","bấm")';
const THANKS = 'Cán bộ rất tận tình, cảm ơn! Đường đến quầy hơi khó tìm.';

interface Stored {
  id: number;
  counter: string;
  input: NewResponse;
}
const stored: Stored[] = [];
let seq = 0;

function response(counter: ActiveCounter, day: number, answers: Answers, extra: Partial<NewResponse> = {}): NewResponse {
  return {
    tenant_id: counter.tenant_id,
    survey_version_id: counter.surveyVersion.id,
    counter_id: counter.id,
    unit_id: counter.unit_id,
    sector_code: counter.sectors[0]!,
    channel: 'qr',
    // 02:30 UTC is 09:30 in Vietnam: the same local day.
    submitted_at: new Date(`2026-03-${String(day).padStart(2, '0')}T02:30:00Z`),
    answers,
    comment: null,
    dossier_code: null,
    client_key: `xlsx-${++seq}`,
    token_id: null,
    satisfied: respondentSatisfied(counter.surveyVersion.definition, answers),
    ...extra,
  };
}

async function store(code: string, inputs: NewResponse[]) {
  const results = await storeResponses(t.db.dbWrite, inputs);
  results.forEach((r, i) => stored.push({ id: r.id, counter: code, input: inputs[i]! }));
}

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  const counter = async (code: string) => (await findActiveCounter(t.db.dbRead, code))!;
  const [land, civil, health] = await Promise.all([counter('demo-land'), counter('demo-civil'), counter('demo-health')]);
  // Land: 35 of 40 satisfied = 87.5 % against 85 %: met, but the interval still reaches below 85.
  // Every fifth says "no opinion" on the procedure; every second leaves the civil servant unanswered.
  await store(
    'demo-land',
    Array.from({ length: 40 }, (_, i) => {
      const answers: Answers = {
        overall: i < 35 ? (i % 2 ? 5 : 4) : (i % 3) + 1,
        access_q: (i % 5) + 1,
        procedure_q: i % 5 === 0 ? null : 4,
      };
      if (i % 2 === 1) answers.civil_servant_q = 5;
      const comment = i === 0 ? THANKS : i === 1 ? FORMULA : i === 2 ? '-5 điểm vì phải chờ' : null;
      return response(land, 1 + (i % 28), answers, { comment, dossier_code: i === 3 ? 'H31.22-260301-0001' : null });
    }),
  );
  // Civil status: 20 of 32 = 62.5 % against 90 %: not met, and surely so.
  await store(
    'demo-civil',
    Array.from({ length: 32 }, (_, i) => response(civil, 10, { overall: i < 20 ? 4 : 2 }, { channel: i % 4 === 0 ? 'kiosk' : 'qr' })),
  );
  // Health: three answers are too few for a verdict.
  await store('demo-health', [
    response(health, 12, { overall: 4, expectations_met: 80, come_back: 5 }),
    response(health, 12, { overall: 5, expectations_met: 95 }, { comment: 'Bác sĩ khám kỹ, dặn dò chu đáo' }),
    response(health, 13, { overall: 2, come_back: 3 }),
  ]);
  // A burst is exported with its flag but left out of every rate.
  await store('demo-land', [response(land, 20, { overall: 1 }, { flags: ['burst'] })]);
  await storeResponses(t.db.dbWrite, [response(land, 1, { overall: 5 }, { submitted_at: new Date('2026-04-15T03:00:00Z') })]);
});
afterAll(() => t.close());

async function exportWorkbook(query: string): Promise<XLSX.WorkBook> {
  const res = await get(`/api/exports/responses.xlsx?${query}`);
  expect(res.status).toBe(200);
  return XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array', cellFormula: true });
}

/** A sheet as rows of raw cell values (numbers stay numbers), blanks as null. */
function rowsOf(book: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = book.Sheets[name];
  expect(sheet, `sheet ${name}`).toBeDefined();
  return XLSX.utils.sheet_to_json<unknown[]>(sheet!, { header: 1, raw: true, defval: null, blankrows: false });
}

/** Data rows keyed by the first header row's names; the second header row is the Vietnamese labels. */
function recordsOf(book: XLSX.WorkBook, name: string): Record<string, unknown>[] {
  const [names, , ...rows] = rowsOf(book, name);
  return rows.map((row) => Object.fromEntries((names as string[]).map((n, i) => [n, row[i] ?? null])));
}

const VERDICT_VI = { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' } as const;
const BASIS_VI = { sector: 'chỉ tiêu của lĩnh vực', overall: 'chỉ tiêu chung', mixed: 'chỉ tiêu chung: nhiều lĩnh vực' } as const;
const CONFIDENCE_VI = { confident: 'Chắc chắn', not_conclusive: 'Chưa chắc chắn' } as const;
const GROUP_VI = { sector: 'Lĩnh vực', unit: 'Đơn vị' } as const;

interface StatsRow {
  key: string;
  label: string;
  n: number;
  satisfied: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  target: number;
  verdict: keyof typeof VERDICT_VI;
  confidence: keyof typeof CONFIDENCE_VI | null;
  targetBasis: keyof typeof BASIS_VI;
}

/** What the rates sheet must hold for one row of /api/stats. */
const expectedRate = (group: string, r: StatsRow) => ({
  group,
  key: r.key,
  label: r.label,
  n: r.n,
  satisfied: r.satisfied,
  rate: r.rate,
  ci_low: r.interval?.low ?? null,
  ci_high: r.interval?.high ?? null,
  target: r.target,
  verdict: VERDICT_VI[r.verdict],
  confidence: r.confidence === null ? null : CONFIDENCE_VI[r.confidence],
  target_basis: BASIS_VI[r.targetBasis],
});

async function statsFor(query: string, groupBy: 'sector' | 'unit') {
  const res = await get(`/api/stats?${query}&groupBy=${groupBy}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { overall: StatsRow; rows: StatsRow[] };
}

describe('GET /api/exports/responses.xlsx', () => {
  it('needs a session and refuses a bad filter before writing a byte', async () => {
    expect((await t.app.request('/api/exports/responses.xlsx')).status).toBe(401);
    expect((await get('/api/exports/responses.xlsx?channel=fax')).status).toBe(400);
    expect((await get('/api/exports/responses.xlsx?from=2026-03-31&to=2026-03-01')).status).toBe(400);
    expect((await get('/api/exports/responses.xlsx?from=2026-13-01')).status).toBe(400);
  });

  it('is an XLSX download named for its period, with the three sheets', async () => {
    const res = await get(`/api/exports/responses.xlsx?${MARCH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hailong-responses-2026-03-01-2026-03-31.xlsx"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['Phiếu trả lời', 'Tỷ lệ hài lòng', 'Từ điển biến']);
  });

  it('has one row per response whose values are the stored answers, numbers as numbers', async () => {
    const book = await exportWorkbook(MARCH);
    const [names, labels] = rowsOf(book, 'Phiếu trả lời');
    expect((names as string[]).slice(0, 3)).toEqual(['id', 'submitted_at', 'unit_code']);
    expect((labels as string[]).slice(0, 3)).toEqual(['Mã phiếu', 'Thời điểm gửi (giờ Việt Nam)', 'Mã đơn vị']);
    const questions: Record<string, string> = {
      sipas_overall: 'overall',
      sipas_access_q: 'access_q',
      sipas_procedure_q: 'procedure_q',
      sipas_civil_servant_q: 'civil_servant_q',
      health_overall: 'overall',
      health_expectations_met: 'expectations_met',
      health_come_back: 'come_back',
    };
    for (const key of [...Object.keys(questions), 'comment', 'flags']) expect(names).toContain(key);
    const rows = recordsOf(book, 'Phiếu trả lời');
    // Arrival order, every stored March response once, April's left out.
    expect(rows.map((r) => r.id)).toEqual(stored.map((s) => s.id));

    rows.forEach((row, i) => {
      const { input, counter } = stored[i]!;
      expect(row).toMatchObject({ counter_code: counter, sector: input.sector_code, channel: input.channel, weight: 1 });
      expect(row.satisfied).toBe(input.satisfied === null ? null : input.satisfied ? 1 : 0);
      expect(row.submitted_at).toBe(`2026-03-${input.submitted_at.toISOString().slice(8, 10)}T09:30:00.000+07:00`);
      for (const [column, key] of Object.entries(questions)) {
        // A variable holds the answers of its own survey only: the hospital's overall answer is not the counter survey's.
        const asked = column.startsWith(counter === 'demo-health' ? 'health_' : 'sipas_');
        const answer = asked ? input.answers[key] : undefined;
        // No opinion is the codebook's missing code (9 on the 5-level scale); unanswered is blank.
        expect(row[column], `${column} of response ${i}`).toBe(answer === undefined ? null : answer === null ? 9 : answer);
      }
      expect(row.flags).toBe(input.flags?.length ? input.flags.join(' ') : null);
    });

    const [first, second, third, fourth] = rows;
    expect(first).toMatchObject({
      sipas_overall: 4,
      sipas_procedure_q: 9,
      sipas_civil_servant_q: null,
      health_overall: null,
      comment: THANKS,
    });
    expect(first!.unit_name).toBe('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên');
    expect(third!.comment).toBe("'-5 điểm vì phải chờ");
    expect(fourth!.dossier_code).toBe('H31.22-260301-0001');
    expect(rows.at(-1)).toMatchObject({ counter_code: 'demo-land', sipas_overall: 1, flags: 'burst' });
    expect(rows.filter((r) => r.counter_code === 'demo-health').map((r) => r.comment)).toEqual([
      null,
      'Bác sĩ khám kỹ, dặn dò chu đáo',
      null,
    ]);

    // The formula-looking comment is a text cell, never a formula.
    const sheet = book.Sheets['Phiếu trả lời']!;
    const commentCol = (names as string[]).indexOf('comment');
    const cell = sheet[XLSX.utils.encode_cell({ r: 3, c: commentCol })] as XLSX.CellObject;
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();
    expect(cell.v).toBe(`'${FORMULA}`);
    expect(second!.comment).toBe(`'${FORMULA}`);
    const overallCell = sheet[XLSX.utils.encode_cell({ r: 2, c: (names as string[]).indexOf('sipas_overall') })] as XLSX.CellObject;
    expect(overallCell).toMatchObject({ t: 'n', v: 4 });
  });

  it('puts the rates by sector and unit exactly as /api/stats gives them for the same filter', async () => {
    for (const query of [MARCH, `${MARCH}&sector=land`, `${MARCH}&channel=qr`]) {
      const rates = recordsOf(await exportWorkbook(query), 'Tỷ lệ hài lòng');
      const [bySector, byUnit] = [await statsFor(query, 'sector'), await statsFor(query, 'unit')];
      expect(rates, query).toEqual([
        expectedRate('Tổng thể', bySector.overall),
        ...bySector.rows.map((r) => expectedRate(GROUP_VI.sector, r)),
        ...byUnit.rows.map((r) => expectedRate(GROUP_VI.unit, r)),
      ]);
      // The figures of the overall row do not depend on the grouping (its label does, in the API: see the report).
      expect({ ...byUnit.overall, label: null }).toEqual({ ...bySector.overall, label: null });
    }

    const rates = recordsOf(await exportWorkbook(MARCH), 'Tỷ lệ hài lòng');
    const sector = (key: string) => rates.find((r) => r.group === 'Lĩnh vực' && r.key === key);
    // The burst is in the responses sheet but not in the rate: 35 of 40, not 35 of 41.
    expect(sector('land')).toMatchObject({
      label: 'Đất đai',
      n: 40,
      satisfied: 35,
      rate: 87.5,
      target: 85,
      verdict: 'Đạt',
      confidence: 'Chưa chắc chắn',
    });
    expect(sector('civil_status')).toMatchObject({
      n: 32,
      satisfied: 20,
      rate: 62.5,
      target: 90,
      verdict: 'Không đạt',
      confidence: 'Chắc chắn',
    });
    expect(sector('health')).toMatchObject({ n: 3, satisfied: 2, verdict: 'Chưa đủ số phiếu', confidence: null });
    expect(rates[0]).toMatchObject({ group: 'Tổng thể', label: 'Tổng thể', n: 75, satisfied: 57, target: 90 });
    expect((sector('land')!.ci_low as number) < 85).toBe(true);
  });

  it('explains its variables in a codebook sheet that matches the responses sheet', async () => {
    const book = await exportWorkbook(MARCH);
    const codebook = recordsOf(book, 'Từ điển biến');
    const [names] = rowsOf(book, 'Phiếu trả lời');
    expect(codebook.map((v) => v.variable)).toEqual(names);
    const variable = (name: string) => codebook.find((v) => v.variable === name);
    expect(variable('id')).toMatchObject({ label_vi: 'Mã phiếu', label_en: 'Response id', type: 'numeric', values: null });
    expect(variable('sipas_procedure_q')).toMatchObject({
      type: 'numeric',
      values: '1 = Rất không hài lòng; 2 = Không hài lòng; 3 = Bình thường; 4 = Hài lòng; 5 = Rất hài lòng',
      missing: '9 = Không ý kiến',
      surveys: 'sipas-counter-short v1',
    });
    expect(variable('sipas_overall')).toMatchObject({
      label_vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?',
      surveys: 'sipas-counter-short v1',
    });
    expect(variable('health_overall')).toMatchObject({
      label_vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ khám bệnh tại cơ sở y tế này?',
      surveys: 'health-outpatient v1',
    });
    expect(variable('health_come_back')!.values).toMatch(/^1 = Chắc chắn không quay lại; 2 = /);
    expect(variable('sector')!.values).toMatch(/land = Đất đai/);
    expect(variable('comment')).toMatchObject({ label_vi: 'Góp ý', type: 'string' });
  });
});
