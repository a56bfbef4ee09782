import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDossiers } from '../../db/dossiers';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { dossierJson } from '../support/dossier-facts';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let tenantId: number;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  tenantId = (await t.db.dbRead.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

async function store(items: Record<string, unknown>[]) {
  const { records, problems } = await resolveDossiers(
    t.db.dbWrite,
    tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  return storeDossiers(t.db.dbWrite, tenantId, records, 'api');
}

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface IndexBody {
  overall: {
    r1: Ratio;
    r2: Ratio;
    r3: Ratio;
    online: { n: number; satisfied: number; rate: number | null; target: number };
    dossiers: Record<string, number>;
  };
  rows: { key: string; r3: Ratio }[];
  open: { open: number; pastDue: number };
}
const index = async (query: string): Promise<IndexBody> => {
  const res = await t.app.request(`/api/indices/766?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as IndexBody;
};

describe('Decision 766 ratios on hand-made dossiers', () => {
  it('counts unrated, 3- and 5-level ratings, overdue, late and unsatisfying complaints, and an update once', async () => {
    const saved = await store([
      dossierJson(1), // unrated, on time: satisfied
      dossierJson(2, { rating: 1, ratingScale: 3 }), // "không hài lòng" on 3 levels
      dossierJson(3, { rating: 2, ratingScale: 3 }), // satisfied
      dossierJson(4, { rating: 2, ratingScale: 5, channel: 'online' }), // not satisfied on 5 levels
      dossierJson(5, { rating: 3, ratingScale: 5, channel: 'online' }), // neither: counts as satisfied
      dossierJson(6, { finishedAt: '2026-03-11T09:00:00+07:00' }), // overdue
      dossierJson(7, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-13T09:00:00+07:00', // answered late
        complaintSatisfied: true,
      }),
      dossierJson(8, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-11T09:00:00+07:00',
        complaintSatisfied: false, // on time, not satisfied with the answer
      }),
      dossierJson(9, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-12T09:00:00+07:00',
        complaintSatisfied: true, // on time and satisfied: still fails R3 (complained about)
      }),
      dossierJson(10, { finishedAt: null }), // open: in no ratio
    ]);
    expect(saved).toEqual({ created: 10, updated: 0, unchanged: 0 });
    // Dossier 1 is updated twice: rated "không hài lòng", then re-rated satisfied; sent again unchanged.
    expect(await store([dossierJson(1, { rating: 1, ratingScale: 3 })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store([dossierJson(1, { rating: 3, ratingScale: 3 })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store([dossierJson(1, { rating: 3, ratingScale: 3 })])).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const body = await index('from=2026-03-01&to=2026-03-31');
    // Failed for R3: 2 (rating), 4 (rating), 6 (overdue), 7, 8, 9 (complaints) = 6 of 9 finished.
    expect(body.overall.r3).toEqual({ numerator: 3, denominator: 9, value: (3 * 100) / 9 });
    // R1: complaints 8 and 9 answered on time, of 3.
    expect(body.overall.r1).toEqual({ numerator: 2, denominator: 3, value: (2 * 100) / 3 });
    // R2: 3 − (8 not satisfied) − (7 late) = 1 of 3.
    expect(body.overall.r2).toEqual({ numerator: 1, denominator: 3, value: 100 / 3 });
    // Online: 4 fails, 5 passes.
    expect(body.overall.online).toMatchObject({ n: 2, satisfied: 1, rate: 50, target: 95 });
    expect(body.overall.dossiers).toMatchObject({
      total: 9,
      rated: 5,
      unrated: 4,
      ratedUnsatisfied: 2,
      overdue: 1,
      complained: 3,
      online: 2,
    });
    expect(body.open).toEqual({ open: 1, pastDue: 1 });
  });
});
