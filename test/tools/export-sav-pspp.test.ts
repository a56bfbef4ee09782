import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import type { Answers } from '../../surveys/instrument-schema';
import { respondentSatisfied } from '../../surveys/scoring';
import { findPspp, frequencies, runPspp, tables } from '../support/pspp';
import { createTestApp, login, type TestApp } from '../support/test-app';

/**
 * The proof that real tools read hailong's .sav: GNU PSPP opens an export of a known data set and
 * its FREQUENCIES (plain and weighted), labels and missing values must match hailong's own counts.
 */

// The known data set: answers, weights and comments chosen so every count below is checkable by hand.
const LONG_COMMENT = 'Thủ tục còn rườm rà; đề nghị niêm yết rõ phí, lệ phí và thời hạn trả kết quả. '.repeat(6).trim();
const DATA: { code: string; answers: Answers; weight: number; comment?: string }[] = [
  { code: 'demo-land', answers: { overall: 5, access_q: 4, procedure_q: null }, weight: 1, comment: 'Cán bộ rất tận tình, cảm ơn!' },
  { code: 'demo-land', answers: { overall: 5, access_q: null }, weight: 2 },
  { code: 'demo-land', answers: { overall: 4, access_q: 5 }, weight: 0.5 },
  { code: 'demo-land', answers: { overall: 2 }, weight: 1 },
  { code: 'demo-land', answers: { overall: 1, access_q: 1 }, weight: 3, comment: LONG_COMMENT },
  { code: 'demo-land', answers: { overall: 4, access_q: 4 }, weight: 1 },
  { code: 'demo-civil', answers: { overall: 3, access_q: 3 }, weight: 1 },
  { code: 'demo-civil', answers: { overall: 4, access_q: null }, weight: 1.25, comment: 'Hướng dẫn dễ hiểu' },
];
const LEVELS = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];

// A mixed export: March 2025, outside the default period, answers of the counter survey and of the
// outpatient survey, both of which key their overall question `overall`, in different words.
const MIXED_PERIOD = '?from=2025-03-01&to=2025-03-31';
const MIXED: { code: string; answers: Answers }[] = [
  { code: 'demo-land', answers: { overall: 5, access_q: 4 } },
  { code: 'demo-health', answers: { overall: 1, a1: 4, expectations_met: 80 } },
  { code: 'demo-land', answers: { overall: 4 } },
  { code: 'demo-health', answers: { overall: 1, a1: null } },
  { code: 'demo-health', answers: { overall: 3 } },
  { code: 'demo-land', answers: { overall: 2, access_q: 5 } },
  { code: 'demo-health', answers: { overall: 5, expectations_met: 95 } },
];
const SIPAS_OVERALL = 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?';
const HEALTH_OVERALL = 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ khám bệnh tại cơ sở y tế này?';

let t: TestApp;
let cookie: string;
let dir: string;
let pspp: string;

