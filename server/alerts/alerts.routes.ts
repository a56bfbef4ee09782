import { Hono } from 'hono';
import { z } from 'zod';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import { listUnits } from '../../db/units';
import { alertKinds } from '../../surveys/alerts';
import { sectorName } from '../../surveys/sectors';
import { summarize, rate } from '../../surveys/statistics';
import { addDays, localDay } from '../../surveys/time';
import type { AppDeps, AppEnv } from '../http/context';
import { resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { targetLookup } from '../stats/target-lookup';

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
    const earlier = new Map(before.map((r) => [r.key, r]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const year = Number(asOf.slice(0, 4));
    const alerts = now.flatMap((r) => {
      const [sector = '', unit = ''] = r.key.split('|');
      const prev = earlier.get(r.key) ?? { satisfied: 0, valid: 0 };
      const target = targets(sector, year);
      const kinds = alertKinds({ current: r, previous: prev, target });
      const summary = summarize({ satisfied: r.satisfied, valid: r.valid, target });
      const prevRate = rate(prev.satisfied, prev.valid);
      return kinds.map((kind) => ({
        kind,
        sector,
        sectorLabel: sectorName(sector, 'vi'),
        unitId: Number(unit),
        unitName: unitName.get(Number(unit)) ?? unit,
        current: { n: summary.n, satisfied: summary.satisfied, rate: summary.rate, interval: summary.interval, target },
        previous: { n: prev.valid, rate: prevRate },
        drop: prevRate !== null && summary.rate !== null ? prevRate - summary.rate : null,
      }));
    });
    // Furthest below target first.
    alerts.sort((a, b) => (a.current.rate ?? 0) - a.current.target - ((b.current.rate ?? 0) - b.current.target));
    return c.json({ asOf, windowDays: WINDOW_DAYS, alerts });
  });
}
