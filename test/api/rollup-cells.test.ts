import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { storeResponses } from '../../db/responses';
import { createTestApp, newClientKey, type TestApp } from '../support/test-app';

// The rollup rule (db/rollup-cells.ts) as the writer applies it, cell by cell.

let t: TestApp;
let land: ActiveCounter;
beforeAll(async () => {
  t = await createTestApp();
  land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
});
afterAll(() => t.close());

const at = new Date('2026-05-01T03:00:00Z');
const answer = (answers: Record<string, unknown>, satisfied: boolean | null, extra: { flags?: string[] } = {}) => ({
  tenant_id: land.tenant_id,
  survey_version_id: land.surveyVersion.id,
  counter_id: land.id,
  unit_id: land.unit_id,
  sector_code: 'land',
  channel: 'qr' as const,
  submitted_at: at,
  answers: answers as never,
  comment: null,
  dossier_code: null,
  client_key: newClientKey(),
  token_id: null,
  satisfied,
  ...extra,
});

describe('rollup cells', () => {
  it('count a multiple choice once per option ticked, no text, no "no opinion", and no flagged answer', async () => {
    await storeResponses(t.db.dbWrite, [
      answer({ many: [1, 3], say: 'chữ', a3: 2 }, true),
      answer({ many: [3], a3: 2 }, null),
      answer({ many: [1], a3: 5 }, false, { flags: ['burst'] }),
    ]);
    const daily = await t.db.dbRead
      .selectFrom('daily_rollups')
      .select(['question_key', 'value', 'count', 'weight_sum', 'day'])
      .where('counter_id', '=', land.id)
      .orderBy('question_key')
      .orderBy('value')
      .execute();
    expect(daily.map((c) => [c.question_key, c.value, c.count, Number(c.weight_sum)])).toEqual([
      ['_satisfied', 1, 1, 1],
      ['a3', 2, 2, 2],
      ['many', 1, 1, 1],
      ['many', 3, 2, 2],
    ]);
    expect(new Set(daily.map((c) => String(c.day)))).toEqual(new Set(['2026-05-01']));
    const hourly = await t.db.dbRead.selectFrom('hourly_rollups').selectAll().where('counter_id', '=', land.id).execute();
    // 03:00 UTC is 10:00 in Vietnam.
    expect(hourly.map((h) => [h.hour, h.responses, h.valid, h.satisfied])).toEqual([[10, 2, 1, 1]]);
    const monthly = await t.db.dbRead.selectFrom('monthly_rollups').selectAll().where('counter_id', '=', land.id).execute();
    expect(monthly.map((m) => [String(m.month), m.responses, m.valid, m.satisfied])).toEqual([['2026-05-01', 2, 1, 1]]);
  });
});
