import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/context';
import { answerDistribution } from './answer-distribution';
import { factorReport } from './factor-report';
import { hourWeekdayMap } from './hour-weekday-map';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { monthlyTrend } from './trend';

const distributionQuery = z.intersection(filterQuery, z.object({ groupBy: z.enum(['sector', 'unit', 'counter']).default('sector') }));

/** The views that explain a rate: its trend, its factors, its answers, its hours. */
export function analysisRoutes({ db }: AppDeps) {
  const filterOf = (c: Context<AppEnv>) => resolveFilter(db.dbRead, c.get('user'), parseQuery(filterQuery, c.req.query()));
  return new Hono<AppEnv>()
    .get('/stats/trend', async (c) => c.json(await monthlyTrend(db.dbRead, await filterOf(c))))
    .get('/stats/factors', async (c) => c.json(await factorReport(db.dbRead, await filterOf(c))))
    .get('/stats/heatmap', async (c) => c.json(await hourWeekdayMap(db.dbRead, await filterOf(c))))
    .get('/stats/distribution', async (c) => {
      const q = parseQuery(distributionQuery, c.req.query());
      const filter = await resolveFilter(db.dbRead, c.get('user'), q);
      return c.json(await answerDistribution(db.dbRead, filter, q.groupBy));
    });
}
