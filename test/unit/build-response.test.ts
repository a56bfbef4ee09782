import { describe, expect, it } from 'vitest';
import { buildResponse, counterTarget } from '../../db/build-response';
import type { ActiveCounter } from '../../db/counters';
import type { NewResponse } from '../../db/responses';
import { submitResponse, type SubmitContext } from '../../server/citizen/submit-response';
import { issueFormToken } from '../../server/citizen/form-token';
import { DEFAULT_VISIT_RULES } from '../../server/http/context';
import { importRows } from '../../server/imports/import-rows';
import { educationSurvey, sipasCounterLong, sipasCounterShort } from '../../surveys/instruments';
import type { SurveyDefinition } from '../../surveys/instrument-schema';

/**
 * What the writer stores for a row the four ways in used to assemble by hand: a column they left
 * out is stored as the writer's default (no wave, no flags, no sender hashes).
 */
const asStored = (row: NewResponse): NewResponse => ({ wave_id: null, flags: [], origin_hash: null, device_hash: null, ...row });

const AT = new Date('2026-04-15T03:20:00Z');
const SECRET = 'a-test-secret-of-at-least-32-bytes-long';

function counterOf(definition: SurveyDefinition): ActiveCounter {
  return {
    id: 11,
    tenant_id: 3,
    unit_id: 5,
    code: 'demo-land',
    name: 'Quầy Đất đai',
    kiosk: false,
    survey_id: 2,
    unit_name: 'Bộ phận Một cửa',
    tenant_name: 'Tỉnh Hưng Yên',
    retention_months: 24,
    sectors: ['land', 'construction'],
    surveyVersion: { id: 7, version: definition.version, definition },
  };
}

describe('buildResponse gives the row each way in assembled by hand before', () => {
  const counter = counterOf(sipasCounterShort);

  it('a citizen form (server/citizen/submit-response.ts)', () => {
    const built = buildResponse(
      counterTarget(counter),
      { answers: { overall: 2, access_q: 4 }, comment: 'Chờ lâu', dossierCode: '000.00.17.H31-250601-0042', sector: 'construction' },
      {
        channel: 'kiosk',
        submittedAt: AT,
        clientKey: 'key-1',
        tokenId: 'nonce-1',
        flags: ['burst'],
        originHash: 'o'.repeat(22),
        deviceHash: 'd'.repeat(22),
      },
    );
    expect(built).toEqual(
      asStored({
        tenant_id: 3,
        survey_version_id: 7,
        counter_id: 11,
        unit_id: 5,
        sector_code: 'construction',
        channel: 'kiosk',
        submitted_at: AT,
        answers: { overall: 2, access_q: 4 },
        comment: 'Chờ lâu',
        dossier_code: '000.00.17.H31-250601-0042',
        client_key: 'key-1',
        token_id: 'nonce-1',
        satisfied: false,
        flags: ['burst'],
        origin_hash: 'o'.repeat(22),
        device_hash: 'd'.repeat(22),
      }),
    );
  });

  it('an interview of a wave (server/waves/waves.routes.ts)', () => {
    const built = buildResponse(
      { tenantId: 3, surveyVersion: { id: 8, definition: sipasCounterLong }, counterId: null, waveId: 4, unitId: 9 },
      { answers: { overall: 4, access_1: 5 }, comment: undefined, sector: 'other' },
      { channel: 'interviewer', submittedAt: AT, clientKey: 'key-2' },
    );
    expect(built).toEqual(
      asStored({
        tenant_id: 3,
        survey_version_id: 8,
        counter_id: null,
        wave_id: 4,
        unit_id: 9,
        sector_code: 'other',
        channel: 'interviewer',
        submitted_at: AT,
        answers: { overall: 4, access_1: 5 },
        comment: null,
        dossier_code: null,
        client_key: 'key-2',
        token_id: null,
        satisfied: true,
      }),
    );
  });

  it('an imported row (server/imports/import-rows.ts)', () => {
    const built = buildResponse(
      { tenantId: 3, surveyVersion: { id: 7, definition: sipasCounterShort }, counterId: 11, waveId: null, unitId: 5 },
      { answers: { overall: null, access_q: 3 }, dossierCode: '000.00.17.H31-251002-0007', sector: 'land' },
      { channel: 'interviewer', submittedAt: AT, clientKey: 'import-abc-2' },
    );
    expect(built).toEqual(
      asStored({
        tenant_id: 3,
        survey_version_id: 7,
        counter_id: 11,
        wave_id: null,
        unit_id: 5,
        sector_code: 'land',
        channel: 'interviewer',
        submitted_at: AT,
        answers: { overall: null, access_q: 3 },
        comment: null,
        dossier_code: '000.00.17.H31-251002-0007',
        client_key: 'import-abc-2',
        token_id: null,
        satisfied: null,
      }),
    );
  });

  it('a demo answer (server/bootstrap/demo-responses.ts)', () => {
    const built = buildResponse(
      counterTarget(counter),
      { answers: { overall: 5 }, sector: 'land', comment: null },
      { channel: 'qr', submittedAt: AT, clientKey: 'demo-2026-04-15-demo-land-0' },
    );
    expect(built).toEqual(
      asStored({
        tenant_id: 3,
        survey_version_id: 7,
        counter_id: 11,
        unit_id: 5,
        sector_code: 'land',
        channel: 'qr',
        submitted_at: AT,
        answers: { overall: 5 },
        comment: null,
        dossier_code: null,
        client_key: 'demo-2026-04-15-demo-land-0',
        token_id: null,
        satisfied: true,
      }),
    );
  });

  it('takes the satisfied verdict from the version’s own rule, not from the overall question alone', () => {
    const target = { tenantId: 1, surveyVersion: { id: 1, definition: educationSurvey }, counterId: 1, waveId: null, unitId: 1 };
    const meta = { channel: 'qr', submittedAt: AT, clientKey: 'k' } as const;
    // The education survey rates by the mean of its factors: all 5s are satisfied, all 2s are not.
    expect(buildResponse(target, { answers: { access_1: 5, facilities_1: 5 }, sector: 'education' }, meta).satisfied).toBe(true);
    expect(buildResponse(target, { answers: { access_1: 2, facilities_1: 2 }, sector: 'education' }, meta).satisfied).toBe(false);
    expect(buildResponse(target, { answers: {}, sector: 'education' }, meta).satisfied).toBeNull();
  });
});

