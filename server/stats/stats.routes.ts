import { Hono } from 'hono';
import { z } from 'zod';
import { GROUP_BYS } from '../../db/stats';
import type { AppDeps, AppEnv } from '../http/context';
import { rateTable } from './rate-table';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';

const statsQuery = z.intersection(filterQuery, z.object({ groupBy: z.enum(GROUP_BYS).default('sector') }));

export function statsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/stats', async (c) => {
    const user = c.get('user');
    const q = parseQuery(statsQuery, c.req.query());
    const filter = await resolveFilter(db.dbRead, user, q);
    const table = await rateTable(db.dbRead, filter, q.groupBy);
    return c.json({
      filter: { ...q, from: filter.from, to: filter.to },
      groupBy: q.groupBy,
      // The tree the figures are told in: today's units, or those in force on the asOf day.
      view: { view: q.view ?? 'now', day: filter.view?.day },
      // Said beside the rates, so nobody wonders why a burst they know of is not counted.
      excluded: table.excluded,
      overall: table.overall,
      rows: table.rows,
    });
  });
}
