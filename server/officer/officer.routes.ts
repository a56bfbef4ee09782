import { Hono } from 'hono';
import { listCounters } from '../../db/counters';
import { satisfiedCountsFromRollups } from '../../db/stats';
import { listUnits } from '../../db/units';
import { localDay } from '../../surveys/time';
import { inScope, scopePath } from '../http/unit-scope';
import type { AppDeps, AppEnv } from '../http/context';

/**
 * What a counter officer may see: how many answers their counters received today, this month and
 * this year, never the answers themselves.
 */
export function officerRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/officer/counters', async (c) => {
    const user = c.get('user');
    const scope = await scopePath(db.dbRead, user);
    const today = localDay(new Date());
    const base = { tenantId: user.tenant_id, unitPath: scope, to: today };
    const [counters, units, day, month, year] = await Promise.all([
      listCounters(db.dbRead, user.tenant_id),
      listUnits(db.dbRead, user.tenant_id),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: today }, 'counter'),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: `${today.slice(0, 7)}-01` }, 'counter'),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: `${today.slice(0, 4)}-01-01` }, 'counter'),
    ]);
    const pathOf = new Map(units.map((u) => [u.id, u.path]));
    const count = (rows: typeof day, id: number) => rows.find((r) => r.key === String(id))?.valid ?? 0;
    return c.json({
      asOf: today,
      counters: counters
        .filter((k) => !k.retired_at && inScope(scope, pathOf.get(k.unit_id) ?? ''))
        .map((k) => ({ code: k.code, name: k.name, today: count(day, k.id), month: count(month, k.id), year: count(year, k.id) })),
    });
  });
}
