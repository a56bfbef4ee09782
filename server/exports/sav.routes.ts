import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { Kysely } from 'kysely';
import { streamResponses, surveyVersionsInFilter } from '../../db/response-export';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { buildCodebook, type CodebookVariable } from '../../surveys/codebook';
import { requireSession } from '../auth/session';
import type { AppDeps, AppEnv } from '../context';
import { filterQuery, parseQuery, resolveFilter } from '../stats/stats-filter';
import { codebookRow } from './codebook-row';
import { writeSav } from './sav/sav-writer';

/** The codebook's values, one response at a time, read in keyset pages. */
async function* codebookRows(db: Kysely<Database>, filter: StatsFilter, codebook: readonly CodebookVariable[]) {
  for await (const page of streamResponses(db, filter)) {
    for (const r of page) yield codebookRow(codebook, r);
  }
}

/** GET /responses.sav: the same rows and filter as the CSV, as an SPSS system file with the codebook's labels. */
export function savExportRoute({ db }: Pick<AppDeps, 'db'>) {
  return new Hono<AppEnv>().get('/responses.sav', requireSession(db.dbRead), async (c) => {
    const filter = await resolveFilter(db.dbRead, c.get('user'), parseQuery(filterQuery, c.req.query()));
    const codebook = buildCodebook(await surveyVersionsInFilter(db.dbRead, filter));
    c.header('Content-Type', 'application/x-spss-sav');
    c.header('Content-Disposition', `attachment; filename="hailong-responses-${filter.from}-${filter.to}.sav"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      const fileLabel = `hailong ${filter.from} - ${filter.to}`;
      for await (const chunk of writeSav(codebook, codebookRows(db.dbRead, filter, codebook), { fileLabel })) {
        await out.write(chunk);
      }
    });
  });
}
