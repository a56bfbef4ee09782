import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../db/rollup-rebuild';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CODES = ['demo-land', 'demo-investment', 'demo-health', 'demo-education', 'demo-civil'];

/** Every rollup row of a table, in one order, as plain values. */
async function rows(table: 'daily_rollups' | 'hourly_rollups' | 'monthly_rollups') {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(
    t.db.dbRead,
  );
  return result.rows.map((r) => JSON.stringify(r));
}

describe('rebuildRollups', () => {
  it('recomputes exactly the rollups the writer kept, from the raw responses', async () => {
    // Several writer transactions (cells added to, not just inserted), days around the Vietnam
    // midnight, month ends, "no opinion" answers and flagged answers that must stay out.
    for (const [i, from] of ['2025-01-28T15:00:00Z', '2025-02-27T16:30:00Z', '2025-12-31T16:59:00Z'].entries()) {
      await storeRandomResponses(t.db, { count: 400, seed: 7 + i, codes: CODES, from: new Date(from), days: 5, flaggedShare: 0.1 });
    }
    const before = { daily: await rows('daily_rollups'), hourly: await rows('hourly_rollups'), monthly: await rows('monthly_rollups') };
    expect(before.daily.length).toBeGreaterThan(100);
    expect(before.hourly.length).toBeGreaterThan(50);
    expect(before.monthly.length).toBeGreaterThan(10);

    // Spoil the stored rollups first, so a rebuild that left them alone would fail.
    await sql`update daily_rollups set count = count + 1`.execute(t.db.dbWrite);
    await sql`delete from hourly_rollups where hour = 10`.execute(t.db.dbWrite);
    await sql`update monthly_rollups set satisfied = 0`.execute(t.db.dbWrite);
    await rebuildRollups(t.db.dbWrite, t.state.tenantId);

    expect(await rows('daily_rollups')).toEqual(before.daily);
    expect(await rows('hourly_rollups')).toEqual(before.hourly);
    expect(await rows('monthly_rollups')).toEqual(before.monthly);
  });

  it('counts only official answers: the flagged ones are stored but absent from the rebuilt rollups', async () => {
    const flagged = await sql<{ n: number }>`select count(*)::int as n from responses where cardinality(flags) > 0`.execute(t.db.dbRead);
    expect(flagged.rows[0]!.n).toBeGreaterThan(0);
    const counted = await sql<{ n: number }>`select coalesce(sum(responses), 0)::int as n from hourly_rollups`.execute(t.db.dbRead);
    const official = await sql<{ n: number }>`select count(*)::int as n from responses where cardinality(flags) = 0`.execute(t.db.dbRead);
    expect(counted.rows[0]!.n).toBe(official.rows[0]!.n);
  });
});
