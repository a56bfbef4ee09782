import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { listUnitsInForce } from '../../db/units';
import { generateDemoResponses } from '../../server/bootstrap/demo-responses';
import { respondentSatisfied } from '../../surveys/scoring';
import { createTestApp, formToken, login, newClientKey, type TestApp } from '../support/test-app';

// What each of the four ways in (citizen form, interviewer entry, import, demo data) leaves in the
// responses table: every column, so a change in how a row is put together shows here.

let t: TestApp;
let cookie: string;
let land: ActiveCounter;
let units: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
  units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
});
afterAll(() => t.close());

async function storedRow(clientKey: string) {
  const result = await sql<Record<string, unknown>>`
    select tenant_id, survey_version_id, counter_id, wave_id, unit_id, sector_code, channel, submitted_at, answers, comment,
           dossier_code, client_key, token_id, satisfied, weight, flags, origin_hash, device_hash
    from responses where client_key = ${clientKey}`.execute(t.db.dbRead);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
}

const call = async (method: string, path: string, body: unknown) => {
  const res = await t.app.request(path, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function createWave(name: string) {
  const wave = await call('POST', '/api/waves', {
    name,
    survey: 'sipas-counter',
    sector: 'land',
    from: '2025-06-01',
    to: '2025-06-30',
    strata: [
      { unitId: units['11953'], population: 300 },
      { unitId: units['11980'], population: 100 },
    ],
  });
  expect(wave.status).toBe(201);
  return wave.body.id as number;
}

async function waveVersionId(waveId: number) {
  const form = await t.app.request(`/api/waves/${waveId}/form`, { headers: { cookie } });
  return ((await form.json()) as { survey: { versionId: number } }).survey.versionId;
}

const HASH = expect.stringMatching(/^[A-Za-z0-9_-]{22}$/);

describe('the row each way in stores', () => {
  it('a citizen form: the counter, its sector, the token, the sender hashes, no wave', async () => {
    const clientKey = newClientKey();
    const before = Date.now();
    const res = await t.app.request('/q/demo-land', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({
        clientKey,
        token: await formToken(t.app, 'demo-land'),
        answers: { overall: 2, access_q: 4, procedure_q: null },
        comment: '  Chờ lâu  ',
        dossierCode: '000.00.17.H31-250601-0042',
        channel: 'kiosk',
        deviceKey: 'device-key-of-the-kiosk-0001',
      }),
    });
    expect(res.status).toBe(201);
    const row = await storedRow(clientKey);
    expect(row).toEqual({
      tenant_id: t.state.tenantId,
      survey_version_id: land.surveyVersion.id,
      counter_id: land.id,
      wave_id: null,
      unit_id: land.unit_id,
      sector_code: 'land',
      channel: 'kiosk',
      submitted_at: expect.any(Date),
      answers: { overall: 2, access_q: 4, procedure_q: null },
      comment: 'Chờ lâu',
      dossier_code: '000.00.17.H31-250601-0042',
      client_key: clientKey,
      token_id: expect.any(String),
      satisfied: false,
      weight: 1,
      flags: [],
      origin_hash: HASH,
      device_hash: HASH,
    });
    expect((row.submitted_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1);
    expect((row.submitted_at as Date).getTime()).toBeLessThanOrEqual(Date.now() + 1);
    expect(row.origin_hash).not.toBe(row.device_hash);
  });

  it('an interview of a wave: the wave and its stratum, no counter, the wave’s sector unless one is named', async () => {
    const waveId = await createWave('Phỏng vấn 2025');
    const versionId = await waveVersionId(waveId);
    const plain = newClientKey();
    const named = newClientKey();
    expect(
      (
        await call('POST', `/api/waves/${waveId}/responses`, {
          clientKey: plain,
          unitId: units['11953'],
          answers: { overall: 4, access_1: 5 },
          comment: 'Ổn',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('POST', `/api/waves/${waveId}/responses`, {
          clientKey: named,
          unitId: units['11980'],
          sector: 'construction',
          answers: { overall: 3, access_1: null },
        })
      ).status,
    ).toBe(201);
    const base = {
      tenant_id: t.state.tenantId,
      survey_version_id: versionId,
      counter_id: null,
      wave_id: waveId,
      channel: 'interviewer',
      submitted_at: expect.any(Date),
      dossier_code: null,
      token_id: null,
      weight: 1,
      flags: [],
      origin_hash: null,
      device_hash: null,
    };
    expect(await storedRow(plain)).toEqual({
      ...base,
      unit_id: units['11953'],
      sector_code: 'land',
      answers: { overall: 4, access_1: 5 },
      comment: 'Ổn',
      client_key: plain,
      satisfied: true,
    });
    expect(await storedRow(named)).toEqual({
      ...base,
      unit_id: units['11980'],
      sector_code: 'construction',
      answers: { overall: 3, access_1: null },
      comment: null,
      client_key: named,
      satisfied: false,
    });
  });

  it('an import: the counter or the wave named, the date of the row, a client key from the file and line', async () => {
    const csv = 'submitted_at,overall,access_q,comment,dossier_code\n2025-10-02,5,4,Tốt,000.00.17.H31-251002-0007\n';
    const res = await t.app.request('/api/imports?counter=demo-land', {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(201);
    const keys = await sql<{ client_key: string }>`select client_key from responses where client_key like 'import-%'`.execute(t.db.dbRead);
    expect(keys.rows).toHaveLength(1);
    const clientKey = keys.rows[0]!.client_key;
    expect(clientKey).toMatch(/^import-[0-9a-f]{24}-2$/);
    expect(await storedRow(clientKey)).toEqual({
      tenant_id: t.state.tenantId,
      survey_version_id: land.surveyVersion.id,
      counter_id: land.id,
      wave_id: null,
      unit_id: land.unit_id,
      sector_code: 'land',
      channel: 'paper', // a counter import without a channel column: paper forms
      // Noon in Vietnam on the day of the row.
      submitted_at: new Date('2025-10-02T05:00:00Z'),
      answers: { overall: 5, access_q: 4 },
      comment: 'Tốt',
      dossier_code: '000.00.17.H31-251002-0007',
      client_key: clientKey,
      token_id: null,
      satisfied: true,
      weight: 1,
      flags: [],
      origin_hash: null,
      device_hash: null,
    });

    const waveId = await createWave('Phiếu giấy 2025');
    const waveVersion = await waveVersionId(waveId);
    const waveCsv = 'submitted_at,unit_code,overall\n2025-06-10T09:15,11980,3\n';
    const waveRes = await t.app.request(`/api/imports?wave=${waveId}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: waveCsv,
    });
    expect(waveRes.status).toBe(201);
    const waveKeys = await sql<{ client_key: string }>`select client_key from responses where wave_id = ${waveId}`.execute(t.db.dbRead);
    expect(waveKeys.rows).toHaveLength(1);
    const waveKey = waveKeys.rows[0]!.client_key;
    expect(waveKey).toMatch(/^import-[0-9a-f]{24}-2$/);
    expect(await storedRow(waveKey)).toEqual({
      tenant_id: t.state.tenantId,
      survey_version_id: waveVersion,
      counter_id: null,
      wave_id: waveId,
      unit_id: units['11980'],
      sector_code: 'land',
      channel: 'interviewer',
      submitted_at: new Date('2025-06-10T02:15:00Z'),
      answers: { overall: 3 },
      comment: null,
      dossier_code: null,
      client_key: waveKey,
      token_id: null,
      satisfied: false,
      weight: 1,
      flags: [],
      origin_hash: null,
      device_hash: null,
    });
  });

  it('demo data: a counter’s generated answers, labelled by their client key, within office hours', async () => {
    // 2026-04-15 is a Wednesday: every demo counter gets visits.
    expect(await generateDemoResponses(t.db.dbWrite, new Date('2026-04-15T23:59:00+07:00'), 1)).toBeGreaterThan(0);
    const row = await storedRow('demo-2026-04-15-demo-land-0');
    expect(row).toEqual({
      tenant_id: t.state.tenantId,
      survey_version_id: land.surveyVersion.id,
      counter_id: land.id,
      wave_id: null,
      unit_id: land.unit_id,
      sector_code: 'land',
      channel: expect.stringMatching(/^(qr|kiosk)$/),
      submitted_at: expect.any(Date),
      answers: expect.any(Object),
      comment: row.comment === null ? null : expect.any(String),
      dossier_code: null,
      client_key: 'demo-2026-04-15-demo-land-0',
      token_id: null,
      satisfied: respondentSatisfied(land.surveyVersion.definition, row.answers as Record<string, number | null>),
      weight: 1,
      flags: [],
      origin_hash: null,
      device_hash: null,
    });
    expect(Object.keys(row.answers as object).sort()).toEqual([
      'access_q',
      'civil_servant_q',
      'feedback_q',
      'overall',
      'procedure_q',
      'result_q',
    ]);
    const at = (row.submitted_at as Date).getTime();
    // 7:30 to 17:00 Vietnam time.
    expect(at).toBeGreaterThanOrEqual(new Date('2026-04-15T00:30:00Z').getTime());
    expect(at).toBeLessThan(new Date('2026-04-15T10:00:00Z').getTime());
  });
});
