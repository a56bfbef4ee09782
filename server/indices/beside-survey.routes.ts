import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/context';
import { parseQuery } from '../http/parse-query';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { besideSurvey } from './beside-survey';

const besideQuery = z.intersection(filterQuery, z.object({ groupBy: z.enum(['sector', 'unit']).default('sector') }));

/** The Decision 766 ratios beside the survey's own satisfaction rate, per sector or unit, for the same filter. */
export function besideSurveyRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/indices/766/beside-survey', async (c) => {
    const q = parseQuery(besideQuery, c.req.query());
    const filter = await resolveFilter(db.dbRead, c.get('user'), q);
    const table = await besideSurvey(db.dbRead, filter, q.groupBy);
    return c.json({
      filter: { from: filter.from, to: filter.to, unit: q.unit, sector: q.sector },
      groupBy: q.groupBy,
      view: { view: q.view ?? 'now', day: filter.view?.day },
      ...table,
    });
  });
}