describe('the ways in hand the writer the builder’s row', () => {
  it('the citizen form, with its token nonce and the sender hashes', async () => {
    const counter = counterOf(sipasCounterShort);
    const written: NewResponse[] = [];
    const ctx: SubmitContext = {
      db: undefined as never,
      writer: { write: async (item) => (written.push(item), { id: 1, replay: false }) },
      activity: async () => ({ fromOrigin: 0, fromDevice: 0, lastAt: null }),
      secret: SECRET,
      tokenTtlMinutes: 120,
      visits: DEFAULT_VISIT_RULES,
      address: '203.0.113.7',
      caseDueDays: 15,
      now: AT,
    };
    const token = issueFormToken(SECRET, counter.id, AT.getTime());
    const nonce = (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { n: string }).n;
    await submitResponse(ctx, counter, {
      clientKey: 'key-3',
      token,
      answers: { overall: 4 },
      comment: ' Tốt ',
      channel: 'qr',
      deviceKey: 'device-key-0001',
    });
    expect(written.map(asStored)).toEqual([
      asStored({
        tenant_id: 3,
        survey_version_id: 7,
        counter_id: 11,
        unit_id: 5,
        sector_code: 'land',
        channel: 'qr',
        submitted_at: AT,
        answers: { overall: 4 },
        comment: 'Tốt',
        dossier_code: null,
        client_key: 'key-3',
        token_id: nonce,
        satisfied: true,
        flags: [],
        origin_hash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        device_hash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      }),
    ]);
  });

  it('an import, one row per line, keyed by file and line', () => {
    const target = {
      tenantId: 3,
      surveyVersion: { id: 7, definition: sipasCounterShort },
      sectors: ['land'],
      counterId: 11,
      waveId: null,
      unitId: 5,
      strata: new Map(),
      fileKey: 'abc',
    };
    const table = {
      columns: ['submitted_at', 'overall', 'comment'],
      rows: [{ line: 2, cells: { submitted_at: '2025-10-02', overall: '5', comment: 'Tốt' } }],
    };
    const { responses, problems } = importRows(table, target);
    expect(problems).toEqual([]);
    expect(responses.map(asStored)).toEqual([
      asStored({
        tenant_id: 3,
        survey_version_id: 7,
        counter_id: 11,
        wave_id: null,
        unit_id: 5,
        sector_code: 'land',
        channel: 'paper', // a counter import without a channel column: paper forms
        submitted_at: new Date('2025-10-02T05:00:00Z'),
        answers: { overall: 5 },
        comment: 'Tốt',
        dossier_code: null,
        client_key: 'import-abc-2',
        token_id: null,
        satisfied: true,
      }),
    ]);
  });
});
