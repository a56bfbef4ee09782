import { Hono } from 'hono';
import { z } from 'zod';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import { listUnits } from '../../db/units';
import { addDays, localDay } from '../../surveys/time';
import type { AppDeps, AppEnv } from '../http/context';
import { resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { targetLookup } from '../stats/target-lookup';
import { alertList } from './alert-list';

const WINDOW_DAYS = 30;
const alertsQuery = z.object({ unit: z.coerce.number().int().positive().optional() });

/** Sector × unit pairs that need attention now: below target, or falling, over the last 30 days. */
export function alertRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/alerts', async (c) => {
    const user = c.get('user');
    const asOf = localDay(new Date());
    const scope = await resolveFilter(db.dbRead, user, parseQuery(alertsQuery, c.req.query()));
    const current: StatsFilter = { ...scope, from: addDays(asOf, -(WINDOW_DAYS - 1)), to: asOf, sector: undefined };
    const previous: StatsFilter = { ...current, from: addDays(asOf, -(2 * WINDOW_DAYS - 1)), to: addDays(asOf, -WINDOW_DAYS) };
    const [now, before, units, targets] = await Promise.all([
      satisfiedCountsFromRollups(db.dbRead, current, 'sector_unit'),
      satisfiedCountsFromRollups(db.dbRead, previous, 'sector_unit'),
      listUnits(db.dbRead, user.tenant_id),
      targetLookup(db.dbRead, current),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const alerts = alertList({ now, before, unitName, targets, year: Number(asOf.slice(0, 4)) });
    return c.json({ asOf, windowDays: WINDOW_DAYS, alerts });
  });
}
