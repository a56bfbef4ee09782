import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { streamResponses, surveyVersionsInFilter } from '../../db/response-export';
import { requireSession } from '../auth/session';
import type { AppDeps, AppEnv } from '../context';
import { filterQuery, parseQuery, resolveFilter } from '../stats/stats-filter';
import { csvHeader, csvRows, questionColumns } from './responses-csv';
import { savExportRoute } from './sav.routes';
import { xlsxExportRoute } from './xlsx.routes';

export function exportRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().use(requireSession(db.dbRead)).get('/responses.csv', async (c) => {
    const filter = await resolveFilter(db.dbRead, c.get('user'), parseQuery(filterQuery, c.req.query()));
    const columns = questionColumns(await surveyVersionsInFilter(db.dbRead, filter));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="hailong-responses-${filter.from}-${filter.to}.csv"`);
    c.header('Cache-Control', 'no-store');
    // Page by page, so memory stays flat whatever the number of rows.
    return stream(c, async (out) => {
      await out.write(csvHeader(columns));
      for await (const page of streamResponses(db.dbRead, filter)) {
        await out.write(csvRows(page, columns));
      }
    });
  }).route('/', savExportRoute({ db })).route('/', xlsxExportRoute({ db }));
}
