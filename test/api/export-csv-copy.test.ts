import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsNumber } from '../../db/response-export-copy';
import { ensureSurveyVersion } from '../../db/surveys';
import { listUnitsInForce } from '../../db/units';
import { createApp } from '../../server/app';
import { appConfigFromEnv } from '../../server/config/app-config';
import { parseEnv } from '../../server/config/env';
import { csvRecordCounter } from '../../server/exports/csv-record-counter';
import { sipasCounterShort } from '../../surveys/instruments';
import { askDesignerSurvey } from '../support/designer-survey';
import { ADMIN_PASSWORD, createTestApp, login, newClientKey, submitJson, type TestApp } from '../support/test-app';

// On PostgreSQL the CSV's rows are written by COPY; the paged writer is the reference. Both apps
// share one database; `paged` is given a handle without copyOut, as on PGlite.
let t: TestApp;
let paged: TestApp['app'];
let cookie: string;
let waveId: number;
beforeAll(async () => {
  t = await createTestApp();
  const env = parseEnv({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD, HAILONG_TRUST_PROXY: '1' });
  paged = createApp({ db: { ...t.db, copyOut: undefined }, config: appConfigFromEnv(env, t.state.secret) });
  cookie = await login(t.app);
  await seedTrickyData();
});
afterAll(() => t.close());

const TRICKY_TEXT = [
  'a, b, c',
  'nói "xin chào"',
  'dòng một\ndòng hai',
  'cr\rhere',
  'crlf\r\nend',
  '=HYPERLINK("http://x","bấm")',
  '+84 912',
  '-5',
  '@admin',
  '\tthụt lề',
  '\rđầu',
  'Cán bộ rất tận tình, cảm ơn!',
  '',
  ' spaces around ',
  '"',
  '\\.',
  "it's",
  null,
];

