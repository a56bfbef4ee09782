import type { DbHandle } from '../db/create-db';
import { standingReorganisations } from '../db/unit-lineage';

/** The day the bench's province reorganised some wards, mid-year as in 2025. */
export const REORGANISED_ON = '2025-07-01';

/**
 * Puts reorganisations in the bench's data, once (a kept data set keeps them): two wards merged
 * into the first of them and a third ward split 60/40 into two new ones, on 1 July, recorded
 * through the API as an administrator would. The dashboard is then measured in today's tree,
 * where half a year of three wards' answers count for other units, a share of them fractionally.
 */
/** What the bench needs of the app: one request at a time. */
interface Requests {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}

export async function ensureReorganisations(app: Requests, cookie: string, handle: DbHandle, tenantId: number): Promise<number> {
  const standing = await standingReorganisations(handle.dbRead, tenantId);
  if (standing.length > 0) return standing.length;
  const wards = await handle.dbRead
    .selectFrom('units')
    .select(['id', 'parent_id', 'code'])
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', ['BENCH-D1-W1', 'BENCH-D1-W2', 'BENCH-D1-W3'])
    .orderBy('code')
    .execute();
  const [w1, w2, w3] = wards;
  if (!w1 || !w2 || !w3) throw new Error('dashboard bench: the wards to reorganise are missing');
  const counters = await handle.dbRead
    .selectFrom('counters')
    .select('id')
    .where('unit_id', '=', w3.id)
    .where('retired_at', 'is', null)
    .orderBy('id')
    .execute();
  const post = async (body: unknown) => {
    const res = await app.request('/api/units/reorganisations', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`dashboard bench: reorganisation refused (${res.status}) ${await res.text()}`);
  };
  await post({ kind: 'merge', effectiveOn: REORGANISED_ON, from: [w1.id, w2.id], into: { unitId: w1.id } });
  await post({
    kind: 'split',
    effectiveOn: REORGANISED_ON,
    from: w3.id,
    into: [
      { code: '90001', name: 'Phường tách A (bench)', kind: 'ward', parentId: w3.parent_id, share: 0.6 },
      { code: '90002', name: 'Phường tách B (bench)', kind: 'ward', parentId: w3.parent_id, share: 0.4 },
    ],
    counters: counters.map((c, i) => ({ counterId: c.id, to: i % 2 })),
  });
  return 2;
}
