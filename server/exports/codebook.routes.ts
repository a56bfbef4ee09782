import { Hono } from 'hono';
import { surveyVersionsInFilter } from '../../db/response-export';
import { buildCodebook } from '../../surveys/codebook';
import { auditFilter } from '../audit/audited-export';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { renderCodebookPage } from './codebook-page';

/** The codebook of the exports for a filter: `GET /api/exports/codebook.json` and the page `GET /exports/codebook`. */
export function codebookRoutes({ db }: Pick<AppDeps, 'db'>) {
  const codebookOf = async (user: AppEnv['Variables']['user'], query: Record<string, string>) => {
    const filter = await resolveFilter(db.dbRead, user, parseQuery(filterQuery, query));
    const codebook = buildCodebook(await surveyVersionsInFilter(db.dbRead, filter));
    await recordAudit(db, user, 'export', 'codebook', { format: 'codebook', filter: auditFilter(filter), variables: codebook.length });
    return codebook;
  };
  return {
    api: new Hono<AppEnv>().get('/codebook.json', async (c) => c.json({ variables: await codebookOf(c.get('user'), c.req.query()) })),
    page: new Hono<AppEnv>().get('/codebook', async (c) => c.html(renderCodebookPage(await codebookOf(c.get('user'), c.req.query())))),
  };
}