async function seedTrickyData() {
  const db = t.db.dbWrite;
  const answers: Record<string, number | null>[] = [
    { overall: 5, access_q: 4, procedure_q: null },
    { overall: 2 },
    { overall: 3, access_q: null, procedure_q: 1 },
    { overall: 4, access_q: 5, procedure_q: 5 },
  ];
  for (let i = 0; i < TRICKY_TEXT.length; i++) {
    expect((await submitJson(t.app, 'demo-land', { answers: answers[i % answers.length]! })).status).toBe(201);
  }
  expect((await submitJson(t.app, 'demo-health', { answers: { overall: 4, expectations_met: 80 } })).status).toBe(201);
  expect((await submitJson(t.app, 'demo-civil', { answers: { overall: 1 } })).status).toBe(201);
  const ids = (await sql<{ id: number }>`select id from responses order by id`.execute(db)).rows.map((r) => r.id);
  // Free text where a writer could slip: separators, quotes, line breaks, formulas, Vietnamese, empty vs null.
  for (let i = 0; i < TRICKY_TEXT.length; i++) {
    const text = TRICKY_TEXT[i]!;
    await sql`update responses set comment = ${text}, dossier_code = ${text === null ? null : `HS-${i}`},
      flags = ${i % 5 === 0 ? sql`array['burst', ${text ?? 'x'}]` : sql`'{}'::text[]`} where id = ${ids[i]}`.execute(db);
  }
  // Numbers JavaScript and PostgreSQL write differently unless care is taken.
  const weights = [0.1 + 0.2, 1e-5, 2.5e15, 1e21, 1 / 3, 0, 1e-7, 123456.789];
  for (let i = 0; i < weights.length; i++) await sql`update responses set weight = ${weights[i]} where id = ${ids[i]}`.execute(db);
  await sql`update responses set satisfied = null where id = ${ids[1]}`.execute(db);
  await sql`update responses set answers = answers || '{"expectations_met": 87.5, "overall": 4.0}'::jsonb where id = ${ids.at(-2)}`.execute(
    db,
  );
  // No opinion given as its own code (an answer equal to the missing code is written as no opinion too).
  await sql`update responses set answers = answers || '{"access_q": 9}'::jsonb where id = ${ids[3]}`.execute(db);
  // A unit and a counter whose names need quoting and the formula guard.
  await sql`update units set name = '=Bộ phận "Một cửa", thành phố' where id = (select unit_id from counters where code = 'demo-land')`.execute(
    db,
  );
  await sql`update counters set name = E'Quầy\nĐất đai' where code = 'demo-land'`.execute(db);
  // A second survey version of the short form.
  const v2 = await ensureSurveyVersion(db, t.state.tenantId, { ...sipasCounterShort, version: 2 });
  await sql`update responses set survey_version_id = ${v2.versionId} where id in (${ids[2]}, ${ids[6]})`.execute(db);

  // A wave with strata weights N_h / n_h (1000 / 3 has no short decimal form).
  const units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
  const post = (path: string, body: unknown) =>
    t.app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const created = await post('/api/waves', {
    name: 'Điều tra, "XHH"',
    survey: 'sipas-counter',
    sector: 'land',
    from: '2020-01-01',
    to: '2030-12-31',
    strata: [
      { unitId: units['11953'], population: 1000 },
      { unitId: units['11980'], population: 7 },
    ],
  });
  expect(created.status).toBe(201);
  waveId = ((await created.json()) as { id: number }).id;
  await seedDesignerSurvey();
  for (const [unit, n] of [
    ['11953', 3],
    ['11980', 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const res = await post(`/api/waves/${waveId}/responses`, {
        clientKey: newClientKey(),
        unitId: units[unit],
        answers: { overall: 2 + i, access_1: 5, procedure_1: null },
      });
      expect(res.status).toBe(201);
    }
  }
}

// A designer survey's answers through the citizen form: 3-level scales, a choice, a multiple
// choice behind a show-if, and short texts a CSV writer could slip on.
const DESIGNER_ANSWERS = [
  { overall: 1, staff: 2, channel_used: 1, problems: [4, 1], suggestion: 'Nên mở thêm quầy, "sớm" hơn' },
  { overall: 3, staff: null, channel_used: 2, suggestion: '=1+1' },
  { overall: 1, staff: 1, channel_used: 3, problems: null, suggestion: 'dòng một\ndòng hai' },
  { overall: null, channel_used: 1, problems: [2] },
  { overall: 1, staff: 3, channel_used: 2, problems: [2], suggestion: null },
  { overall: 2, channel_used: 1, suggestion: '-Không' },
];

async function seedDesignerSurvey() {
  await askDesignerSurvey(t.db.dbWrite, t.state.tenantId, 'demo-civil');
  for (const answers of DESIGNER_ANSWERS) expect((await submitJson(t.app, 'demo-civil', { answers })).status).toBe(201);
  // Answers of a shape the form never stores (an old import, a hand edit): both writers leave them empty alike.
  const last = sql`(select max(id) from responses)`;
  await sql`update responses set answers = answers || '{"staff": "2", "problems": 4, "channel_used": [1]}'::jsonb where id = ${last}`.execute(
    t.db.dbWrite,
  );
}

async function download(app: TestApp['app'], query: string): Promise<Uint8Array> {
  const res = await app.request(`/api/exports/responses.csv?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

const QUERIES = ['', 'labels=1', 'codes=1', 'labels=1&codes=1', 'sector=land', 'from=2020-01-01&to=2030-12-31', 'channel=kiosk'];

describe('the CSV export written by COPY', () => {
  it('has the very bytes of the paged writer, for every option and filter', async () => {
    for (const query of [
      ...QUERIES,
      `wave=${waveId}&from=2020-01-01&to=2030-12-31`,
      `wave=${waveId}&from=2020-01-01&to=2030-12-31&codes=1`,
    ]) {
      const [fast, reference] = [await download(t.app, query), await download(paged, query)];
      expect(Buffer.from(fast).toString('utf8'), query).toBe(Buffer.from(reference).toString('utf8'));
      expect(Buffer.compare(fast, reference), query).toBe(0);
    }
  });

  it('writes the tricky values as a CSV reader gets them back', async () => {
    const text = Buffer.from(await download(t.app, '')).toString('utf8');
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    const rows = parse(text.slice(1), { columns: true, relax_column_count: false }) as Record<string, string>[];
    const land = rows.filter((r) => r.counter_code === 'demo-land');
    expect(land).toHaveLength(TRICKY_TEXT.length);
    const guarded = (s: string | null) => (s === null ? '' : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    expect(land.map((r) => r.comment)).toEqual(TRICKY_TEXT.map(guarded));
    expect(land[0]!.flags).toBe('burst a, b, c');
    expect(land[0]!.unit_name).toBe(`'=Bộ phận "Một cửa", thành phố`);
    expect(land[0]!.counter_name).toBe('Quầy\nĐất đai');
    expect(land.slice(0, 8).map((r) => r.weight)).toEqual([
      '0.30000000000000004',
      '0.00001',
      '2500000000000000',
      '1e+21',
      '0.3333333333333333',
      '0',
      '1e-7',
      '123456.789',
    ]);
    expect([land[0]!.sipas_procedure_q, land[1]!.sipas_access_q, land[1]!.satisfied, land[3]!.sipas_access_q]).toEqual([
      'Không ý kiến',
      '',
      '',
      'Không ý kiến',
    ]);
    expect(new Set(land.map((r) => r.survey_version))).toEqual(new Set(['1', '2']));
    const health = rows.find((r) => r.counter_code === 'demo-health')!;
    // The hospital's overall answer is under its own survey's variable, not the counter survey's.
    expect([health.health_expectations_met, health.health_overall, health.sipas_overall]).toEqual(['87.5', '4', '']);
    expect(land.every((r) => r.health_overall === '' && r.sipas_overall !== '')).toBe(true);
    expect(rows.some((r) => r.channel === 'interviewer')).toBe(false);

    const wave = parse(
      Buffer.from(await download(t.app, `wave=${waveId}&from=2020-01-01&to=2030-12-31`))
        .toString('utf8')
        .slice(1),
      { columns: true },
    ) as Record<string, string>[];
    expect(wave.map((r) => r.weight)).toEqual(['333.3333333333333', '333.3333333333333', '333.3333333333333', '3.5', '3.5']);
  });

  it('writes a designer survey’s multiple choice as 0/1 per option and its short texts, as the paged writer does', async () => {
    for (const query of ['', 'codes=1', 'labels=1', 'sector=civil_status']) {
      const [fast, reference] = [await download(t.app, query), await download(paged, query)];
      expect(Buffer.compare(fast, reference), query).toBe(0);
    }
    const rows = parse(
      Buffer.from(await download(t.app, 'codes=1'))
        .toString('utf8')
        .slice(1),
      { columns: true },
    ) as Record<string, string>[];
    const ks = rows.filter((r) => r.survey === 'ks-2026');
    const columns = [
      'ks_2026_overall',
      'ks_2026_staff',
      'ks_2026_channel_used',
      'ks_2026_problems_1',
      'ks_2026_problems_2',
      'ks_2026_problems_4',
      'ks_2026_suggestion',
    ];
    expect(ks.map((r) => columns.map((c) => r[c]))).toEqual([
      ['1', '2', '1', '1', '0', '1', 'Nên mở thêm quầy, "sớm" hơn'],
      ['3', '9', '2', '', '', '', "'=1+1"],
      ['1', '1', '3', '9', '9', '9', 'dòng một\ndòng hai'],
      // overall no opinion: the show-if does not hold, so the multiple choice was not asked.
      ['9', '', '1', '', '', '', ''],
      ['1', '3', '2', '0', '1', '0', ''],
      ['2', '', '', '', '', '', "'-Không"],
    ]);
    const words = parse(
      Buffer.from(await download(t.app, ''))
        .toString('utf8')
        .slice(1),
      { columns: true },
    ) as Record<string, string>[];
    expect(words.filter((r) => r.survey === 'ks-2026')[2]!.ks_2026_problems_1).toBe('Không ý kiến');
  });

  it('records who exported what and how many rows went out', async () => {
    await download(t.app, 'sector=land');
    const entry = await sql<{ details: { format: string; rows: number; complete: boolean } }>`
      select details from audit_log where action = 'export' order by id desc limit 1`.execute(t.db.dbRead);
    expect(entry.rows[0]!.details).toMatchObject({ format: 'csv', rows: TRICKY_TEXT.length, complete: true, filter: { sector: 'land' } });
  });
});

