import { Hono } from 'hono';
import { staffCounterIds } from '../../db/counter-staff';
import { listCounters } from '../../db/counters';
import { satisfiedCountsFromRollups } from '../../db/stats';
import { listUnits } from '../../db/units';
import { localDay } from '../../surveys/time';
import { scopePath } from '../http/unit-scope';
import type { AppDeps, AppEnv } from '../http/context';
import { counterCounts, countingStarts } from './counter-counts';

/**
 * What a counter officer may see: how many answers their counters received today, this month and
 * this year, never the answers themselves. "Their counters" are those an administrator linked them
 * to (PUT /api/users/:id/counters), or with no link every counter of their unit's subtree.
 */
export function officerRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/officer/counters', async (c) => {
    const user = c.get('user');
    const scope = await scopePath(db.dbRead, user);
    const today = localDay(new Date());
    const starts = countingStarts(today);
    const base = { tenantId: user.tenant_id, unitPath: scope, to: today };
    const [counters, units, staffed, day, month, year] = await Promise.all([
      listCounters(db.dbRead, user.tenant_id),
      listUnits(db.dbRead, user.tenant_id),
      staffCounterIds(db.dbRead, user.tenant_id, user.id),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: starts.day }, 'counter'),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: starts.month }, 'counter'),
      satisfiedCountsFromRollups(db.dbRead, { ...base, from: starts.year }, 'counter'),
    ]);
    return c.json({ asOf: today, counters: counterCounts(counters, units, scope, { day, month, year }, staffed) });
  });
}