beforeAll(async () => {
  pspp = findPspp();
  t = await createTestApp();
  cookie = await login(t.app);
  dir = await mkdtemp(join(tmpdir(), 'hailong-sav-'));
  const items: NewResponse[] = [];
  const rows = [
    ...DATA.map((d, i) => ({ ...d, at: new Date(Date.now() - (DATA.length - i) * 60_000) })),
    ...MIXED.map((d, i) => ({ ...d, weight: 1, comment: undefined, at: new Date(Date.UTC(2025, 2, 10, 2, i)) })),
  ];
  for (const [i, d] of rows.entries()) {
    const counter = (await findActiveCounter(t.db.dbRead, d.code))!;
    items.push({
      tenant_id: counter.tenant_id,
      survey_version_id: counter.surveyVersion.id,
      counter_id: counter.id,
      unit_id: counter.unit_id,
      sector_code: counter.sectors[0]!,
      channel: 'qr',
      submitted_at: d.at,
      answers: d.answers,
      comment: d.comment ?? null,
      dossier_code: null,
      client_key: `sav-${i}`,
      token_id: null,
      satisfied: respondentSatisfied(counter.surveyVersion.definition, d.answers),
      weight: d.weight,
    });
  }
  await storeResponses(t.db.dbWrite, items);
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => t.app.request(path, { headers: { cookie } });

/** Exports with the query, has PSPP run the syntax on the file, returns PSPP's tables. */
async function psppOn(query: string, syntax: string) {
  const res = await get(`/api/exports/responses.sav${query}`);
  expect(res.status).toBe(200);
  const { csv, log } = await runPspp(pspp, dir, new Uint8Array(await res.arrayBuffer()), syntax);
  // PSPP reports a misread file as warnings or errors, not as a failing exit status.
  expect(`${log}${csv}`).not.toMatch(/warning|error/i);
  return tables(csv);
}

describe('GET /api/exports/responses.sav', () => {
  it('reads in PSPP with hailong’s counts, labels and no-opinion as missing, plain and weighted', async () => {
    const out = await psppOn(
      '',
      [
        'DISPLAY DICTIONARY.',
        'FREQUENCIES VARIABLES=sipas_overall sipas_access_q sector.',
        'WEIGHT BY weight.',
        'FREQUENCIES VARIABLES=sipas_overall.',
        'WEIGHT OFF.',
        'LIST VARIABLES=id comment.',
      ].join('\n'),
    );

    // The dictionary: question texts as variable labels, the scale as value labels, 9 as missing.
    const variables = out.find((x) => x.title === 'Variables')!.rows;
    const header = variables[0]!;
    const byName = new Map(variables.slice(1).map((r) => [r[0]!, Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))]));
    expect(byName.get('sipas_overall')!.Label).toBe(SIPAS_OVERALL);
    expect(byName.get('sipas_access_q')).toMatchObject({
      Label: 'Nơi ngồi chờ và trang thiết bị tại Bộ phận Một cửa',
      'Missing Values': '9',
      'Measurement Level': 'Ordinal',
    });
    expect(byName.get('comment')).toMatchObject({ 'Print Format': 'A4000' });
    expect(byName.get('weight')).toMatchObject({ Label: 'Trọng số', 'Print Format': 'F12.4' });
    const labels = out.find((x) => x.title === 'Value Labels')!.rows;
    const accessAt = labels.findIndex((r) => r[0] === 'Nơi ngồi chờ và trang thiết bị tại Bộ phận Một cửa');
    expect(labels.slice(accessAt, accessAt + 6).map((r) => [r[1], r[2]])).toEqual([
      ['1', 'Rất không hài lòng'],
      ['2', 'Không hài lòng'],
      ['3', 'Bình thường'],
      ['4', 'Hài lòng'],
      ['5', 'Rất hài lòng'],
      ['9[a]', 'Không ý kiến'],
    ]);

    const [overall, access, sector, weighted] = out
      .filter((x) => x.rows[0]?.[2] === 'Frequency')
      .map((x) => ({ title: x.title, ...frequencies(x) }));

    // Plain counts of the overall question equal hailong's own distribution (from the rollups).
    const dist = (await (await get('/api/stats/distribution?groupBy=sector')).json()) as {
      rows: { label: string; counts: Record<string, number>; total: number }[];
    };
    const hailong = new Map<string, number>();
    for (const row of dist.rows)
      for (const [v, n] of Object.entries(row.counts))
        if (n > 0) hailong.set(LEVELS[Number(v) - 1]!, (hailong.get(LEVELS[Number(v) - 1]!) ?? 0) + n);
    expect(overall!.title).toBe(byName.get('sipas_overall')!.Label);
    expect(overall!.valid).toEqual(hailong);
    expect(overall!.valid).toEqual(
      new Map([
        ['Rất không hài lòng', 1],
        ['Không hài lòng', 1],
        ['Bình thường', 1],
        ['Hài lòng', 3],
        ['Rất hài lòng', 2],
      ]),
    );
    expect(overall!.missing.size).toBe(0);

    // No opinion is user-missing under its label; not asked is system-missing; neither is valid.
    expect(access!.valid).toEqual(
      new Map([
        ['Rất không hài lòng', 1],
        ['Bình thường', 1],
        ['Hài lòng', 2],
        ['Rất hài lòng', 1],
      ]),
    );
    expect(access!.missing).toEqual(
      new Map([
        ['.', 1],
        ['Không ý kiến', 2],
      ]),
    );

    // Sectors by their Vietnamese names, as many as the distribution counts per sector.
    expect(sector!.valid).toEqual(new Map(dist.rows.map((r) => [r.label, r.total])));
    expect(sector!.valid).toEqual(
      new Map([
        ['Đất đai', 6],
        ['Hộ tịch', 2],
      ]),
    );

    // WEIGHT BY weight: each level counts the sum of its respondents' weights.
    const expected = new Map<string, number>();
    for (const d of DATA) {
      const label = LEVELS[(d.answers.overall as number) - 1]!;
      expected.set(label, (expected.get(label) ?? 0) + d.weight);
    }
    expect(weighted!.title).toBe(overall!.title);
    expect(weighted!.valid).toEqual(expected);
    expect(expected.get('Hài lòng')).toBe(2.75);

    // Comments come back whole, diacritics intact, the long one through its very long string segments.
    const comments = out
      .find((x) => x.title === 'Data List')!
      .rows.slice(1)
      .map((r) => r[1]);
    expect(comments).toEqual(DATA.map((d) => d.comment ?? ''));
    expect(Buffer.byteLength(LONG_COMMENT)).toBeGreaterThan(255);
  });

  it('keeps each instrument’s question in its own variable in a mixed export: labels, counts, no answer under another survey’s question', async () => {
    const out = await psppOn(
      MIXED_PERIOD,
      [
        'DISPLAY DICTIONARY.',
        'FREQUENCIES VARIABLES=sipas_overall health_overall health_a1.',
        'LIST VARIABLES=survey sipas_overall health_overall.',
      ].join('\n'),
    );
    const variables = out.find((x) => x.title === 'Variables')!.rows;
    const header = variables[0]!;
    const byName = new Map(variables.slice(1).map((r) => [r[0]!, Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))]));
    // Every question variable carries exactly one question's words, and no variable pools the two `overall`s.
    expect(byName.has('overall')).toBe(false);
    expect(byName.get('sipas_overall')!.Label).toBe(SIPAS_OVERALL);
    expect(byName.get('health_overall')!.Label).toBe(HEALTH_OVERALL);
    expect(byName.get('health_a1')).toMatchObject({
      Label: 'Sơ đồ, biển báo chỉ dẫn đường đến các khoa, phòng rõ ràng, dễ hiểu, dễ tìm',
      'Missing Values': '9',
    });
    expect(byName.get('health_expectations_met')!.Label).toMatch(/^Cơ sở y tế đã đáp ứng được khoảng bao nhiêu %/);
    expect(byName.get('sipas_access_q')!.Label).toBe('Nơi ngồi chờ và trang thiết bị tại Bộ phận Một cửa');
    const codebook = (await (await get(`/api/exports/codebook.json${MIXED_PERIOD}`)).json()) as {
      variables: { name: string; label: { vi: string }; question?: unknown }[];
    };
    const questions = codebook.variables.filter((v) => v.question);
    expect(questions.length).toBeGreaterThan(10);
    for (const v of questions) expect(byName.get(v.name)?.Label, v.name).toBe(v.label.vi);

    const [sipas, health, a1] = out.filter((x) => x.rows[0]?.[2] === 'Frequency').map((x) => ({ title: x.title, ...frequencies(x) }));
    const counted = (code: string) => {
      const m = new Map<string, number>();
      for (const d of MIXED.filter((x) => x.code === code)) {
        const label = LEVELS[(d.answers.overall as number) - 1]!;
        m.set(label, (m.get(label) ?? 0) + 1);
      }
      return m;
    };
    // The counter survey's three answers under its variable; the hospital's four are system-missing there, and the reverse.
    expect(sipas).toMatchObject({ title: SIPAS_OVERALL, valid: counted('demo-land'), missing: new Map([['.', 4]]) });
    expect(health).toMatchObject({ title: HEALTH_OVERALL, valid: counted('demo-health'), missing: new Map([['.', 3]]) });
    expect(health!.valid).toEqual(
      new Map([
        ['Rất không hài lòng', 2],
        ['Bình thường', 1],
        ['Rất hài lòng', 1],
      ]),
    );
    expect(a1).toMatchObject({
      valid: new Map([['Hài lòng', 1]]),
      missing: new Map([
        ['Không ý kiến', 1],
        ['.', 5],
      ]),
    });

    // Case by case: a row of one survey has nothing under the other survey's question.
    const list = out.find((x) => x.title === 'Data List')!.rows.slice(1);
    expect(list.map(([survey, s, h]) => [survey, s, h])).toEqual(
      MIXED.map((d) =>
        d.code === 'demo-land'
          ? ['sipas-counter-short', String(d.answers.overall), '.']
          : ['health-outpatient', '.', String(d.answers.overall)],
      ),
    );
    // The same split as hailong's own distribution per sector.
    const dist = (await (await get(`/api/stats/distribution${MIXED_PERIOD}&groupBy=sector`)).json()) as {
      rows: { key: string; total: number }[];
    };
    expect(new Map(dist.rows.map((r) => [r.key, r.total]))).toEqual(
      new Map([
        ['land', 3],
        ['health', 4],
      ]),
    );
  });

  it('exports the same filtered rows as the stats', async () => {
    const out = await psppOn('?sector=civil_status', 'FREQUENCIES VARIABLES=sector sipas_overall.');
    const [sector, overall] = out.filter((x) => x.rows[0]?.[2] === 'Frequency').map(frequencies);
    expect(sector!.valid).toEqual(new Map([['Hộ tịch', 2]]));
    expect(overall!.valid).toEqual(
      new Map([
        ['Bình thường', 1],
        ['Hài lòng', 1],
      ]),
    );
    const stats = (await (await get('/api/stats?sector=civil_status')).json()) as { overall: { n: number } };
    expect(stats.overall.n).toBe(2);
    expect((await get('/api/exports/responses.sav?channel=fax')).status).toBe(400);
  });
});
