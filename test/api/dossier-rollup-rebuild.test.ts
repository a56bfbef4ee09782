import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDossiers } from '../../db/dossiers';
import { rebuildDossierRollups } from '../../db/dossier-rollup-rebuild';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { DOSSIER_COUNTS } from '../../surveys/dossier-outcome';
import { dossierJson } from '../support/dossier-facts';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A small reproducible generator (mulberry32), so a failure shows the same dossiers again. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['33-TTPVHCC', '11953', '11956', '33-BVDK'];
const SECTORS = ['land', 'construction', 'civil_status', 'health'];

/** A dossier of one of 80 codes with random facts: a code drawn again is an update, often to another cell. */
function randomDossier(next: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const received = new Date(Date.UTC(2025, 0, 25) + Math.floor(next() * 70 * 24) * 3600_000);
  const due = new Date(received.getTime() + (3 + Math.floor(next() * 5)) * 86400_000);
  // Around Vietnam midnight and month ends; one in ten still open.
  const finished = next() < 0.1 ? null : new Date(due.getTime() + Math.round((next() - 0.7) * 72) * 3600_000);
  const scale = pick([null, 3, 5] as const);
  const complained = next() < 0.2;
  const complaintDue = finished ? new Date(finished.getTime() + 3 * 86400_000) : null;
  return dossierJson(1 + Math.floor(next() * 80), {
    unit: pick(UNITS),
    sector: pick(SECTORS),
    channel: pick(['online', 'in_person']),
    receivedAt: received.toISOString(),
    dueAt: due.toISOString(),
    finishedAt: finished?.toISOString() ?? null,
    ...(scale ? { rating: 1 + Math.floor(next() * scale), ratingScale: scale } : {}),
    ...(complained && complaintDue
      ? {
          complained: true,
          complaintDueAt: complaintDue.toISOString(),
          complaintAnsweredAt:
            next() < 0.2 ? null : new Date(complaintDue.getTime() + Math.round((next() - 0.6) * 96) * 3600_000).toISOString(),
          complaintSatisfied: next() < 0.3 ? false : true,
        }
      : {}),
  });
}

/** Every rollup row with something in it, as plain values in one order (a cell moved away leaves zeros behind). */
type RollupTable =
  | 'dossier_daily_rollups'
  | 'dossier_monthly_rollups'
  | 'dossier_daily_rollups_all_channels'
  | 'dossier_monthly_rollups_all_channels'
  | 'dossier_open_rollups'
  | 'dossier_open_totals';
async function rows(table: RollupTable) {
  const nonZero = sql.raw(table.startsWith('dossier_open') ? 'open <> 0' : DOSSIER_COUNTS.map((k) => `${k} <> 0`).join(' or '));
  const result = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} where ${nonZero} order by 1, 2, 3, 4${sql.raw(table === 'dossier_open_totals' || table.endsWith('_all_channels') ? '' : ', 5')}`.execute(
    t.db.dbRead,
  );
  return result.rows.map((r) => JSON.stringify(r));
}

describe('rebuildDossierRollups', () => {
  it('recomputes exactly the rollups storeDossiers moved, then restores them once deleted', async () => {
    const next = random(766);
    let updated = 0;
    for (let batch = 0; batch < 8; batch++) {
      const items = Array.from({ length: 40 }, () => randomDossier(next));
      const { records, problems } = await resolveDossiers(
        t.db.dbWrite,
        t.state.tenantId,
        undefined,
        items.map((value, at) => ({ at, value })),
      );
      expect(problems).toEqual([]);
      updated += (await storeDossiers(t.db.dbWrite, t.state.tenantId, records, batch % 2 ? 'api' : 'import')).updated;
    }
    expect(updated).toBeGreaterThan(20);
    const before = {
      daily: await rows('dossier_daily_rollups'),
      monthly: await rows('dossier_monthly_rollups'),
      open: await rows('dossier_open_rollups'),
      openTotals: await rows('dossier_open_totals'),
      dailyAll: await rows('dossier_daily_rollups_all_channels'),
      monthlyAll: await rows('dossier_monthly_rollups_all_channels'),
    };
    // Over both channels: fewer cells than per channel, as many dossiers.
    expect(before.dailyAll.length).toBeLessThan(before.daily.length);
    expect(before.monthlyAll.length).toBeGreaterThan(0);
    expect(before.open.length).toBeGreaterThan(0);
    expect(before.openTotals.length).toBeGreaterThan(0);
    expect(before.daily.length).toBeGreaterThan(30);
    expect(before.monthly.length).toBeGreaterThan(10);

    await rebuildDossierRollups(t.db.dbWrite, t.state.tenantId);
    expect(await rows('dossier_daily_rollups')).toEqual(before.daily);
    expect(await rows('dossier_monthly_rollups')).toEqual(before.monthly);
    expect(await rows('dossier_open_rollups')).toEqual(before.open);
    expect(await rows('dossier_open_totals')).toEqual(before.openTotals);
    expect(await rows('dossier_daily_rollups_all_channels')).toEqual(before.dailyAll);
    expect(await rows('dossier_monthly_rollups_all_channels')).toEqual(before.monthlyAll);

    await sql`delete from dossier_daily_rollups`.execute(t.db.dbWrite);
    await sql`delete from dossier_open_rollups`.execute(t.db.dbWrite);
    await sql`update dossier_open_totals set open = open + 3`.execute(t.db.dbWrite);
    await sql`delete from dossier_daily_rollups_all_channels`.execute(t.db.dbWrite);
    await sql`update dossier_monthly_rollups_all_channels set complaints = complaints + 1`.execute(t.db.dbWrite);
    await sql`update dossier_monthly_rollups set dossiers = dossiers + 5, r3_failed = 0`.execute(t.db.dbWrite);
    expect(await rows('dossier_daily_rollups')).toEqual([]);
    await rebuildDossierRollups(t.db.dbWrite, t.state.tenantId);
    expect(await rows('dossier_daily_rollups')).toEqual(before.daily);
    expect(await rows('dossier_monthly_rollups')).toEqual(before.monthly);
    expect(await rows('dossier_open_rollups')).toEqual(before.open);
    expect(await rows('dossier_open_totals')).toEqual(before.openTotals);
    expect(await rows('dossier_daily_rollups_all_channels')).toEqual(before.dailyAll);
    expect(await rows('dossier_monthly_rollups_all_channels')).toEqual(before.monthlyAll);
  });
});
