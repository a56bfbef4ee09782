import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { streamResponses, surveyVersionsInFilter, type ExportRow } from '../../db/response-export';
import { buildCodebook, type CodebookVariable } from '../../surveys/codebook';
import { auditedExport } from '../audit/audited-export';
import type { AppDeps, AppEnv } from '../http/context';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { codebookRow } from './codebook-row';
import { writeSav } from './sav/sav-writer';

/** The codebook's values, one response at a time, from pages of responses. */
async function* codebookRows(pages: AsyncIterable<ExportRow[]>, codebook: readonly CodebookVariable[]) {
  for await (const page of pages) {
    for (const r of page) yield codebookRow(codebook, r);
  }
}

/** GET /responses.sav: the same rows and filter as the CSV, as an SPSS system file with the codebook's labels. */
export function savExportRoute({ db }: Pick<AppDeps, 'db'>) {
  return new Hono<AppEnv>().get('/responses.sav', async (c) => {
    const filter = await resolveFilter(db.dbRead, c.get('user'), parseQuery(filterQuery, c.req.query()));
    const codebook = buildCodebook(await surveyVersionsInFilter(db.dbRead, filter));
    c.header('Content-Type', 'application/x-spss-sav');
    c.header('Content-Disposition', `attachment; filename="hailong-responses-${filter.from}-${filter.to}.sav"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      const fileLabel = `hailong ${filter.from} - ${filter.to}`;
      for await (const chunk of writeSav(
        codebook,
        codebookRows(auditedExport(db, c.get('user'), 'sav', filter, streamResponses(db.dbRead, filter)), codebook),
        { fileLabel },
      )) {
        await out.write(chunk);
      }
    });
  });
}