describe('jsNumber', () => {
  it('writes a float8 in SQL exactly as JavaScript writes the number', async () => {
    const values = [
      0,
      -0,
      1,
      -1,
      5,
      0.1,
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      1e-4,
      9.99e-5,
      1e-5,
      1.2345e-6,
      1e-6,
      9.9e-7,
      1e-7,
      1.5e-7,
      1e-8,
      5e-324,
      123456789012345.6,
    ];
    // Beyond 2^53 (9e15) PostgreSQL sometimes writes another exact form (1.2344999999999999e+21 for
    // 1.2345e+21): only chosen values there; no weight or answer comes near.
    values.push(1e15, 1.5e15, 1000000000000000.5, 9.999999999999999e20, 1e21, 2.5e21, 1.7976931348623157e308, -1e-5, -2.5e16, -1e22);
    for (let i = 0; i < 200; i++) values.push((Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 46 - 30));
    const result = await sql<{ i: number; s: string }>`
      select i::int as i, ${jsNumber(sql`x`)} as s
      from unnest(${sql.raw(`array[${values.map((v) => `'${v}'::float8`).join(',')}]`)}) with ordinality as t(x, i)`.execute(t.db.dbRead);
    expect(result.rows.map((r) => r.s)).toEqual(values.map((v) => String(v)));
  });
});

describe('csvRecordCounter', () => {
  it('counts records, not line feeds inside quoted fields, across chunk boundaries', () => {
    const csv = Buffer.from('1,"a\nb",x\n2,"say ""hi""\n",y\n3,,\n4,"\n"\n');
    for (const cut of [1, 3, 5, 8, 13, csv.length]) {
      const counter = csvRecordCounter();
      for (let i = 0; i < csv.length; i += cut) counter.add(csv.subarray(i, i + cut));
      expect(counter.records, `chunks of ${cut}`).toBe(4);
    }
  });
});
