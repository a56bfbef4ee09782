import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { streamResponses, surveyVersionsInFilter } from '../../db/response-export';
import { auditedExport } from '../audit/audited-export';
import type { AppDeps, AppEnv } from '../http/context';
import { buildCodebook } from '../../surveys/codebook';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { z } from 'zod';

const csvQuery = z.intersection(filterQuery, z.object({ labels: z.enum(['0', '1']).optional(), codes: z.enum(['0', '1']).optional() }));
import { csvHeader, csvRows } from './responses-csv';
import { streamCsvByCopy } from './responses-csv-copy';
import { codebookRoutes } from './codebook.routes';
import { savExportRoute } from './sav.routes';
import { xlsxExportRoute } from './xlsx.routes';

export function exportRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/responses.csv', async (c) => {
      const q = parseQuery(csvQuery, c.req.query());
      const filter = await resolveFilter(db.dbRead, c.get('user'), q);
      const codebook = buildCodebook(await surveyVersionsInFilter(db.dbRead, filter));
      const options = { labels: q.labels === '1', codes: q.codes === '1' };
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="hailong-responses-${filter.from}-${filter.to}.csv"`);
      c.header('Cache-Control', 'no-store');
      return stream(c, async (out) => {
        await out.write(csvHeader(codebook, options));
        // On PostgreSQL the rows come from COPY, several times faster; the same bytes either way.
        if (db.copyOut) return streamCsvByCopy(out, { ...db, copyOut: db.copyOut }, c.get('user'), filter, codebook, options);
        // Page by page, so memory stays flat whatever the number of rows.
        for await (const page of auditedExport(db, c.get('user'), 'csv', filter, streamResponses(db.dbRead, filter))) {
          await out.write(csvRows(page, codebook, options));
        }
      });
    })
    .route('/', savExportRoute({ db }))
    .route('/', xlsxExportRoute({ db }))
    .route('/', codebookRoutes({ db }).api);
}
